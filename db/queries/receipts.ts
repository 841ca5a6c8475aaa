import type { Database } from 'better-sqlite3';
import type { Receipt } from '../../electron/common/receipts/model.js';
import type { ReceiptQuery, ReceiptSortField } from '../../electron/common/receipts/query.js';
import { toFtsQuery } from './ftsQuery.js';

const SORT_COLUMNS: Record<ReceiptSortField, string> = {
  controlNumber: 'control_number',
  unclassifiedTitle: 'unclassified_title COLLATE NOCASE',
  status: 'status',
  level: 'level_rank',
  suspenseDueOn: 'suspense_due_on',
  receivedOn: 'received_on',
  dispatchedOn: 'dispatched_on',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
};

/** Statuses of an outgoing receipt still waiting for its signed receipt. */
export const AWAITING_RECEIPT = ['dispatched', 'tracer_sent', 'escalated'] as const;

export function getReceipt(db: Database, id: string): Receipt | undefined {
  const row = db.prepare('SELECT doc FROM receipts WHERE id = ?').get(id) as { doc: string } | undefined;
  return row ? (JSON.parse(row.doc) as Receipt) : undefined;
}

export function findLiveByControlNumber(db: Database, siteId: string, direction: string, controlNumber: string): string | undefined {
  const row = db
    .prepare("SELECT id FROM receipts WHERE site_id = ? AND direction = ? AND control_number = ? AND status <> 'void'")
    .get(siteId, direction, controlNumber) as { id: string } | undefined;
  return row?.id;
}

/** One page of receipts matching the query, and the total that match. Every filter runs in SQL. */
export function listReceipts(db: Database, query: ReceiptQuery, today: string): { items: Receipt[]; total: number } {
  const where: string[] = [];
  const params: Record<string, unknown> = { today };

  if (query.siteId) {
    where.push('r.site_id = @siteId');
    params.siteId = query.siteId;
  }
  if (query.direction) {
    where.push('r.direction = @direction');
    params.direction = query.direction;
  }
  if (query.statuses && query.statuses.length > 0) {
    where.push(`r.status IN (${query.statuses.map((_, i) => `@status${i}`).join(', ')})`);
    query.statuses.forEach((s, i) => (params[`status${i}`] = s));
  } else if (!query.includeVoid) {
    where.push("r.status <> 'void'");
  }
  if (query.overdueOnly) {
    where.push(`r.status IN (${AWAITING_RECEIPT.map((s) => `'${s}'`).join(', ')}) AND r.suspense_due_on < @today`);
  }
  if (query.levels && query.levels.length > 0) {
    where.push(`r.level IN (${query.levels.map((_, i) => `@level${i}`).join(', ')})`);
    query.levels.forEach((l, i) => (params[`level${i}`] = l));
  }
  if (query.fgi === 'only') where.push('r.fgi = 1');
  if (query.fgi === 'exclude') where.push('r.fgi = 0');
  if (query.country) {
    where.push("r.countries LIKE @country ESCAPE '\\'");
    params.country = `% ${query.country} %`;
  }
  const fts = query.search ? toFtsQuery(query.search) : null;
  if (fts) {
    where.push('r.search_key IN (SELECT rowid FROM receipts_fts WHERE receipts_fts MATCH @fts)');
    params.fts = fts;
  }

  const whereSql = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
  const total = (db.prepare(`SELECT count(*) AS n FROM receipts r ${whereSql}`).get(params) as { n: number }).n;
  const direction = query.sortDir === 'asc' ? 'ASC' : 'DESC';
  // NULLs last whichever way the user sorts, and id as a tie-breaker so pages never overlap.
  const order = `${SORT_COLUMNS[query.sort]} IS NULL, ${SORT_COLUMNS[query.sort]} ${direction}, r.id ${direction}`;
  const rows = db
    .prepare(`SELECT r.doc FROM receipts r ${whereSql} ORDER BY ${order} LIMIT @limit OFFSET @offset`)
    .all({ ...params, limit: query.limit, offset: query.offset }) as { doc: string }[];
  return { items: rows.map((row) => JSON.parse(row.doc) as Receipt), total };
}
