import type { Database, Statement } from 'better-sqlite3';
import { canonicalJson } from '../../electron/common/canonicalJson.js';
import type { JournalEntry, JournalKind } from '../../electron/common/journal.js';
import { GENESIS_HASH } from '../../electron/common/journal.js';
import { entryClassification } from '../../electron/common/journalMarking.js';
import { entryHash } from './hash.js';

export interface EntryDraft {
  id: string;
  at: string;
  actor: string;
  kind: JournalKind;
  entityId: string;
  action: string;
  data: unknown;
}

export interface ChainHead {
  seq: number;
  hash: string;
}

/**
 * The two statements every journal write runs, prepared once per connection rather than on every
 * call: an import inserts entries by the hundred thousand.
 */
interface JournalStatements {
  head: Statement<[string]>;
  insert: Statement<[Record<string, unknown>]>;
}
const prepared = new WeakMap<Database, JournalStatements>();

function statements(db: Database): JournalStatements {
  let s = prepared.get(db);
  if (s === undefined) {
    s = {
      head: db.prepare('SELECT seq, hash FROM journal WHERE site_id = ? ORDER BY seq DESC LIMIT 1'),
      insert: db.prepare(
        `INSERT INTO journal (site_id, seq, id, at, actor, kind, entity_id, action, data, prev_hash, hash, marking, ord)
         VALUES (@siteId, @seq, @id, @at, @actor, @kind, @entityId, @action, @data, @prevHash, @hash, @marking,
                 (SELECT coalesce(max(ord), 0) + 1 FROM journal))`,
      ),
    };
    prepared.set(db, s);
  }
  return s;
}

export function chainHead(db: Database, siteId: string): ChainHead {
  const row = statements(db).head.get(siteId) as ChainHead | undefined;
  return row ?? { seq: 0, hash: GENESIS_HASH };
}

/**
 * Append one entry to `siteId`'s chain: next gapless seq, linked to the current head. Must run
 * inside the caller's transaction, together with the projection change it records.
 */
export function appendEntry(db: Database, siteId: string, draft: EntryDraft): JournalEntry {
  if (!db.inTransaction) throw new Error('appendEntry must run inside a transaction');
  const head = chainHead(db, siteId);
  const unhashed = { siteId, seq: head.seq + 1, ...draft, prevHash: head.hash };
  const entry: JournalEntry = { ...unhashed, hash: entryHash(unhashed) };
  insertEntry(db, entry);
  return entry;
}

/**
 * Insert an entry whose seq and hashes are already fixed (local append, or import of a verified
 * bundle). `canonical`, when given, is the entry's canonical JSON text (a verified bundle line):
 * its data member is stored as it stands instead of being serialised again.
 */
export function insertEntry(db: Database, entry: JournalEntry, canonical?: string): void {
  statements(db).insert.run({ ...entry, data: storedDataOf(entry, canonical), marking: entryMarkingText(entry) });
}

/**
 * What the journal's `data` column holds for an entry: the data member of its canonical text as
 * it stands when that text is given and laid out as this entry's (a verified bundle line), else
 * the data serialised canonically.
 */
export function storedDataOf(entry: JournalEntry, canonical?: string): string {
  return (canonical !== undefined ? canonicalDataOf(entry, canonical) : null) ?? canonicalJson(entry.data);
}

/**
 * Canonical texts of markings, by the engine's text of the same value: an import marks every
 * entry it takes in, and a site's entries carry a handful of markings between them.
 */
const markingTexts = new Map<string, string>();

/** What the journal's `marking` column holds for an entry: its marking as canonical JSON, '' for none. */
export function entryMarkingText(entry: Pick<JournalEntry, 'kind' | 'data'>): string {
  const marking = entryClassification(entry);
  if (marking === null) return '';
  const key = JSON.stringify(marking);
  let text = markingTexts.get(key);
  if (text === undefined) {
    if (markingTexts.size >= 1024) markingTexts.clear();
    text = canonicalJson(marking);
    markingTexts.set(key, text);
  }
  return text;
}

/**
 * The text of the data member inside an entry's canonical JSON, or null if the text is not laid
 * out as canonical JSON of this entry would be. Members sort as action, actor, at, data,
 * entityId, hash, ...: data follows three strings and is followed by strings and numbers only,
 * so its end is the last `,"entityId":<its value>,"hash":`.
 */
export function canonicalDataOf(entry: JournalEntry, canonical: string): string | null {
  const prefix = `{"action":${JSON.stringify(entry.action)},"actor":${JSON.stringify(entry.actor)},"at":${JSON.stringify(entry.at)},"data":`;
  const end = canonical.lastIndexOf(`,"entityId":${JSON.stringify(entry.entityId)},"hash":`);
  if (!canonical.startsWith(prefix) || end < prefix.length) return null;
  return canonical.slice(prefix.length, end);
}
