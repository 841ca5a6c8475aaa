import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GENESIS_HASH } from '../../../electron/common/journal.js';
import { appendEntry, chainHead } from '../../../db/journal/append.js';
import { entryHash } from '../../../db/journal/hash.js';
import { verifyJournal } from '../../../db/journal/verify.js';
import { writeEntry } from '../../../db/journal/write.js';
import type { Db } from '../../../db/open.js';
import { openDb } from '../../../db/open.js';

let dir: string;
let db: Db;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ledger-journal-'));
  db = openDb(join(dir, 'ledger.sqlite'));
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

let counter = 0;
function draft(data: unknown = { n: counter }) {
  counter++;
  return {
    id: `01J00000000000000000000${String(counter).padStart(3, '0')}`,
    at: '2026-03-02T09:00:00.000Z',
    actor: 'ada',
    kind: 'session' as const,
    entityId: 'E1',
    action: 'note',
    data,
  };
}

function appendMany(siteId: string, n: number): void {
  db.transaction(() => {
    for (let i = 0; i < n; i++) appendEntry(db, siteId, draft());
  })();
}

function dropTriggers(): void {
  db.exec('DROP TRIGGER journal_no_update; DROP TRIGGER journal_no_delete;');
}

describe('journal', () => {
  it('numbers each site from 1 without gaps and links every entry to the previous hash', () => {
    appendMany('SITE-A', 3);
    appendMany('SITE-B', 2);
    const rows = db.prepare('SELECT site_id, seq, prev_hash, hash FROM journal ORDER BY site_id, seq').all() as {
      site_id: string;
      seq: number;
      prev_hash: string;
      hash: string;
    }[];
    expect(rows.map((r) => `${r.site_id}:${r.seq}`)).toEqual(['SITE-A:1', 'SITE-A:2', 'SITE-A:3', 'SITE-B:1', 'SITE-B:2']);
    expect(rows[0]!.prev_hash).toBe(GENESIS_HASH);
    expect(rows[1]!.prev_hash).toBe(rows[0]!.hash);
    expect(rows[3]!.prev_hash).toBe(GENESIS_HASH);
    expect(chainHead(db, 'SITE-A')).toEqual({ seq: 3, hash: rows[2]!.hash });
  });

  it('hashes SHA-384 over prev_hash and the canonical entry (fixed vector)', () => {
    const entry = {
      siteId: 'SITE-A',
      seq: 1,
      id: '01J0000000000000000000000A',
      at: '2026-01-01T00:00:00.000Z',
      actor: 'ada',
      kind: 'site' as const,
      entityId: 'SITE-A',
      action: 'init',
      data: { b: 2, a: 1 },
      prevHash: GENESIS_HASH,
    };
    // Computed independently of this code: sha384sum over the GENESIS hash followed by
    // {"action":"init","actor":"ada","at":"2026-01-01T00:00:00.000Z","data":{"a":1,"b":2},"entityId":"SITE-A",
    //  "id":"01J0000000000000000000000A","kind":"site","prevHash":"000...","seq":1,"siteId":"SITE-A"}
    expect(entryHash(entry)).toBe('691359756bd682eaef65cd7e91ab1c16095abf126f24b75f45dcf3440bd7b75515ec7ee2245817badcc08b92ad9673a3');
    expect(entryHash(entry)).toMatch(/^[0-9a-f]{96}$/);
    expect(entryHash({ ...entry, data: { a: 1, b: 2 } })).toBe(entryHash(entry));
    expect(entryHash({ ...entry, data: { a: 1, b: 3 } })).not.toBe(entryHash(entry));
  });

  it('refuses UPDATE and DELETE on the journal', () => {
    appendMany('SITE-A', 2);
    expect(() => db.prepare("UPDATE journal SET actor = 'mallory'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM journal').run()).toThrow(/append-only/);
    expect(verifyJournal(db).ok).toBe(true);
  });

  it('appends only inside a transaction', () => {
    expect(() => appendEntry(db, 'SITE-A', draft())).toThrow(/inside a transaction/);
  });

  it('rolls the entry back when the projection change fails', () => {
    appendMany('SITE-A', 1);
    const broken = { ...draft(), kind: 'receipt' as const, data: { record: { id: 'X' } } };
    expect(() => writeEntry(db, 'SITE-A', broken)).toThrow();
    expect(chainHead(db, 'SITE-A').seq).toBe(1);
  });

  it('verifies an intact journal and reports each site head', () => {
    appendMany('SITE-A', 4);
    appendMany('SITE-B', 1);
    const report = verifyJournal(db);
    expect(report).toMatchObject({ ok: true, entries: 5 });
    if (report.ok) expect(report.sites.map((s) => [s.siteId, s.lastSeq])).toEqual([['SITE-A', 4], ['SITE-B', 1]]);
  });

  it('catches an edit made after the triggers were dropped, at the edited entry', () => {
    appendMany('SITE-A', 5);
    dropTriggers();
    db.prepare(`UPDATE journal SET data = '{"n":"forged"}' WHERE site_id = 'SITE-A' AND seq = 3`).run();
    expect(verifyJournal(db)).toMatchObject({ ok: false, firstBroken: { siteId: 'SITE-A', seq: 3, reason: expect.stringMatching(/altered/) } });
  });

  it('catches an edit whose hash was recomputed, at the next link', () => {
    appendMany('SITE-A', 5);
    dropTriggers();
    const row = db.prepare("SELECT * FROM journal WHERE site_id = 'SITE-A' AND seq = 2").get() as Record<string, string | number>;
    const forged = {
      siteId: 'SITE-A',
      seq: 2,
      id: String(row.id),
      at: String(row.at),
      actor: 'mallory',
      kind: 'session' as const,
      entityId: String(row.entity_id),
      action: String(row.action),
      data: JSON.parse(String(row.data)) as unknown,
      prevHash: String(row.prev_hash),
    };
    db.prepare("UPDATE journal SET actor = 'mallory', hash = ? WHERE site_id = 'SITE-A' AND seq = 2").run(entryHash(forged));
    expect(verifyJournal(db)).toMatchObject({ ok: false, firstBroken: { seq: 3, reason: expect.stringMatching(/prev_hash/) } });
  });

  it('catches a deleted entry as a gap, and a deleted tail entry of another site is not confused with it', () => {
    appendMany('SITE-A', 4);
    dropTriggers();
    db.prepare("DELETE FROM journal WHERE site_id = 'SITE-A' AND seq = 2").run();
    expect(verifyJournal(db)).toMatchObject({ ok: false, firstBroken: { seq: 3, reason: expect.stringMatching(/gap/) } });
  });

  it('catches unreadable data', () => {
    appendMany('SITE-A', 2);
    dropTriggers();
    db.prepare("UPDATE journal SET data = '{not json' WHERE seq = 1").run();
    expect(verifyJournal(db)).toMatchObject({ ok: false, firstBroken: { seq: 1, reason: expect.stringMatching(/cannot be read/) } });
  });
});
