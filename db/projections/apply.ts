import type { Database } from 'better-sqlite3';
import type { JournalEntry } from '../../electron/common/journal.js';
import type { Receipt } from '../../electron/common/receipts/model.js';
import type { Settings, SiteConfig, User } from '../../electron/common/site.js';
import { projectReceipt } from './receipts.js';
import { projectSettings, projectSite, projectUser } from './system.js';

/** The `data` of an entry that carries a record's new state. */
export interface RecordData<T> {
  record: T;
}

/**
 * Bring the projection tables in line with one journal entry. The same function serves local
 * writes and (later) entries imported from another site's bundle, so a record looks the same
 * wherever its history is replayed.
 */
export function applyToProjections(db: Database, entry: JournalEntry): void {
  switch (entry.kind) {
    case 'receipt':
      projectReceipt(db, (entry.data as RecordData<Receipt>).record);
      return;
    case 'site':
      projectSite(db, (entry.data as RecordData<SiteConfig>).record, entry.at);
      return;
    case 'settings':
      projectSettings(db, (entry.data as RecordData<Settings>).record);
      return;
    case 'user':
      projectUser(db, entry.siteId, (entry.data as RecordData<User>).record, entry.at);
      return;
    case 'session':
    case 'bundle':
      // Audit-only entries: the journal itself is their record.
      return;
    case 'visit':
    case 'incident':
      throw new Error(`no projection for ${entry.kind} entries in this schema version`);
  }
}
