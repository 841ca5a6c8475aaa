// Reads and local side-data writes for sync. Projections (identity, trust, alarms) are written by
// db/projections/sync.ts from journal entries; the rows here that are not (bundle history, held
// bundles, the acknowledged head, the sealed key) are written in the transaction of the journal
// entry that records them.
import type { Database } from 'better-sqlite3';
import type { Classification } from '../../electron/common/classification/index.js';
import type { JournalEntry, JournalKind } from '../../electron/common/journal.js';
import { entryClassification } from '../../electron/common/journalMarking.js';
import type { AlarmRecord, BundleEvent, EntryProvenance, HeldBundle, IdentityRecord, TrustRecord } from '../../electron/common/sync/model.js';
import type { JournalRow } from '../journal/rows.js';
import { JOURNAL_COLUMNS, rowToCanonicalLine, rowToEntry } from '../journal/rows.js';
import { prepared } from '../statements.js';

// ---- identity ----

export function readIdentity(db: Database): { record: IdentityRecord; sealedKey: string | null } | undefined {
  const row = db.prepare('SELECT doc, sealed_key FROM identity WHERE singleton = 1').get() as { doc: string; sealed_key: string | null } | undefined;
  return row ? { record: JSON.parse(row.doc) as IdentityRecord, sealedKey: row.sealed_key } : undefined;
}

export function storeSealedKey(db: Database, sealedKey: string): void {
  db.prepare('UPDATE identity SET sealed_key = ? WHERE singleton = 1').run(sealedKey);
}

// ---- trust store ----

export function listTrust(db: Database): TrustRecord[] {
  const rows = db.prepare('SELECT doc FROM trust ORDER BY site_id, enrolled_at, key_id').all() as { doc: string }[];
  return rows.map((r) => JSON.parse(r.doc) as TrustRecord);
}

export function findTrust(db: Database, keyId: string): TrustRecord | undefined {
  const row = db.prepare('SELECT doc FROM trust WHERE key_id = ?').get(keyId) as { doc: string } | undefined;
  return row ? (JSON.parse(row.doc) as TrustRecord) : undefined;
}

// ---- alarms ----

export function listAlarms(db: Database, includeResolved: boolean): AlarmRecord[] {
  const rows = db
    .prepare(`SELECT doc FROM alarms ${includeResolved ? '' : "WHERE status = 'open'"} ORDER BY raised_at DESC, id DESC`)
    .all() as { doc: string }[];
  return rows.map((r) => JSON.parse(r.doc) as AlarmRecord);
}

export function findAlarm(db: Database, id: string): AlarmRecord | undefined {
  const row = db.prepare('SELECT doc FROM alarms WHERE id = ?').get(id) as { doc: string } | undefined;
  return row ? (JSON.parse(row.doc) as AlarmRecord) : undefined;
}

export function openAlarmCount(db: Database, siteId?: string): number {
  const sql = siteId === undefined ? "SELECT count(*) AS n FROM alarms WHERE status = 'open'" : "SELECT count(*) AS n FROM alarms WHERE status = 'open' AND site_id = ?";
  return (db.prepare(sql).get(...(siteId === undefined ? [] : [siteId])) as { n: number }).n;
}

// ---- the journal, read for export and chain checks ----

/** The hash of `siteId`'s entry at `seq`, if this installation holds it. */
export function hashAt(db: Database, siteId: string, seq: number): string | undefined {
  const row = db.prepare('SELECT hash FROM journal WHERE site_id = ? AND seq = ?').get(siteId, seq) as { hash: string } | undefined;
  return row?.hash;
}

/** Entries of one chain with afterSeq < seq <= toSeq, read a page at a time (flat memory). */
export function* journalRange(db: Database, siteId: string, afterSeq: number, toSeq: number, pageSize = 1000): Generator<JournalEntry> {
  const page = db.prepare(`SELECT ${JOURNAL_COLUMNS} FROM journal WHERE site_id = ? AND seq > ? AND seq <= ? ORDER BY seq LIMIT ?`);
  let after = afterSeq;
  for (;;) {
    const rows = page.all(siteId, after, toSeq, pageSize) as JournalRow[];
    for (const row of rows) yield rowToEntry(row);
    if (rows.length < pageSize) return;
    after = (rows[rows.length - 1] as JournalRow).seq;
  }
}

