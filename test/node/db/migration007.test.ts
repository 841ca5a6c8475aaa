// Migration 007 keeps each journal entry's marking beside it. Entries written before have none
// stored, and export works theirs out from the entry; entries written since carry it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../db/migrate.js';
import { openDb } from '../../../db/open.js';
import { journalLinesRange } from '../../../db/queries/sync.js';
import { canonicalJson } from '../../../electron/common/canonicalJson.js';
import { makeTestSite, type TestSite } from '../support/testSite.js';
import { incomingDraft, outgoingFgiDraft } from '../support/receiptFixtures.js';

const dirs: string[] = [];
const sites: TestSite[] = [];
afterEach(() => {
  for (const site of sites.splice(0)) site.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A receipt's classification as the core stores it (every field present). */
const SECRET_DEU = { level: 'SECRET', foreign: { kind: 'country', countries: ['DEU'], level: 'SECRET' }, relTo: [], noforn: false, cui: false, concealSource: false, whollyForeign: false };
const CONFIDENTIAL = { level: 'CONFIDENTIAL', foreign: null, relTo: [], noforn: false, cui: false, concealSource: false, whollyForeign: false };

describe('migration 007: journal entries keep their marking', () => {
  it('leaves earlier entries without one, and export works it out from the entry', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ledger-mig7-'));
    dirs.push(dir);
    const db = openDb(join(dir, 'ledger.sqlite'), { migrateTo: 6 });
    const insert = db.prepare(
      "INSERT INTO journal (site_id, seq, id, at, actor, kind, entity_id, action, data, prev_hash, hash, ord) VALUES ('SITE-A', ?, ?, 't', 'ada', ?, 'E1', 'x', ?, ?, ?, ?)",
    );
    insert.run(1, 'I1', 'session', '{"reason":"sign-in"}', '0'.repeat(96), '1'.repeat(96), 1);
    insert.run(2, 'I2', 'receipt', canonicalJson({ record: { id: 'E1', classification: SECRET_DEU } }), '1'.repeat(96), '2'.repeat(96), 2);
    migrate(db, 7);
    expect(schemaVersion(db)).toBe(7);
    expect(db.prepare('SELECT marking FROM journal ORDER BY seq').all()).toEqual([{ marking: null }, { marking: null }]);
    expect([...journalLinesRange(db, 'SITE-A', 0, 2)].map((l) => l.marking)).toEqual([null, SECRET_DEU]);
    db.close();
  });

  it('stores the marking of every entry written since: the record’s, or none for audit entries', async () => {
    const site = await makeTestSite();
    sites.push(site);
    const clerk = await site.connect('clerk');
    await site.must(clerk, 'receipts.create', outgoingFgiDraft());
    await site.must(clerk, 'receipts.create', incomingDraft({ classification: { level: 'CONFIDENTIAL' } }));
    const rows = site.db.prepare("SELECT kind, marking FROM journal WHERE kind IN ('receipt', 'session') ORDER BY seq").all() as { kind: string; marking: string }[];
    expect(rows.filter((r) => r.kind === 'receipt').map((r) => JSON.parse(r.marking) as unknown)).toEqual([SECRET_DEU, CONFIDENTIAL]);
    expect(rows.filter((r) => r.kind === 'session').every((r) => r.marking === '')).toBe(true);
    const head = (site.db.prepare("SELECT max(seq) AS n FROM journal WHERE site_id = 'SITE-A'").get() as { n: number }).n;
    const lines = [...journalLinesRange(site.db, 'SITE-A', 0, head)];
    expect(lines.filter((l) => l.entry.kind === 'receipt').map((l) => l.marking)).toEqual([SECRET_DEU, CONFIDENTIAL]);
  });
});
