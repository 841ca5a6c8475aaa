// Headquarters' chain rules and every refusal: a gap is held and applied when it fills, an
// overlap is de-duplicated, a fork is refused with an alarm, a replay is a no-op; wrong
// recipient, expired, revoked, unknown signer, another site's record, above system-high. Each
// refusal leaves the database as it was (only the alarm, where raising one is the point).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GENESIS_HASH } from '../../../electron/common/journal.js';
import { UNCLASSIFIED } from '../../../electron/common/classification/index.js';
import { entryHash } from '../../../db/journal/hash.js';
import { writeBundle } from '../../../electron/node/sync/bundleFile.js';
import { verifyJournal } from '../../../db/journal/verify.js';
import { dumpDb } from '../support/testSite.js';
import {
  KEY_PASSPHRASE,
  type SyncSite,
  type World,
  ackTo,
  addReceipt,
  bundleOf,
  chainFrom,
  cloneSite,
  enroll,
  exportFrom,
  expectOnlyAlarm,
  hashAt,
  headSeq,
  importAt,
  makeSyncSite,
  makeWorld,
  signInAgain,
  signerOf,
  snapshot,
} from './support.js';

let w: World;
beforeAll(async () => {
  w = await makeWorld();
  // SITE-A: seq 1..n with receipts, so bundles can be cut at any point.
  for (let i = 0; i < 4; i++) await addReceipt(w.a);
  await addReceipt(w.b);
});
afterAll(() => w.close());

async function reject(site: SyncSite, path: string, reason: string) {
  const [res] = await importAt(site, [path]);
  expect(res).toMatchObject({ outcome: 'rejected', rejection: { code: 'BUNDLE_REJECTED', reason } });
  return res!;
}