/** An entry of a bundle as export reads it: its place in the chain, its canonical line, its marking. */
export interface BundleLine {
  entry: Pick<JournalEntry, 'siteId' | 'seq' | 'kind' | 'prevHash' | 'hash'>;
  line: string;
  marking: Classification | null;
}

/**
 * Like journalRange, for bundles: each entry's canonical JSON line built from the stored row and
 * its stored marking, so nothing is parsed; entries written before the marking was kept
 * (migration 007) are parsed to work it out.
 */
export function* journalLinesRange(db: Database, siteId: string, afterSeq: number, toSeq: number, pageSize = 1000): Generator<BundleLine> {
  const page = db.prepare(`SELECT ${JOURNAL_COLUMNS}, marking FROM journal WHERE site_id = ? AND seq > ? AND seq <= ? ORDER BY seq LIMIT ?`);
  // A journal holds few distinct markings: each is parsed once.
  const parsed = new Map<string, Classification>();
  const markingOf = (text: string): Classification => {
    let marking = parsed.get(text);
    if (marking === undefined) {
      marking = JSON.parse(text) as Classification;
      parsed.set(text, marking);
    }
    return marking;
  };
  let after = afterSeq;
  for (;;) {
    const rows = page.all(siteId, after, toSeq, pageSize) as (JournalRow & { marking: string | null })[];
    for (const row of rows) {
      const marking =
        row.marking === null
          ? entryClassification({ kind: row.kind as JournalKind, data: JSON.parse(row.data) as unknown })
          : row.marking === ''
            ? null
            : markingOf(row.marking);
      yield { entry: { siteId: row.site_id, seq: row.seq, kind: row.kind as JournalKind, prevHash: row.prev_hash, hash: row.hash }, line: rowToCanonicalLine(row), marking };
    }
    if (rows.length < pageSize) return;
    after = (rows[rows.length - 1] as JournalRow).seq;
  }
}

/**
 * The bundle that applied `siteId`'s entry `seq` here: the first import or release whose range
 * covers it and that applied something (a later bundle overlapping it only skipped it).
 */
export function entryProvenance(db: Database, siteId: string, seq: number): EntryProvenance | undefined {
  return db
    .prepare(
      `SELECT site_id AS siteId, ? AS seq, bundle_id AS bundleId, file_name AS fileName, at AS importedAt, actor AS importedBy
       FROM sync_bundles
       WHERE site_id = ? AND event IN ('imported', 'released') AND applied > 0 AND first_seq <= ? AND last_seq >= ?
       ORDER BY id LIMIT 1`,
    )
    .get(seq, siteId, seq, seq) as EntryProvenance | undefined;
}

/** Every chain this installation holds besides its own, with its head. */
export function foreignHeads(db: Database, ownSiteId: string): { siteId: string; seq: number; hash: string }[] {
  return db
    .prepare(
      `SELECT j.site_id AS siteId, j.seq AS seq, j.hash AS hash FROM journal j
       JOIN (SELECT site_id, max(seq) AS seq FROM journal WHERE site_id <> ? GROUP BY site_id) h ON h.site_id = j.site_id AND h.seq = j.seq
       ORDER BY j.site_id`,
    )
    .all(ownSiteId) as { siteId: string; seq: number; hash: string }[];
}

// ---- the bundle history ----

export interface BundleEventRow {
  bundleId: string;
  event: BundleEvent['event'];
  direction: BundleEvent['direction'];
  siteId: string;
  recipient: string;
  firstSeq: number;
  lastSeq: number;
  head: string;
  classification: string;
  fileName: string;
  applied: number;
  skipped: number;
  at: string;
  actor: string;
  message: string;
  journalSite: string;
  journalSeq: number;
}

