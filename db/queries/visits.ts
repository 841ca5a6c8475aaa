import type { Database } from 'better-sqlite3';
import type { Visitor, VisitRequest } from '../../electron/common/visits/model.js';
import type { VisitQuery, VisitSortField } from '../../electron/common/visits/query.js';
import { toFtsQuery } from './ftsQuery.js';

const SORT_COLUMNS: Record<VisitSortField, string> = {
  startDate: 'start_date',
  endDate: 'end_date',
  requestNumber: 'request_number',
  country: 'country',
  status: 'status',
  disposeAfter: 'dispose_after',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
};

export function getVisitRequest(db: Database, id: string): VisitRequest | undefined {
  const row = db.prepare('SELECT doc FROM visit_requests WHERE id = ?').get(id) as { doc: string } | undefined;
  return row ? (JSON.parse(row.doc) as VisitRequest) : undefined;
}

export function getVisitor(db: Database, id: string): Visitor | undefined {
  const row = db.prepare('SELECT doc FROM visitors WHERE id = ?').get(id) as { doc: string } | undefined;
  return row ? (JSON.parse(row.doc) as Visitor) : undefined;
}

/** The visitors named on a request (removed ones too), in the order they were added. */
export function visitorsOfRequest(db: Database, requestId: string): Visitor[] {
  const rows = db.prepare('SELECT doc FROM visitors WHERE request_id = ? ORDER BY created_at, rowid').all(requestId) as { doc: string }[];
  return rows.map((row) => JSON.parse(row.doc) as Visitor);
}

export function visitorCounts(db: Database, requestIds: readonly string[]): Map<string, { active: number; onSite: number }> {
  const counts = new Map<string, { active: number; onSite: number }>();
  if (requestIds.length === 0) return counts;
  const rows = db
    .prepare(
      `SELECT request_id, sum(status = 'active') AS active, sum(open_badge IS NOT NULL) AS on_site
       FROM visitors WHERE request_id IN (${requestIds.map(() => '?').join(', ')}) GROUP BY request_id`,
    )
    .all(...requestIds) as { request_id: string; active: number; on_site: number }[];
  for (const row of rows) counts.set(row.request_id, { active: row.active, onSite: row.on_site });
  return counts;
}

export function findLiveVisitByNumber(db: Database, siteId: string, direction: string, requestNumber: string): string | undefined {
  const row = db
    .prepare("SELECT id FROM visit_requests WHERE site_id = ? AND direction = ? AND request_number = ? AND status <> 'void'")
    .get(siteId, direction, requestNumber) as { id: string } | undefined;
  return row?.id;
}

/** The visitor now wearing this badge (an arrival without a departure), if any. */
export function visitorWearingBadge(db: Database, siteId: string, badgeNumber: string): string | undefined {
  const row = db.prepare('SELECT id FROM visitors WHERE site_id = ? AND open_badge = ?').get(siteId, badgeNumber) as { id: string } | undefined;
  return row?.id;
}

/** One page of visit requests matching the query, and the total that match. Every filter runs in SQL. */
export function listVisits(db: Database, query: VisitQuery, today: string): { items: VisitRequest[]; total: number } {
  const where: string[] = [];
  const params: Record<string, unknown> = { today };
  const inList = (name: string, column: string, values: readonly string[]) => {
    where.push(`${column} IN (${values.map((_, i) => `@${name}${i}`).join(', ')})`);
    values.forEach((v, i) => (params[`${name}${i}`] = v));
  };

  if (query.siteId) {
    where.push('v.site_id = @siteId');
    params.siteId = query.siteId;
  }
  if (query.direction) {
    where.push('v.direction = @direction');
    params.direction = query.direction;
  }
  if (query.statuses && query.statuses.length > 0) inList('status', 'v.status', query.statuses);
  else if (!query.includeVoid) where.push("v.status <> 'void'");
  if (query.types && query.types.length > 0) inList('type', 'v.type', query.types);
  if (query.when === 'upcoming') where.push("v.status IN ('requested', 'approved') AND v.start_date > @today");
  if (query.when === 'current') {
    where.push("(v.status = 'in_progress' OR (v.status = 'approved' AND v.start_date <= @today AND v.end_date >= @today))");
  }
  if (query.country) {
    where.push('v.country = @country');
    params.country = query.country;
  }
  if (query.from) {
    where.push('v.end_date >= @from');
    params.from = query.from;
  }
  if (query.to) {
    where.push('v.start_date <= @to');
    params.to = query.to;
  }
  if (query.dueForDisposal) where.push('v.dispose_after < @today');
  const fts = query.search ? toFtsQuery(query.search) : null;
  if (fts) {
    where.push('v.search_key IN (SELECT rowid FROM visits_fts WHERE visits_fts MATCH @fts)');
    params.fts = fts;
  }

  const whereSql = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
  const total = (db.prepare(`SELECT count(*) AS n FROM visit_requests v ${whereSql}`).get(params) as { n: number }).n;
  const direction = query.sortDir === 'asc' ? 'ASC' : 'DESC';
  const column = SORT_COLUMNS[query.sort];
  const rows = db
    .prepare(`SELECT v.doc FROM visit_requests v ${whereSql} ORDER BY ${column} ${direction}, v.id ${direction} LIMIT @limit OFFSET @offset`)
    .all({ ...params, limit: query.limit, offset: query.offset }) as { doc: string }[];
  return { items: rows.map((row) => JSON.parse(row.doc) as VisitRequest), total };
}
