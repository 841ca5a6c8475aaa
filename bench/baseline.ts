// What the sync code is measured against: raw better-sqlite3 on the same rows, in the same run.
// Export: select the rows and SHA-384 each one. Import: insert the rows in one transaction into a
// table of the journal's shape (its columns, keys and indexes, copied from the schema itself).
import { createHash } from 'node:crypto';
import type { Db } from '../db/open.js';
import type { JournalEntry, JournalKind } from '../electron/common/journal.js';

export interface RawRow {
  site_id: string;
  seq: number;
  id: string;
  at: string;
  actor: string;
  kind: string;
  entity_id: string;
  action: string;
  data: string;
  prev_hash: string;
  hash: string;
  ord: number;
}

const COLUMNS = 'site_id, seq, id, at, actor, kind, entity_id, action, data, prev_hash, hash, ord';

export function readRows(db: Db, siteId: string): RawRow[] {
  return db.prepare(`SELECT ${COLUMNS} FROM journal WHERE site_id = ? ORDER BY seq`).all(siteId) as RawRow[];
}

/** Select every row of the site's chain in seq order and SHA-384 each row's content. */
export function baselineExport(db: Db, siteId: string): { ms: number; rows: number } {
  const started = performance.now();
  let rows = 0;
  const select = db.prepare(`SELECT ${COLUMNS} FROM journal WHERE site_id = ? ORDER BY seq`);
  for (const r of select.iterate(siteId) as IterableIterator<RawRow>) {
    createHash('sha384').update(`${r.site_id}\t${r.seq}\t${r.id}\t${r.at}\t${r.actor}\t${r.kind}\t${r.entity_id}\t${r.action}\t${r.data}\t${r.prev_hash}\t${r.hash}`).digest('hex');
    rows += 1;
  }
  return { ms: performance.now() - started, rows };
}

/** Insert the rows in one transaction into `bench_journal`, made like `journal` (minus its append-only triggers, which fire on UPDATE and DELETE only). */
export function baselineImport(db: Db, rows: readonly RawRow[]): { ms: number; rows: number } {
  const ddl = db.prepare("SELECT sql FROM sqlite_master WHERE tbl_name = 'journal' AND type IN ('table', 'index') AND sql IS NOT NULL ORDER BY type DESC").all() as { sql: string }[];
  for (const { sql } of ddl) {
    db.exec(sql.replace(/\bjournal\b/g, 'bench_journal').replace(/INDEX (\w+)/, 'INDEX bench_$1'));
  }
  const started = performance.now();
  const insert = db.prepare(`INSERT INTO bench_journal (${COLUMNS}) VALUES (@site_id, @seq, @id, @at, @actor, @kind, @entity_id, @action, @data, @prev_hash, @hash, @ord)`);
  db.transaction(() => {
    for (const row of rows) insert.run(row);
  })();
  return { ms: performance.now() - started, rows: rows.length };
}

/**
 * What any import of these rows must write, with no reading, parsing or checking: the journal
 * rows (as the baseline) and each receipt's last state projected into its register and search
 * index through the app's own projection (db/projections). The import's ratio to this floor is
 * what reading and checking the bundle cost; the floor's ratio to the baseline is the cost of keeping
 * registers beside the journal.
 */
export function storageFloor(db: Db, rows: readonly RawRow[], project: (db: Db, entry: JournalEntry) => void): { ms: number; rows: number } {
  const last = new Map<string, JournalEntry>();
  for (const r of rows) {
    if (r.kind !== 'receipt') continue;
    const entry = { siteId: r.site_id, seq: r.seq, id: r.id, at: r.at, actor: r.actor, kind: r.kind as JournalKind, entityId: r.entity_id, action: r.action, data: JSON.parse(r.data) as unknown, prevHash: r.prev_hash, hash: r.hash };
    last.set(r.entity_id, entry);
  }
  const lastStates = [...last.values()].sort((a, b) => a.seq - b.seq);
  const started = performance.now();
  const insert = db.prepare(`INSERT INTO journal (${COLUMNS}) VALUES (@site_id, @seq, @id, @at, @actor, @kind, @entity_id, @action, @data, @prev_hash, @hash, @ord)`);
  const maxOrd = (db.prepare('SELECT coalesce(max(ord), 0) AS n FROM journal').get() as { n: number }).n;
  db.transaction(() => {
    for (const row of rows) insert.run({ ...row, ord: maxOrd + row.ord });
    for (const entry of lastStates) project(db, entry);
  })();
  return { ms: performance.now() - started, rows: rows.length };
}
