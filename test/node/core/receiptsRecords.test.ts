import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connection } from '../../../electron/node/core.js';
import type { ReceiptDraftInput } from '../../../electron/common/receipts/model.js';
import type { TestSite } from '../support/testSite.js';
import { dumpDb, makeTestSite } from '../support/testSite.js';
import { incomingDraft, outgoingFgiDraft } from '../support/receiptFixtures.js';

let site: TestSite;
let clerk: Connection;
beforeAll(async () => {
  site = await makeTestSite();
  clerk = await site.connect('clerk');
});
afterAll(() => site.close());

describe('receipt rules (refused with the field named, nothing stored)', () => {
  const cases: [string, ReceiptDraftInput, (string | number)[]][] = [
    ['above system-high', outgoingFgiDraft({ classification: { level: 'TOP SECRET' }, copyNumbers: ['1'] }), ['classification', 'level']],
    ['TOP SECRET without copy numbers', outgoingFgiDraft({ classification: { level: 'TOP SECRET' } }), ['copyNumbers']],
    ['NATO without copy numbers', outgoingFgiDraft({ classification: { level: 'SECRET', foreign: { kind: 'nato', level: 'NATO SECRET' } } }), ['copyNumbers']],
    ['duplicate copy numbers', outgoingFgiDraft({ copyNumbers: ['1', '1'] }), ['copyNumbers']],
    ['government channel without a DGR', outgoingFgiDraft({ dgr: '' }), ['dgr']],
    ['incoming without a date received', incomingDraft({ receivedOn: null }), ['receivedOn']],
    ['received in the future', incomingDraft({ receivedOn: '2026-03-03' }), ['receivedOn']],
    ['received before the material is dated', incomingDraft({ materialDate: '2026-03-02', receivedOn: '2026-03-01' }), ['receivedOn']],
    ['outgoing with a date received', outgoingFgiDraft({ receivedOn: '2026-03-01' }), ['receivedOn']],
    ['impossible date', outgoingFgiDraft({ materialDate: '2026-02-30' }), ['materialDate']],
    ['control characters in the title', outgoingFgiDraft({ unclassifiedTitle: 'ok\u0007bell' }), ['unclassifiedTitle']],
    ['blank title', outgoingFgiDraft({ unclassifiedTitle: '   ' }), ['unclassifiedTitle']],
    ['USA as a foreign origin', outgoingFgiDraft({ classification: { level: 'SECRET', foreign: { kind: 'country', countries: ['USA'], level: 'SECRET' } } }), ['classification', 'foreign']],
    ['unknown transmission method', { ...outgoingFgiDraft(), transmission: 'pigeon' } as unknown as ReceiptDraftInput, ['transmission']],
  ];
  it.each(cases)('%s', async (_name, draft, path) => {
    const before = dumpDb(site.db);
    const result = await site.call(clerk, 'receipts.create', draft);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('INVALID_INPUT');
    expect(result.error.issues?.map((i) => i.path.slice(0, path.length))).toContainEqual(path);
    expect(dumpDb(site.db)).toBe(before);
  });

  it('refuses a second live receipt with the same control number, at the field', async () => {
    await site.must(clerk, 'receipts.create', outgoingFgiDraft({ controlNumber: 'DUP-1' }));
    expect(await site.call(clerk, 'receipts.create', outgoingFgiDraft({ controlNumber: 'DUP-1' }))).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', issues: [{ path: ['controlNumber'] }] },
    });
    // The same number in the other direction is a different register.
    await site.must(clerk, 'receipts.create', incomingDraft({ controlNumber: 'DUP-1' }));
  });
});

