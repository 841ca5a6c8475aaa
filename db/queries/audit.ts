import type { Database } from 'better-sqlite3';
import type { AuditFilter } from '../../electron/common/contract/audit.js';
import { addDays } from '../../electron/common/primitives.js';
import type { JournalEntry } from '../../electron/common/journal.js';
import type { JournalRow } from '../journal/rows.js';
import { JOURNAL_COLUMNS, rowToEntry } from '../journal/rows.js';

function whereClause(filter: AuditFilter): { sql: string; params: Record<string, unknown> } {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  if (filter.actor) {
    where.push('actor = @actor');
    params.actor = filter.actor;
  }
  if (filter.kind) {
    where.push('kind = @kind');
    params.kind = filter.kind;
  }
  if (filter.action) {
    where.push('action = @action');
    params.action = filter.action;
  }
  if (filter.snapshot !== undefined) {
    where.push('ord <= @snapshot');
    params.snapshot = filter.snapshot;
  }
  if (filter.siteId) {
    where.push('site_id = @siteId');
    params.siteId = filter.siteId;
  }
  if (filter.from) {
    where.push('at >= @from');
    params.from = `${filter.from}T00:00:00.000Z`;
  }
  if (filter.to) {
    where.push('at < @to');
    params.to = `${addDays(filter.to, 1)}T00:00:00.000Z`;
  }
  return { sql: where.length > 0 ? `WHERE ${where.join(' AND ')}` : '', params };
}

/** The current end of the journal in insertion order: pass it back as `snapshot` to page stably. */
export function journalSnapshot(db: Database): number {
  return (db.prepare('SELECT coalesce(max(ord), 0) AS ord FROM journal').get() as { ord: number }).ord;
}

/** Newest first; the same filter drives the screen and the CSV export. */
export function listAudit(db: Database, filter: AuditFilter, page: { offset: number; limit: number }): { items: JournalEntry[]; total: number } {
  const { sql, params } = whereClause(filter);
  const total = (db.prepare(`SELECT count(*) AS n FROM journal ${sql}`).get(params) as { n: number }).n;
  const rows = db
    .prepare(`SELECT ${JOURNAL_COLUMNS} FROM journal ${sql} ORDER BY at DESC, site_id, seq DESC LIMIT @limit OFFSET @offset`)
    .all({ ...params, ...page }) as JournalRow[];
  return { items: rows.map(rowToEntry), total };
}

export function iterateAudit(db: Database, filter: AuditFilter, limit: number): IterableIterator<JournalEntry> {
  const { sql, params } = whereClause(filter);
  const rows = db.prepare(`SELECT ${JOURNAL_COLUMNS} FROM journal ${sql} ORDER BY at DESC, site_id, seq DESC LIMIT @limit`).iterate({ ...params, limit }) as IterableIterator<JournalRow>;
  return (function* () {
    for (const row of rows) yield rowToEntry(row);
  })();
}

/**
 * Failed sign-ins of one account in the lockout window that came after the last event that
 * restarts the count (a successful sign-in, an unlock, a reset, the account's creation). Ordered
 * by journal seq, not by time, so events in the same millisecond still count in the right order.
 */
export function failedSignInsInWindow(db: Database, siteId: string, userId: string, windowStartIso: string): number {
  const reset = db
    .prepare(
      `SELECT max(seq) AS seq FROM journal WHERE site_id = ? AND entity_id = ? AND (
         (kind = 'session' AND action IN ('sign_in', 'session_unlock')) OR
         (kind = 'user' AND action IN ('create', 'unlock', 'auto_unlock', 'reset_password')))`,
    )
    .get(siteId, userId) as { seq: number | null };
  return (
    db
      .prepare(
        "SELECT count(*) AS n FROM journal WHERE site_id = ? AND entity_id = ? AND kind = 'session' AND action = 'sign_in_failed' AND seq > ? AND at >= ?",
      )
      .get(siteId, userId, reset.seq ?? 0, windowStartIso) as { n: number }
  ).n;
}