export function insertBundleEvent(db: Database, row: BundleEventRow): void {
  db.prepare(
    `INSERT INTO sync_bundles (bundle_id, event, direction, site_id, recipient, first_seq, last_seq, head, classification, file_name,
                               applied, skipped, at, actor, message, journal_site, journal_seq)
     VALUES (@bundleId, @event, @direction, @siteId, @recipient, @firstSeq, @lastSeq, @head, @classification, @fileName,
             @applied, @skipped, @at, @actor, @message, @journalSite, @journalSeq)`,
  ).run(row);
}

const EVENT_COLUMNS = `id, bundle_id AS bundleId, event, direction, site_id AS siteId, recipient, first_seq AS firstSeq, last_seq AS lastSeq,
  classification, file_name AS fileName, applied, skipped, at, actor, message`;

export function listBundleEvents(db: Database, query: { offset: number; limit: number; siteId?: string | undefined }): { items: BundleEvent[]; total: number } {
  const where = query.siteId ? 'WHERE site_id = @siteId OR recipient = @siteId' : '';
  const params = { siteId: query.siteId ?? null };
  const total = (db.prepare(`SELECT count(*) AS n FROM sync_bundles ${where}`).get(params) as { n: number }).n;
  const items = db
    .prepare(`SELECT ${EVENT_COLUMNS} FROM sync_bundles ${where} ORDER BY id DESC LIMIT @limit OFFSET @offset`)
    .all({ ...params, limit: query.limit, offset: query.offset }) as BundleEvent[];
  return { items, total };
}

/** The latest event of `bundleId` among `events`, if any. */
export function lastBundleEvent(db: Database, bundleId: string, events: readonly BundleEvent['event'][]): (BundleEvent & { head: string }) | undefined {
  return db
    .prepare(`SELECT ${EVENT_COLUMNS}, head FROM sync_bundles WHERE bundle_id = ? AND event IN (${events.map(() => '?').join(', ')}) ORDER BY id DESC LIMIT 1`)
    .get(bundleId, ...events) as (BundleEvent & { head: string }) | undefined;
}

export function lastEventFor(db: Database, siteId: string, direction: BundleEvent['direction'], events: readonly BundleEvent['event'][]): (BundleEvent & { head: string }) | undefined {
  const column = direction === 'site-to-hq' ? 'site_id' : 'recipient';
  return db
    .prepare(`SELECT ${EVENT_COLUMNS}, head FROM sync_bundles WHERE ${column} = ? AND direction = ? AND event IN (${events.map(() => '?').join(', ')}) ORDER BY id DESC LIMIT 1`)
    .get(siteId, direction, ...events) as (BundleEvent & { head: string }) | undefined;
}

// ---- held bundles ----

export interface HeldBundleRow {
  bundleId: string;
  siteId: string;
  fileName: string;
  firstSeq: number;
  lastSeq: number;
  previousHead: string;
  head: string;
  /** bundle.json as verified. */
  header: string;
  signerKeyId: string;
  classification: string;
  heldAt: string;
  heldBy: string;
}

const HELD_COLUMNS = `bundle_id AS bundleId, site_id AS siteId, file_name AS fileName, first_seq AS firstSeq, last_seq AS lastSeq,
  previous_head AS previousHead, head, header, signer_key_id AS signerKeyId, classification, held_at AS heldAt, held_by AS heldBy`;

export function insertHeldBundle(db: Database, row: HeldBundleRow): void {
  db.prepare(
    `INSERT INTO held_bundles (bundle_id, site_id, file_name, first_seq, last_seq, previous_head, head, header, signer_key_id, classification, held_at, held_by)
     VALUES (@bundleId, @siteId, @fileName, @firstSeq, @lastSeq, @previousHead, @head, @header, @signerKeyId, @classification, @heldAt, @heldBy)`,
  ).run(row);
}