/** Journal entries of `siteId` continuing from (seq, hash), each carrying `data`. */
describe('chain rules at headquarters', () => {
  it('holds a bundle after a gap and applies it, with what followed, once the gap fills', async () => {
    const { hq, a } = w;
    const n = headSeq(a);
    const first = await bundleOf(a, 1, 5);
    const second = await bundleOf(a, 6, 9);
    const third = await bundleOf(a, 10, n);
    const [held] = await importAt(hq, [third]);
    expect(held).toMatchObject({ outcome: 'held', waitingForSeq: 1 });
    const [held2] = await importAt(hq, [second]);
    expect(held2).toMatchObject({ outcome: 'held', waitingForSeq: 1 });
    expect((await hq.must(hq.officer, 'sync.sites', {})).find((s) => s.siteId === 'SITE-A')?.held.map((h) => [h.firstSeq, h.waitingForSeq])).toEqual([
      [6, 1],
      [10, 1],
    ]);
    // Held again: a no-op.
    expect((await importAt(hq, [second]))[0]).toMatchObject({ outcome: 'already_imported' });

    const results = await importAt(hq, [first]);
    expect(results.map((r) => [r.outcome, r.bundle?.firstSeq, r.fromHold])).toEqual([
      ['applied', 1, false],
      ['applied', 6, true],
      ['applied', 10, true],
    ]);
    expect(hq.db.prepare("SELECT max(seq) AS s FROM journal WHERE site_id = 'SITE-A'").get()).toEqual({ s: n });
    expect(hq.db.prepare('SELECT count(*) AS n FROM held_bundles').get()).toEqual({ n: 0 });
    expect(verifyJournal(hq.db).ok).toBe(true);
  });

  it('de-duplicates an overlap after checking the hashes, and treats a replay as a no-op', async () => {
    const { hq, a } = w;
    await addReceipt(a);
    const n = headSeq(a);
    const overlapping = await bundleOf(a, 3, n);
    const [res] = await importAt(hq, [overlapping]);
    expect(res).toMatchObject({ outcome: 'applied', applied: n - (n - 1), skipped: n - 3 });

    const before = dumpDb(hq.db);
    const [again] = await importAt(hq, [overlapping]);
    expect(again).toMatchObject({ outcome: 'already_imported', message: expect.stringMatching(/already imported/) });
    const [covered] = await importAt(hq, [await bundleOf(a, 2, 4)]);
    expect(covered).toMatchObject({ outcome: 'already_imported', message: expect.stringMatching(/already holds/) });
    expect(dumpDb(hq.db)).toBe(before);
  });

  it('refuses a fork (another history for a seq HQ holds) and raises an alarm', async () => {
    const { hq, a } = w;
    const restored = await cloneSite(a); // a backup restored at the site...
    await addReceipt(a);
    await importAt(hq, [await bundleOf(a, 1, headSeq(a))]);
    await addReceipt(restored, { unclassifiedTitle: 'Written after the restore' }); // ...then both wrote the same seqs
    const forked = await bundleOf(restored, 1, headSeq(restored));
    const before = snapshot(hq.db);
    const res = await reject(hq, forked, 'FORK');
    expect(res.alarmId).toEqual(expect.any(String));
    expect(res.rejection?.details).toMatchObject({ seq: expect.any(Number) });
    expectOnlyAlarm(hq.db, before, 'FORK');
    const alarms = await hq.must(hq.officer, 'sync.alarms', {});
    expect(alarms[0]).toMatchObject({ siteId: 'SITE-A', reason: 'FORK', status: 'open' });
    restored.close();
  });

  it('refuses a bundle whose previous head is not the one HQ holds (fork at the boundary), with an alarm', async () => {
    const { hq, a } = w;
    const head = headSeq(a);
    const entries = chainFrom('SITE-A', { seq: head, hash: 'f'.repeat(96) }, [{ kind: 'session', entityId: 'x', data: { note: 'forged' } }]);
    const written = await writeBundle({
      entries,
      header: { direction: 'site-to-hq', siteId: 'SITE-A', siteName: 'Alpha Works', recipient: 'HQ', classification: UNCLASSIFIED, schemaVersion: 5, appVersion: '0.1.0' },
      signer: await signerOf(a),
      outDir: a.medium(),
      clock: () => a.clock.now(),
    });
    const before = snapshot(hq.db);
    await reject(hq, written.path, 'FORK');
    expectOnlyAlarm(hq.db, before, 'FORK');
  });

  it('resolves an alarm with a recorded resolution', async () => {
    const { hq } = w;
    const [alarm] = await hq.must(hq.officer, 'sync.alarms', {});
    const resolved = await hq.must(hq.officer, 'sync.resolveAlarm', { id: alarm!.id, resolution: 'Site restored a backup; re-enrolled after review' });
    expect(resolved).toMatchObject({ status: 'resolved', resolvedBy: 'officer' });
    expect((await hq.must(hq.officer, 'sync.alarms', {})).map((x) => x.id)).not.toContain(alarm!.id);
    expect((await hq.must(hq.officer, 'sync.alarms', { includeResolved: true })).map((x) => x.id)).toContain(alarm!.id);
  });
});

