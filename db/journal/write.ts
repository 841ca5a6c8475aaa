import type { Database } from 'better-sqlite3';
import type { JournalEntry } from '../../electron/common/journal.js';
import { applyToProjections } from '../projections/apply.js';
import type { EntryDraft } from './append.js';
import { appendEntry } from './append.js';

/**
 * The single write path: append the entry and update the projections in one transaction, so a
 * record never changes without its journal entry, nor the other way round. `alsoInTransaction`
 * runs inside the same transaction for local side data that never travels (credentials).
 */
export function writeEntry(db: Database, siteId: string, draft: EntryDraft, alsoInTransaction?: (entry: JournalEntry) => void): JournalEntry {
  return db
    .transaction(() => {
      const entry = appendEntry(db, siteId, draft);
      applyToProjections(db, entry);
      alsoInTransaction?.(entry);
      return entry;
    })
    .immediate();
}