export function heldBundles(db: Database, siteId?: string): HeldBundleRow[] {
  const where = siteId === undefined ? '' : 'WHERE site_id = ?';
  return db.prepare(`SELECT ${HELD_COLUMNS} FROM held_bundles ${where} ORDER BY site_id, first_seq, bundle_id`).all(...(siteId === undefined ? [] : [siteId])) as HeldBundleRow[];
}

/** Entries per kind of a held bundle after `afterSeq` (what releasing it would apply). */
export function heldEntryKinds(db: Database, bundleId: string, afterSeq: number): Record<string, number> {
  const rows = db
    .prepare("SELECT json_extract(entry, '$.kind') AS kind, count(*) AS n FROM held_entries WHERE bundle_id = ? AND seq > ? GROUP BY kind ORDER BY kind")
    .all(bundleId, afterSeq) as { kind: string; n: number }[];
  return Object.fromEntries(rows.map((r) => [r.kind, r.n]));
}

export function findHeldBundle(db: Database, bundleId: string): HeldBundleRow | undefined {
  return db.prepare(`SELECT ${HELD_COLUMNS} FROM held_bundles WHERE bundle_id = ?`).get(bundleId) as HeldBundleRow | undefined;
}

export function deleteHeldBundle(db: Database, bundleId: string): void {
  db.prepare('DELETE FROM held_entries WHERE bundle_id = ?').run(bundleId);
  db.prepare('DELETE FROM held_bundles WHERE bundle_id = ?').run(bundleId);
}

export function toHeldView(row: HeldBundleRow, waitingForSeq: number): HeldBundle {
  return {
    bundleId: row.bundleId,
    siteId: row.siteId,
    fileName: row.fileName,
    firstSeq: row.firstSeq,
    lastSeq: row.lastSeq,
    waitingForSeq,
    classification: row.classification,
    heldAt: row.heldAt,
    heldBy: row.heldBy,
  };
}

// ---- the acknowledged head (at a site) ----

export interface AckState {
  seq: number;
  hash: string;
  bundleId: string;
  hqSiteId: string;
  notes: string;
  importedAt: string;
}

export function readAck(db: Database): AckState | undefined {
  return db
    .prepare('SELECT seq, hash, bundle_id AS bundleId, hq_site_id AS hqSiteId, notes, imported_at AS importedAt FROM sync_ack WHERE singleton = 1')
    .get() as AckState | undefined;
}

export function writeAck(db: Database, ack: AckState): void {
  db.prepare(
    `INSERT INTO sync_ack (singleton, seq, hash, bundle_id, hq_site_id, notes, imported_at) VALUES (1, @seq, @hash, @bundleId, @hqSiteId, @notes, @importedAt)
     ON CONFLICT (singleton) DO UPDATE SET seq = excluded.seq, hash = excluded.hash, bundle_id = excluded.bundle_id,
       hq_site_id = excluded.hq_site_id, notes = excluded.notes, imported_at = excluded.imported_at`,
  ).run(ack);
}

/** The register each record kind is projected into. */
export const REGISTERS = { receipt: 'receipts', visit: 'visit_requests', visitor: 'visitors', incident: 'incidents' } as const;

/** Which site owns the record `id` in the projection of `kind`, if it exists. */
export function recordOwner(db: Database, kind: keyof typeof REGISTERS, id: string): string | undefined {
  const table = REGISTERS[kind];
  // Prepared once per connection: an import asks for every record a bundle touches.
  const row = prepared(db, `SELECT site_id FROM ${table} WHERE id = ?`).get(id) as { site_id: string } | undefined;
  return row?.site_id;
}

/** At headquarters: the site seq an exported acknowledgement carried (from its journal entry). */
export function acknowledgedSeq(db: Database, bundleId: string): number | undefined {
  const row = db
    .prepare(
      `SELECT json_extract(j.data, '$.acknowledged.seq') AS seq FROM sync_bundles b
       JOIN journal j ON j.site_id = b.journal_site AND j.seq = b.journal_seq
       WHERE b.bundle_id = ? AND b.event = 'exported' LIMIT 1`,
    )
    .get(bundleId) as { seq: number | null } | undefined;
  return row?.seq ?? undefined;
}