describe('refusals that leave headquarters unchanged', () => {
  it('refuses a bundle for another recipient', async () => {
    const { hq, a } = w;
    const path = await bundleOf(a, 1, 3, a.medium(), 'HQ-2');
    const before = dumpDb(hq.db);
    await reject(hq, path, 'WRONG_RECIPIENT');
    expect(dumpDb(hq.db)).toBe(before);
  });

  it('refuses an unknown signer, and a known key signing for another site', async () => {
    const { hq, a } = w;
    const stranger = await makeSyncSite('SITE-X');
    try {
      await addReceipt(stranger);
      const before = dumpDb(hq.db);
      await reject(hq, await bundleOf(stranger, 1, 3), 'SIGNER_UNTRUSTED');
      // SITE-A's key, claiming to be SITE-B.
      const entries = chainFrom('SITE-B', { seq: 0, hash: GENESIS_HASH }, [{ kind: 'session', entityId: 'x', data: {} }]);
      const written = await writeBundle({
        entries,
        header: { direction: 'site-to-hq', siteId: 'SITE-B', siteName: 'B', recipient: 'HQ', classification: UNCLASSIFIED, schemaVersion: 5, appVersion: '0.1.0' },
        signer: await signerOf(a),
        outDir: a.medium(),
        clock: () => a.clock.now(),
      });
      await reject(hq, written.path, 'SIGNER_NOT_FOR_SITE');
      expect(dumpDb(hq.db)).toBe(before);
    } finally {
      stranger.close();
    }
  });

  it('refuses an entry that changes a record of another site, with an alarm', async () => {
    const { hq, a, b } = w;
    // SITE-B's receipt is at HQ; SITE-A's key signs a change to it.
    await importAt(hq, [await bundleOf(b, 1, headSeq(b))]);
    const bReceipt = (await hq.must(hq.officer, 'receipts.list', { siteId: 'SITE-B' })).items[0]!;
    const { overdue: _o, daysOverdue: _d, dueSoon: _s, ...stored } = bReceipt;
    const hqHead = { seq: Number((hq.db.prepare("SELECT max(seq) AS s FROM journal WHERE site_id = 'SITE-A'").get() as { s: number }).s), hash: '' };
    hqHead.hash = hashAt(hq.db, 'SITE-A', hqHead.seq);
    const header = { direction: 'site-to-hq' as const, siteId: 'SITE-A', siteName: 'Alpha Works', recipient: 'HQ', classification: { ...UNCLASSIFIED, level: 'SECRET' as const }, schemaVersion: 5, appVersion: '0.1.0' };

    // Claiming SITE-B's record outright (record.siteId SITE-B) ...
    const claimed = chainFrom('SITE-A', hqHead, [{ kind: 'receipt', entityId: stored.id, data: { record: { ...stored, unclassifiedTitle: 'Hijacked' } } }]);
    const p1 = await writeBundle({ entries: claimed, header, signer: await signerOf(a), outDir: a.medium(), after: { seq: hqHead.seq, head: hqHead.hash }, clock: () => a.clock.now() });
    let before = snapshot(hq.db);
    await reject(hq, p1.path, 'WRONG_SITE_RECORD');
    expectOnlyAlarm(hq.db, before, 'WRONG_SITE_RECORD');

    // ... or re-labelled as its own (record.siteId SITE-A, same id): caught against what HQ holds.
    const relabelled = chainFrom('SITE-A', hqHead, [{ kind: 'receipt', entityId: stored.id, data: { record: { ...stored, siteId: 'SITE-A', unclassifiedTitle: 'Hijacked' } } }]);
    const p2 = await writeBundle({ entries: relabelled, header, signer: await signerOf(a), outDir: a.medium(), after: { seq: hqHead.seq, head: hqHead.hash }, clock: () => a.clock.now() });
    before = snapshot(hq.db);
    await reject(hq, p2.path, 'WRONG_SITE_RECORD');
    expectOnlyAlarm(hq.db, before, 'WRONG_SITE_RECORD');
    expect((await hq.must(hq.officer, 'receipts.get', { id: stored.id })).unclassifiedTitle).toBe(stored.unclassifiedTitle);
  });

  it('refuses a record the registers refuse (a second live control number) without stopping the import', async () => {
    const { hq, a } = w;
    const existing = (await hq.must(hq.officer, 'receipts.list', { siteId: 'SITE-A' })).items[0]!;
    const { overdue: _o, daysOverdue: _d, dueSoon: _s, ...stored } = existing;
    const seq = Number((hq.db.prepare("SELECT max(seq) AS s FROM journal WHERE site_id = 'SITE-A'").get() as { s: number }).s);
    const head = { seq, hash: hashAt(hq.db, 'SITE-A', seq) };
    const twin = { ...stored, id: `01J${'0'.repeat(20)}TWN` };
    const entries = chainFrom('SITE-A', head, [{ kind: 'receipt', entityId: twin.id, data: { record: twin } }]);
    const header = { direction: 'site-to-hq' as const, siteId: 'SITE-A', siteName: 'Alpha Works', recipient: 'HQ', classification: { ...UNCLASSIFIED, level: 'SECRET' as const }, schemaVersion: 5, appVersion: '0.1.0' };
    const written = await writeBundle({ entries, header, signer: await signerOf(a), outDir: a.medium(), after: { seq: head.seq, head: head.hash }, clock: () => a.clock.now() });
    const before = dumpDb(hq.db);
    const res = await reject(hq, written.path, 'RECORD_INVALID');
    expect(res.message).toMatch(/UNIQUE/);
    expect(dumpDb(hq.db)).toBe(before);
  });

  it('refuses a record marked above the bundle, and a bundle above system-high, with alarms', async () => {
    const { hq, a } = w;
    const secret = await addReceipt(a);
    const head = headSeq(a);
    const hqSeq = Number((hq.db.prepare("SELECT max(seq) AS s FROM journal WHERE site_id = 'SITE-A'").get() as { s: number }).s);
    // An exporter that marks the bundle UNCLASSIFIED although it carries a SECRET receipt.
    const written = await writeBundle({
      entries: (await import('../../../db/queries/sync.js')).journalRange(a.db, 'SITE-A', hqSeq, head),
      header: { direction: 'site-to-hq', siteId: 'SITE-A', siteName: 'Alpha Works', recipient: 'HQ', classification: UNCLASSIFIED, schemaVersion: 5, appVersion: '0.1.0' },
      signer: await signerOf(a),
      outDir: a.medium(),
      after: { seq: hqSeq, head: hashAt(a.db, 'SITE-A', hqSeq) },
      clock: () => a.clock.now(),
    });
    let before = snapshot(hq.db);
    await reject(hq, written.path, 'CLASSIFICATION_UNDERSTATED');
    expectOnlyAlarm(hq.db, before, 'CLASSIFICATION_UNDERSTATED');
    expect(hq.db.prepare('SELECT id FROM receipts WHERE id = ?').get(secret.id)).toBeUndefined();

    // A TOP SECRET site sends to a SECRET headquarters: spillage, refused before any entry is read.
    const c = await makeSyncSite('SITE-C', { systemHigh: 'TOP SECRET' });
    try {
      await enroll(hq, c);
      await addReceipt(c, { classification: { level: 'TOP SECRET' }, copyNumbers: ['1'] });
      const path = await bundleOf(c, 1, headSeq(c));
      before = snapshot(hq.db);
      const res = await reject(hq, path, 'ABOVE_SYSTEM_HIGH');
      expect(res.message).toMatch(/TOP SECRET.*system-high \(SECRET\)/);
      expectOnlyAlarm(hq.db, before, 'ABOVE_SYSTEM_HIGH');
    } finally {
      c.close();
    }
  });

  it('refuses a revoked signer, and drops a held bundle whose signer was revoked meanwhile', async () => {
    const { hq, b } = w;
    await addReceipt(b);
    await addReceipt(b);
    const n = headSeq(b);
    const hqSeq = Number((hq.db.prepare("SELECT max(seq) AS s FROM journal WHERE site_id = 'SITE-B'").get() as { s: number }).s);
    const gapBundle = await bundleOf(b, n, n);
    expect((await importAt(hq, [gapBundle]))[0]).toMatchObject({ outcome: 'held' });
    const missing = await bundleOf(b, hqSeq + 1, n - 1);

    await hq.must(hq.officer, 'trust.revoke', { siteId: 'SITE-B', reason: 'Workstation reported stolen' });
    const before = dumpDb(hq.db);
    const res = await reject(hq, missing, 'SIGNER_REVOKED');
    expect(res.message).toMatch(/stolen/);
    expect(dumpDb(hq.db)).toBe(before);
    expect((await hq.must(hq.officer, 'trust.list', {})).find((t) => t.siteId === 'SITE-B')).toMatchObject({ revokeReason: 'Workstation reported stolen' });
  });
});

