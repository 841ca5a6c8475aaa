import type { Database } from 'better-sqlite3';
import type { JournalEntry } from '../../electron/common/journal.js';
import type { Receipt } from '../../electron/common/receipts/model.js';
import type { Settings, SiteConfig, User } from '../../electron/common/site.js';
import type { Incident } from '../../electron/common/incidents/model.js';
import type { Visitor, VisitRequest } from '../../electron/common/visits/model.js';
import { projectIncident } from './incidents.js';
import { projectReceipt } from './receipts.js';
import { projectVisitor, projectVisitRequest } from './visits.js';
import { projectSettings, projectSite, projectUser } from './system.js';
import type { AlarmRecord, IdentityRecord, TrustRecord } from '../../electron/common/sync/model.js';
import { projectAlarm, projectIdentity, projectTrust } from './sync.js';

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
    // Visits, visitors and incidents also journal audit-only entries (a reveal of identifiers, a
    // foreign release): those carry no record and change no projection.
    case 'visit':
      if (hasRecord(entry.data)) projectVisitRequest(db, (entry.data as RecordData<VisitRequest>).record);
      return;
    case 'visitor':
      if (hasRecord(entry.data)) projectVisitor(db, (entry.data as RecordData<Visitor>).record);
      return;
    case 'incident':
      if (hasRecord(entry.data)) projectIncident(db, (entry.data as RecordData<Incident>).record);
      return;
    // Sync: the signing identity, the trust store and alarms. Refused attempts (a fingerprint
    // that did not match, a wrong passphrase) are journalled without a record.
    case 'identity':
      if (hasRecord(entry.data)) projectIdentity(db, (entry.data as RecordData<IdentityRecord>).record);
      return;
    case 'trust':
      if (hasRecord(entry.data)) projectTrust(db, (entry.data as RecordData<TrustRecord>).record);
      return;
    case 'alarm':
      if (hasRecord(entry.data)) projectAlarm(db, (entry.data as RecordData<AlarmRecord>).record);
      return;
  }
}

function hasRecord(data: unknown): boolean {
  return data !== null && typeof data === 'object' && 'record' in data;
}
