// Full-text search across record kinds. How an FTS row leads back to its record lives in
// FTS_SOURCES and recordsMatching() only, so a change of the FTS key touches this one place.
import type { Database } from 'better-sqlite3';
import type { RecordKind } from '../../electron/common/contract/dashboard.js';

interface FtsSource {
  fts: string;
  table: string;
}

const FTS_SOURCES: Record<RecordKind, FtsSource> = {
  receipt: { fts: 'receipts_fts', table: 'receipts' },
  visit: { fts: 'visits_fts', table: 'visit_requests' },
  incident: { fts: 'incidents_fts', table: 'incidents' },
};

/** Since migration 006 a record's FTS row has the record's `search_key` as its rowid. */
const JOIN_ON = 'r.search_key = f.rowid';

/**
 * Live (not void) records of one kind matching an FTS5 query (from toFtsQuery), best match first,
 * and how many match in all.
 */
export function recordsMatching(db: Database, kind: RecordKind, ftsQuery: string, limit: number): { docs: string[]; total: number } {
  const { fts, table } = FTS_SOURCES[kind];
  const from = `FROM ${fts} f JOIN ${table} r ON ${JOIN_ON} WHERE ${fts} MATCH @q AND r.status <> 'void'`;
  const total = (db.prepare(`SELECT count(*) AS n ${from}`).get({ q: ftsQuery }) as { n: number }).n;
  const rows = db.prepare(`SELECT r.doc ${from} ORDER BY f.rank, r.id LIMIT @limit`).all({ q: ftsQuery, limit }) as { doc: string }[];
  return { docs: rows.map((row) => row.doc), total };
}
