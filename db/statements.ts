import type { Database, Statement } from 'better-sqlite3';

// Projections run once per journal entry, and an import applies entries by the hundred thousand:
// preparing the same SQL on every call costs more than running it. Statements are kept per
// connection (a WeakMap, so a closed and dropped connection takes its statements with it).
const cache = new WeakMap<Database, Map<string, Statement>>();

/** The statement for `sql` on this connection, prepared on first use. */
export function prepared(db: Database, sql: string): Statement {
  let statements = cache.get(db);
  if (statements === undefined) {
    statements = new Map();
    cache.set(db, statements);
  }
  let statement = statements.get(sql);
  if (statement === undefined) {
    statement = db.prepare(sql);
    statements.set(sql, statement);
  }
  return statement;
}

/**
 * The `search_key` of a register row: the rowid of its FTS row (migration 006). A new row takes
 * the next free key; an update keeps its own. Used inside the upsert's VALUES.
 */
export function nextSearchKey(register: 'receipts' | 'visit_requests' | 'incidents'): string {
  return `(SELECT coalesce(max(search_key), 0) + 1 FROM ${register})`;
}