describe('headquarters answers at a site', () => {
  it('refuses an acknowledgement meant for another site', async () => {
    const { hq, a, b } = w;
    const forA = await ackTo(hq, a);
    const before = dumpDb(b.db);
    await reject(b, forA.path, 'WRONG_RECIPIENT');
    expect(dumpDb(b.db)).toBe(before);
  });

  it('refuses an expired acknowledgement, and one signed by a key it does not trust', async () => {
    const { hq, a } = w;
    const ack = await ackTo(hq, a, { expiresInDays: 1 });
    a.clock.advanceDays(2);
    await signInAgain(a);
    const before = dumpDb(a.db);
    await reject(a, ack.path, 'EXPIRED');
    expect(dumpDb(a.db)).toBe(before);
    // A site's own bundle handed back to it: not signed by headquarters.
    await reject(a, await bundleOf(a, 1, 2, a.medium(), 'SITE-A-2'), 'SIGNER_UNTRUSTED');
    expect(dumpDb(a.db)).toBe(before);
  });

  it('raises an alarm when headquarters acknowledges a head this site never wrote', async () => {
    const { hq, a } = w;
    const bundleId = hq.core && (await import('../../../electron/node/ids.js')).ulid(hq.clock.now());
    const expiresAt = new Date(hq.clock.now().getTime() + 86_400_000);
    const data = { siteId: 'SITE-A', acknowledged: { seq: 2, hash: 'a'.repeat(96) }, notes: '', revocations: [], bundleId, expiresAt: expiresAt.toISOString() };
    const [entry] = chainFrom('HQ', { seq: 500, hash: 'b'.repeat(96) }, [{ kind: 'bundle', entityId: 'SITE-A', data }]);
    const written = await writeBundle({
      entries: [{ ...entry!, action: 'acknowledge', hash: entryHash({ ...entry!, action: 'acknowledge' }) }],
      header: { direction: 'hq-to-site', siteId: 'HQ', siteName: 'HQ', recipient: 'SITE-A', classification: UNCLASSIFIED, schemaVersion: 5, appVersion: '0.1.0', bundleId, expiresAt },
      signer: await signerOf(hq),
      outDir: hq.medium(),
      clock: () => hq.clock.now(),
    });
    a.clock.set(hq.clock.now());
    await signInAgain(a);
    const before = snapshot(a.db);
    await reject(a, written.path, 'ACK_MISMATCH');
    expectOnlyAlarm(a.db, before, 'ACK_MISMATCH');
    expect(await a.must(a.officer, 'sync.status', {})).toMatchObject({ acknowledged: null });
  });
});