describe('receipt updates', () => {
  it('changes fields with a reason and journals which fields changed', async () => {
    const r = await site.must(clerk, 'receipts.create', outgoingFgiDraft({ controlNumber: 'UPD-1' }));
    const u = await site.must(clerk, 'receipts.update', { id: r.id, expectedVersion: 1, changes: { storageContainer: 'GSA safe 3', notes: 'moved' }, reason: 'new container' });
    expect(u).toMatchObject({ version: 2, storageContainer: 'GSA safe 3', notes: 'moved', direction: 'outgoing' });
    const last = (await site.must(clerk, 'receipts.history', { id: r.id })).at(-1)!;
    expect(last).toMatchObject({ action: 'update', data: { reason: 'new container', changed: ['storageContainer', 'notes'] } });
  });

  it('journals a classification change as a security-relevant reclassify with both markings', async () => {
    const r = await site.must(clerk, 'receipts.create', outgoingFgiDraft({ controlNumber: 'UPD-2' }));
    await site.must(clerk, 'receipts.update', {
      id: r.id,
      expectedVersion: 1,
      changes: { classification: { level: 'CONFIDENTIAL', foreign: { kind: 'country', countries: ['DEU'], level: 'CONFIDENTIAL' } } },
      reason: 'originator downgraded',
    });
    const last = (await site.must(clerk, 'receipts.history', { id: r.id })).at(-1)!;
    expect(last).toMatchObject({
      action: 'reclassify',
      data: { securityRelevant: true, classificationChange: { from: 'SECRET//FGI DEU', to: 'CONFIDENTIAL//FGI DEU' } },
    });
  });

  it('refuses an empty change, a change of direction, and a change that breaks a rule', async () => {
    const r = await site.must(clerk, 'receipts.create', outgoingFgiDraft({ controlNumber: 'UPD-3' }));
    const update = (changes: Record<string, unknown>) => site.call(clerk, 'receipts.update', { id: r.id, expectedVersion: 1, changes, reason: 'x' });
    expect(await update({})).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(/nothing to change/) } });
    expect(await update({ direction: 'incoming' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await update({ dgr: '' })).toMatchObject({ ok: false, error: { issues: [{ path: ['dgr'] }] } });
    expect(await site.call(clerk, 'receipts.update', { id: r.id, expectedVersion: 1, changes: { notes: 'x' }, reason: '' })).toMatchObject({
      ok: false,
      error: { issues: [{ path: ['reason'] }] },
    });
    expect((await site.must(clerk, 'receipts.get', { id: r.id })).version).toBe(1);
  });

  it('answers NOT_FOUND for an id that does not exist', async () => {
    expect(await site.call(clerk, 'receipts.get', { id: '01J00000000000000000000000' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('receipt list', () => {
  let listSite: TestSite;
  let c: Connection;
  beforeAll(async () => {
    listSite = await makeTestSite({ siteId: 'SITE-L' });
    c = await listSite.connect('clerk');
    const origins = [['DEU'], ['GBR'], ['CAN', 'DEU'], null];
    for (let i = 0; i < 40; i++) {
      const countries = origins[i % 4]!;
      await listSite.must(
        c,
        'receipts.create',
        outgoingFgiDraft({
          controlNumber: `L-${String(i).padStart(3, '0')}`,
          unclassifiedTitle: i === 7 ? 'Torpedo guidance interface description' : `Routine item ${i}`,
          classification: countries ? { level: 'SECRET', foreign: { kind: 'country', countries, level: 'SECRET' } } : { level: i % 3 === 0 ? 'UNCLASSIFIED' : 'CONFIDENTIAL' },
          transmission: countries ? 'government_to_government' : 'registered_mail',
        }),
      );
      listSite.clock.advance(1000);
    }
  });
  afterAll(() => listSite.close());

  it('pages without overlap or loss in a stable order', async () => {
    const seen: string[] = [];
    for (let offset = 0; offset < 40; offset += 15) {
      const page = await listSite.must(c, 'receipts.list', { offset, limit: 15, sort: 'controlNumber', sortDir: 'asc' });
      expect(page.total).toBe(40);
      seen.push(...page.items.map((r) => r.controlNumber));
    }
    expect(seen).toEqual(Array.from({ length: 40 }, (_, i) => `L-${String(i).padStart(3, '0')}`));
  });

  it('sorts descending by level', async () => {
    const page = await listSite.must(c, 'receipts.list', { sort: 'level', sortDir: 'desc', limit: 500 });
    const ranks = page.items.map((r) => ['UNCLASSIFIED', 'CONFIDENTIAL', 'SECRET', 'TOP SECRET'].indexOf(r.classification.level));
    expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
  });

  it('separates FGI by country, and U.S. from foreign material', async () => {
    const deu = await listSite.must(c, 'receipts.list', { country: 'DEU', limit: 500 });
    expect(deu.total).toBe(20);
    expect(deu.items.every((r) => r.classification.foreign?.kind === 'country' && r.classification.foreign.countries.includes('DEU'))).toBe(true);
    expect((await listSite.must(c, 'receipts.list', { country: 'CAN' })).total).toBe(10);
    expect((await listSite.must(c, 'receipts.list', { fgi: 'only' })).total).toBe(30);
    const us = await listSite.must(c, 'receipts.list', { fgi: 'exclude', limit: 500 });
    expect(us.total).toBe(10);
    expect(us.items.every((r) => r.classification.foreign === null)).toBe(true);
    expect((await listSite.must(c, 'receipts.list', { levels: ['UNCLASSIFIED'] })).total).toBe(4);
  });

  it('finds records by full-text search on words and prefixes, and treats FTS syntax as plain text', async () => {
    expect((await listSite.must(c, 'receipts.list', { search: 'torpedo guid' })).items.map((r) => r.controlNumber)).toEqual(['L-007']);
    expect((await listSite.must(c, 'receipts.list', { search: 'BAAINBw' })).total).toBe(40);
    expect((await listSite.must(c, 'receipts.list', { search: 'L-039' })).items.map((r) => r.controlNumber)).toContain('L-039');
    for (const hostile of ['"', 'NEAR(a b)', 'title:x OR *', ')(', "'; DROP TABLE receipts; --"]) {
      expect((await listSite.call(c, 'receipts.list', { search: hostile })).ok).toBe(true);
    }
  });

  it('rejects out-of-range paging and unknown filters', async () => {
    expect(await listSite.call(c, 'receipts.list', { limit: 100_000 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await listSite.call(c, 'receipts.list', { offset: -1 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await listSite.call(c, 'receipts.list', { country: 'deu' })).toMatchObject({ ok: false, error: { issues: [{ path: ['country'] }] } });
    expect(await listSite.call(c, 'receipts.list', { sort: 'doc' } as never)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});
