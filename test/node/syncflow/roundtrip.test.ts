// Sites export, headquarters imports and acknowledges, sites import the acknowledgement: the
// records arrive unchanged with their provenance, nothing is lost or counted twice.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyJournal } from '../../../db/journal/verify.js';
import { type World, ackTo, addReceipt, exportFrom, headSeq, importAt, makeWorld } from './support.js';

let w: World;
beforeAll(async () => {
  w = await makeWorld();
});
afterAll(() => w.close());

describe('site -> headquarters -> site', () => {
  it('carries receipts of two sites to headquarters unchanged, with their provenance', async () => {
    const { hq, a, b } = w;
    const ra = [await addReceipt(a), await addReceipt(a, { classification: { level: 'CONFIDENTIAL' } })];
    const rb = [await addReceipt(b)];
    await a.must(a.clerk, 'receipts.transition', { id: ra[0]!.id, expectedVersion: 1, action: { type: 'inspect', inspection: { inspectedOn: '2026-03-02', tamperingFound: false, contentsMatch: true } } });

    const ea = await exportFrom(a);
    const eb = await exportFrom(b);
    expect(ea).toMatchObject({ recipient: 'HQ', firstSeq: 1, lastSeq: headSeq(a) - 1, classification: 'SECRET' });
    expect(ea.fileName).toBe(`SITE-A_1-${ea.lastSeq}_SECRET.ledger.tar`);

    // Preview changes nothing and says what would happen.
    const before = hq.db.prepare('SELECT count(*) AS n FROM journal').get();
    const { results: [preview] } = await hq.must(hq.officer, 'sync.preview', { paths: [ea.path] });
    expect(preview).toMatchObject({ outcome: 'applied', applied: ea.entryCount, skipped: 0, appliedByKind: { receipt: 3 } });
    expect(hq.db.prepare('SELECT count(*) AS n FROM journal').get()).toEqual(before);

    const results = await importAt(hq, [eb.path, ea.path]);
    expect(results.map((r) => [r.bundle?.siteId, r.outcome, r.applied])).toEqual([
      ['SITE-A', 'applied', ea.entryCount],
      ['SITE-B', 'applied', eb.entryCount],
    ]);

    const analyst = await hq.connect('analyst');
    for (const [site, receipts] of [[a, ra], [b, rb]] as const) {
      for (const r of receipts) {
        const atSite = await site.must(site.officer, 'receipts.get', { id: r.id });
        const atHq = await hq.must(analyst, 'receipts.get', { id: r.id });
        expect(atHq).toEqual(atSite);
        expect(atHq.siteId).toBe(site.siteId);
      }
    }
    // Provenance: the history at HQ is the site's own journal entries (site, seq).
    const history = await hq.must(hq.officer, 'receipts.history', { id: ra[0]!.id });
    expect(history.map((e) => [e.siteId, e.action])).toEqual([
      ['SITE-A', 'create'],
      ['SITE-A', 'inspect'],
    ]);
    expect((await hq.must(hq.officer, 'receipts.list', { siteId: 'SITE-A' })).items.map((r) => r.id).sort()).toEqual(ra.map((r) => r.id).sort());
    expect((await hq.must(hq.officer, 'receipts.list', { siteId: 'SITE-B' })).total).toBe(1);

    const verified = verifyJournal(hq.db);
    expect(verified.ok).toBe(true);
    if (verified.ok) expect(verified.sites.map((s) => [s.siteId, s.lastSeq])).toEqual([['HQ', headSeq(hq)], ['SITE-A', ea.lastSeq], ['SITE-B', eb.lastSeq]]);
    expect(await hq.must(hq.officer, 'journal.verify', {})).toMatchObject({ ok: true });

    // The sites' own users, sessions and settings stay audit entries: HQ's accounts are untouched.
    expect(hq.db.prepare("SELECT DISTINCT site_id FROM users").all()).toEqual([{ site_id: 'HQ' }]);
    const sites = await hq.must(hq.officer, 'sync.sites', {});
    expect(sites.map((s) => [s.siteId, s.lastSeq, s.activeCertificates, s.held.length, s.openAlarms])).toEqual([
      ['SITE-A', ea.lastSeq, 1, 0, 0],
      ['SITE-B', eb.lastSeq, 1, 0, 0],
    ]);
  });

  it('acknowledges back: the site marks its entries delivered and the next export carries only new ones', async () => {
    const { hq, a } = w;
    const ack = await ackTo(hq, a, { notes: 'Received, thank you' });
    expect(ack).toMatchObject({ recipient: 'SITE-A', entryCount: 1, classification: 'UNCLASSIFIED' });
    expect(ack.expiresAt).toBe(new Date(hq.clock.now().getTime() + 30 * 86_400_000).toISOString());
    const hqHeadForA = (await hq.must(hq.officer, 'sync.sites', {}))[0]!.lastSeq;

    const { results: [preview] } = await a.must(a.officer, 'sync.preview', { paths: [ack.path] });
    expect(preview).toMatchObject({ outcome: 'applied', acknowledged: { seq: hqHeadForA, notes: 'Received, thank you' } });
    const [res] = await importAt(a, [ack.path]);
    expect(res).toMatchObject({ outcome: 'applied', acknowledged: { seq: hqHeadForA } });
    const status = await a.must(a.officer, 'sync.status', {});
    expect(status.acknowledged).toMatchObject({ seq: hqHeadForA, notes: 'Received, thank you' });
    expect(status.unacknowledged).toBe(headSeq(a) - hqHeadForA);

    // The same acknowledgement again changes nothing and says so.
    const [again] = await importAt(a, [ack.path]);
    expect(again).toMatchObject({ outcome: 'already_imported' });

    const r = await addReceipt(a);
    const next = await exportFrom(a);
    expect(next.firstSeq).toBe(hqHeadForA + 1);
    const [imported] = await importAt(hq, [next.path]);
    expect(imported).toMatchObject({ outcome: 'applied', skipped: 0, applied: next.entryCount });
    expect(await hq.must(hq.officer, 'receipts.get', { id: r.id })).toEqual(await a.must(a.officer, 'receipts.get', { id: r.id }));
    expect((await hq.must(hq.officer, 'sync.sites', {}))[0]!.lastAcknowledgement).toMatchObject({ seq: hqHeadForA });
  });

  it('carries a lost bundle again in the next one', async () => {
    const { hq, b } = w;
    const lostReceipt = await addReceipt(b);
    const lost = await exportFrom(b); // the medium is lost on the way: never imported
    await addReceipt(b);
    const next = await exportFrom(b);
    expect(next.firstSeq).toBeLessThanOrEqual(lost.firstSeq);
    expect(next.lastSeq).toBeGreaterThan(lost.lastSeq);
    const [res] = await importAt(hq, [next.path]);
    expect(res).toMatchObject({ outcome: 'applied' });
    expect(res!.skipped).toBeGreaterThan(0); // the entries HQ already had from the first bundle, checked and skipped
    expect(await hq.must(hq.officer, 'receipts.get', { id: lostReceipt.id })).toEqual(await b.must(b.officer, 'receipts.get', { id: lostReceipt.id }));
    // The lost one turning up late changes nothing.
    const [late] = await importAt(hq, [lost.path]);
    expect(late).toMatchObject({ outcome: 'already_imported' });
    expect(verifyJournal(hq.db).ok).toBe(true);
  });

  it('lists the bundle history on both sides', async () => {
    const { hq, a } = w;
    const atHq = await hq.must(hq.officer, 'sync.bundles', { siteId: 'SITE-A' });
    expect(atHq.items.map((e) => e.event).sort()).toEqual(['exported', 'imported', 'imported']);
    const atA = await a.must(a.officer, 'sync.bundles', {});
    expect(atA.items.map((e) => e.event)).toEqual(['exported', 'imported', 'exported']);
  });
});