describe('trust store', () => {
  it('refuses to enroll a certificate whose fingerprint does not match what was read out, and audits it', async () => {
    const { hq, b } = w;
    const other = await makeSyncSite('SITE-D');
    try {
      const { identity } = await other.must(other.officer, 'sync.identity', {});
      const { identity: bId } = await b.must(b.officer, 'sync.identity', {});
      const res = await hq.call(hq.officer, 'trust.enroll', { certificatePem: identity!.certificatePem, siteId: 'SITE-D', role: 'site', expectedFingerprint: bId!.fingerprint });
      expect(res).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', issues: [{ path: ['expectedFingerprint'] }] } });
      expect(hq.db.prepare("SELECT action FROM journal WHERE kind = 'trust' ORDER BY ord DESC LIMIT 1").get()).toEqual({ action: 'enroll_refused' });
      expect((await hq.must(hq.officer, 'trust.list', {})).some((t) => t.siteId === 'SITE-D')).toBe(false);
      // A site only enrolls headquarters; the role must say so.
      expect(await b.call(b.officer, 'trust.enroll', { certificatePem: identity!.certificatePem, siteId: 'SITE-D', role: 'site', expectedFingerprint: identity!.fingerprint })).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT', issues: [{ path: ['role'] }] },
      });
      // Lower case, colons: the operator's typing does not matter.
      const typed = identity!.keyId.match(/.{2}/g)!.join(':');
      expect(await hq.must(hq.officer, 'trust.enroll', { certificatePem: identity!.certificatePem, siteId: 'SITE-D', role: 'site', expectedFingerprint: typed })).toMatchObject({ siteId: 'SITE-D' });
      expect(await hq.call(hq.officer, 'trust.enroll', { certificatePem: identity!.certificatePem, siteId: 'SITE-D', role: 'site', expectedFingerprint: typed })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    } finally {
      other.close();
    }
  });

  it('never journals the private key, and refuses a wrong passphrase (audited)', async () => {
    const { a } = w;
    const journal = a.db.prepare('SELECT data FROM journal').all() as { data: string }[];
    expect(journal.some((r) => r.data.includes('ciphertext') || r.data.includes('PRIVATE KEY'))).toBe(false);
    const res = await a.call(a.officer, 'sync.export', { outDir: a.medium(), passphrase: `${KEY_PASSPHRASE}x` });
    expect(res).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', issues: [{ path: ['passphrase'] }] } });
    expect(a.db.prepare("SELECT action FROM journal WHERE kind = 'identity' ORDER BY ord DESC LIMIT 1").get()).toEqual({ action: 'unseal_failed' });
    expect(await a.call(a.clerk, 'sync.export', { outDir: a.medium(), passphrase: KEY_PASSPHRASE })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await a.call(await a.connect('admin'), 'sync.createIdentity', { passphrase: 'short' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await exportFrom(a)).toMatchObject({ recipient: 'HQ' });
  });
});
