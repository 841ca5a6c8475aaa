import type { Database } from 'better-sqlite3';
import type { JournalEntry } from '../../electron/common/journal.js';
import type { JournalRow } from './rows.js';
import { JOURNAL_COLUMNS, rowToEntry } from './rows.js';

export function entriesForEntity(db: Database, entityId: string): JournalEntry[] {
  const rows = db
    .prepare(`SELECT ${JOURNAL_COLUMNS} FROM journal WHERE entity_id = ? ORDER BY at, site_id, seq`)
    .all(entityId) as JournalRow[];
  return rows.map(rowToEntry);
}

export function journalCount(db: Database): number {
  return (db.prepare('SELECT count(*) AS n FROM journal').get() as { n: number }).n;
}
