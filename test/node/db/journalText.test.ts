// The shortcuts that let export and import work on an entry's canonical text instead of
// serialising it again must give exactly what the plain rules give, for any entry.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../electron/common/canonicalJson.js';
import { JOURNAL_KINDS, type JournalEntry } from '../../../electron/common/journal.js';
import { insertEntry } from '../../../db/journal/append.js';
import { entryHash, entryHashOfCanonical } from '../../../db/journal/hash.js';
import { JOURNAL_COLUMNS, type JournalRow, rowToCanonicalLine, rowToEntry } from '../../../db/journal/rows.js';
import type { Db } from '../../../db/open.js';
import { openDb } from '../../../db/open.js';

const hex96 = fc.stringMatching(/^[0-9a-f]{96}$/);
// Data that tries to confuse text searches: nested members named like the entry's own.
const trickyData = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }),
  fc.record({ hash: hex96, id: fc.string(), entityId: fc.string(), record: fc.jsonValue({ maxDepth: 3 }) }),
  fc.constant({ nested: { entityId: 'E1', hash: 'same', id: 'x' } }),
);
const entryArb: fc.Arbitrary<JournalEntry> = fc
  .record({
    siteId: fc.stringMatching(/^[A-Z][A-Z0-9-]{0,15}$/),
    seq: fc.integer({ min: 1, max: 2 ** 40 }),
    id: fc.string({ minLength: 1, maxLength: 30 }),
    at: fc.string({ maxLength: 30 }),
    actor: fc.string({ maxLength: 20 }),
    kind: fc.constantFrom(...JOURNAL_KINDS),
    entityId: fc.oneof(fc.string({ maxLength: 20 }), fc.constant('E1')),
    action: fc.string({ maxLength: 20 }),
    data: trickyData,
    prevHash: hex96,
  })
  .map((unhashed) => ({ ...unhashed, hash: entryHash(unhashed) }));

let dir: string;
let db: Db;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ledger-journal-text-'));
  db = openDb(join(dir, 'ledger.sqlite'));
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('journal entries as canonical text', () => {
  it('entryHashOfCanonical gives the hash entryHash gives (property)', () => {
    fc.assert(
      fc.property(entryArb, (entry) => {
        expect(entryHashOfCanonical(entry, canonicalJson(entry))).toBe(entry.hash);
      }),
      { numRuns: 400 },
    );
  });

  it('entryHashOfCanonical does not confirm an entry whose text says something else', () => {
    fc.assert(
      fc.property(entryArb, fc.string({ minLength: 1, maxLength: 5 }), (entry, extra) => {
        const altered = canonicalJson({ ...entry, action: entry.action + extra });
        expect(entryHashOfCanonical(entry, altered)).not.toBe(entry.hash);
      }),
      { numRuns: 200 },
    );
  });

  it('rowToCanonicalLine and insertEntry with the text store and give back exactly the canonical entry (property)', () => {
    let siteNo = 0;
    const select = db.prepare(`SELECT ${JOURNAL_COLUMNS} FROM journal WHERE site_id = ? AND seq = ?`);
    fc.assert(
      fc.property(entryArb, fc.boolean(), (generated, withText) => {
        // One chain and entry id per run so no unique key repeats.
        siteNo += 1;
        const entry = { ...generated, siteId: `S${siteNo}`, id: `${generated.id}-${siteNo}` };
        const entryWithHash = { ...entry, hash: entryHash(entry) };
        const canonical = canonicalJson(entryWithHash);
        db.transaction(() => insertEntry(db, entryWithHash, withText ? canonical : undefined))();
        const row = select.get(entryWithHash.siteId, entryWithHash.seq) as JournalRow;
        expect(row.data).toBe(canonicalJson(entryWithHash.data));
        expect(rowToCanonicalLine(row)).toBe(canonical);
        expect(canonicalJson(rowToEntry(row))).toBe(canonical);
      }),
      { numRuns: 300 },
    );
  });

  it('insertEntry ignores text that is not this entry laid out canonically and serialises the data itself', () => {
    const entry = { siteId: 'SITE-A', seq: 1, id: 'I1', at: 't', actor: 'ada', kind: 'session' as const, entityId: 'E1', action: 'note', data: { b: 1, a: 2 }, prevHash: '0'.repeat(96) };
    const hashed = { ...entry, hash: entryHash(entry) };
    db.transaction(() => insertEntry(db, hashed, '{"action":"other","data":{"evil":true}}'))();
    expect((db.prepare('SELECT data FROM journal').get() as { data: string }).data).toBe('{"a":2,"b":1}');
  });
});
