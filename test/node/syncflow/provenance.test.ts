// Headquarters traces each record back to the bundle that brought it, and narrows every
// register to one site.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { visitDraft } from '../visits/fixtures.js';
import { incidentDraft } from '../incidents/fixtures.js';
import { type World, addReceipt, exportFrom, importAt, makeWorld } from './support.js';

let w: World;
beforeAll(async () => {
  w = await makeWorld();
});
afterAll(() => w.close());

describe('provenance at headquarters', () => {
  it('names the bundle that applied each entry, the first one when a later bundle overlapped it', async () => {
    const { hq, a } = w;
    const receipt = await addReceipt(a);
    const first = await exportFrom(a);
    await importAt(hq, [first.path]);
    // Not acknowledged yet: the next bundle carries the first entries again (skipped at HQ) and the new one.
    await a.must(a.clerk, 'receipts.transition', {
      id: receipt.id,
      expectedVersion: 1,
      action: { type: 'inspect', inspection: { inspectedOn: '2026-03-02', tamperingFound: false, contentsMatch: true } },
    });
    const second = await exportFrom(a);
    expect(second.firstSeq).toBe(first.firstSeq);
    const [applied] = await importAt(hq, [second.path]);
    expect(applied).toMatchObject({ outcome: 'applied', skipped: first.entryCount });

    const analyst = await hq.connect('analyst');
    const history = await hq.must(analyst, 'receipts.history', { id: receipt.id });
    const provenance = await hq.must(analyst, 'sync.provenance', { entries: history.map(({ siteId, seq }) => ({ siteId, seq })) });
    expect(provenance.map((p) => [p.seq, p.fileName])).toEqual([
      [history[0]!.seq, first.fileName],
      [history[1]!.seq, second.fileName],
    ]);
    expect(provenance[0]).toMatchObject({ siteId: 'SITE-A', bundleId: first.bundleId, importedBy: 'officer' });
  });

  it("answers nothing for headquarters' own entries or entries it does not hold", async () => {
    const { hq } = w;
    const analyst = await hq.connect('analyst');
    expect(await hq.must(analyst, 'sync.provenance', { entries: [{ siteId: 'HQ', seq: 1 }, { siteId: 'SITE-A', seq: 999_999 }, { siteId: 'SITE-Z', seq: 1 }] })).toEqual([]);
  });

  it('refuses bad requests and roles that do not read records', async () => {
    const { hq } = w;
    const analyst = await hq.connect('analyst');
    const many = Array.from({ length: 501 }, (_, i) => ({ siteId: 'SITE-A', seq: i + 1 }));
    const tooMany = await hq.call(analyst, 'sync.provenance', { entries: many });
    expect(tooMany).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await hq.call(analyst, 'sync.provenance', { entries: [{ siteId: 'SITE-A', seq: 0 }] })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await hq.call(analyst, 'sync.provenance', { entries: [{ siteId: "x' OR 1=1 --", seq: 1 }] })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const admin = await hq.connect('sysadmin');
    expect(await hq.call(admin, 'sync.provenance', { entries: [] })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('filters visits and incidents by origin site, as receipts already are', async () => {
    const { hq, a, b } = w;
    const visitA = await a.must(a.clerk, 'visits.create', visitDraft({ requestNumber: 'DEU-A-1' }));
    const visitB = await b.must(b.clerk, 'visits.create', visitDraft({ requestNumber: 'DEU-B-1' }));
    const incidentB = await b.must(b.officer, 'incidents.create', incidentDraft());
    await importAt(hq, [(await exportFrom(a)).path, (await exportFrom(b)).path]);

    const analyst = await hq.connect('analyst');
    const visitsOf = async (siteId?: string) => (await hq.must(analyst, 'visits.list', siteId ? { siteId } : {})).items.map((v) => v.id);
    expect(await visitsOf('SITE-A')).toEqual([visitA.id]);
    expect(await visitsOf('SITE-B')).toEqual([visitB.id]);
    expect((await visitsOf()).sort()).toEqual([visitA.id, visitB.id].sort());
    const incidentsOf = async (siteId: string) => (await hq.must(analyst, 'incidents.list', { siteId })).items.map((i) => i.id);
    expect(await incidentsOf('SITE-B')).toEqual([incidentB.id]);
    expect(await incidentsOf('SITE-A')).toEqual([]);
    expect(await hq.call(analyst, 'visits.list', { siteId: 'not a site' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});
