// The preview judges the chosen files together, as the import would apply them: a bundle after a
// gap that another chosen file fills would apply, not wait; a bundle held by an earlier import is
// shown released; a copy chosen twice changes nothing; a bad file is one rejected row, not a
// failed preview. Nothing changes in the database.
import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dumpDb } from '../support/testSite.js';
import { type World, addReceipt, bundleOf, headSeq, importAt, makeWorld } from './support.js';

let w: World;
let early: string;
let late: string;
let both: string;
beforeAll(async () => {
  w = await makeWorld();
  for (let i = 0; i < 2; i++) await addReceipt(w.a);
  const middle = headSeq(w.a);
  for (let i = 0; i < 2; i++) await addReceipt(w.a);
  early = await bundleOf(w.a, 1, middle);
  late = await bundleOf(w.a, middle + 1, headSeq(w.a));
  both = await bundleOf(w.a, 1, headSeq(w.a));
});
afterAll(() => w.close());

async function preview(paths: string[]) {
  return (await w.hq.must(w.hq.officer, 'sync.preview', { paths })).results;
}

describe('preview of a set of bundles at headquarters', () => {
  it('shows a bundle after a gap as applied when another chosen file fills the gap, and changes nothing', async () => {
    const before = dumpDb(w.hq.db);
    const alone = await preview([late]);
    expect(alone.map((r) => [r.outcome, r.waitingForSeq])).toEqual([['held', 1]]);

    const results = await preview([late, early]);
    expect(results.map((r) => [r.path, r.outcome])).toEqual([
      [early, 'applied'],
      [late, 'applied'],
    ]);
    expect(results.reduce((n, r) => n + r.applied, 0)).toBe(headSeq(w.a));
    expect(dumpDb(w.hq.db)).toBe(before);
  });

  it('counts an overlap within the set once, and a file chosen twice changes nothing the second time', async () => {
    const results = await preview([early, both, early]);
    expect(results.map((r) => [r.path, r.outcome, r.applied])).toEqual([
      [both, 'applied', headSeq(w.a)],
      [early, 'already_imported', 0],
      [early, 'already_imported', 0],
    ]);
    expect(results[1]?.message).toMatch(/arrives with another chosen file/);
    expect(results[2]?.message).toMatch(/chosen twice/);
  });

  it('rejects a damaged file in its own row and still judges the others', async () => {
    const damaged = `${w.hq.medium()}/SITE-A_1-2_SECRET.ledger.tar`;
    writeFileSync(damaged, 'not a tar file at all');
    const results = await preview([damaged, early]);
    expect(results.map((r) => [r.path, r.outcome])).toEqual([
      [damaged, 'rejected'],
      [early, 'applied'],
    ]);
    expect(results[0]?.rejection?.reason).toBeTruthy();
  });

  it('shows a bundle held by an earlier import as released when the chosen file fills its gap, as the import then does', async () => {
    const site = w.b;
    await addReceipt(site);
    const cut = headSeq(site);
    await addReceipt(site);
    const first = await bundleOf(site, 1, cut);
    const second = await bundleOf(site, cut + 1, headSeq(site));
    expect((await importAt(w.hq, [second]))[0]?.outcome).toBe('held');

    const before = dumpDb(w.hq.db);
    const results = (await w.hq.must(w.hq.officer, 'sync.preview', { paths: [first] })).results;
    expect(dumpDb(w.hq.db)).toBe(before);
    expect(results.map((r) => [r.fileName, r.outcome, r.fromHold, r.applied])).toEqual([
      [first.split('/').pop(), 'applied', false, cut],
      [second.split('/').pop(), 'applied', true, headSeq(site) - cut],
    ]);
    expect(results[1]?.appliedByKind).toEqual({ receipt: 1 });

    const imported = await importAt(w.hq, [first]);
    expect(imported.map((r) => [r.fileName, r.outcome, r.fromHold, r.applied])).toEqual(results.map((r) => [r.fileName, r.outcome, r.fromHold, r.applied]));
  });

  it('agrees with what the import then does', async () => {
    const previewed = await preview([late, early]);
    const imported = await importAt(w.hq, [late, early]);
    expect(imported.map((r) => [r.path, r.outcome, r.applied])).toEqual(previewed.map((r) => [r.path, r.outcome, r.applied]));
    const after = await preview([late, early]);
    expect(after.map((r) => r.outcome)).toEqual(['already_imported', 'already_imported']);
  });

  it('refuses an empty set and paths that are not absolute', async () => {
    expect(await w.hq.call(w.hq.officer, 'sync.preview', { paths: [] })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await w.hq.call(w.hq.officer, 'sync.preview', { paths: ['relative/file.ledger.tar'] })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});
