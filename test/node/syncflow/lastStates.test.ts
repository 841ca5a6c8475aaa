// Headquarters brings each record to its last state in a bundle instead of replaying every step.
// Where the last states alone would break a register rule that the steps in order keep (a control
// number handed from one receipt to another), it falls back to the steps in order: the result is
// always what applying every entry in turn gives.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type World, addReceipt, exportFrom, importAt, makeWorld } from './support.js';

let w: World;
beforeAll(async () => {
  w = await makeWorld();
});
afterAll(() => w.close());

const inspect = { type: 'inspect', inspection: { inspectedOn: '2026-03-02', tamperingFound: false, contentsMatch: true } } as const;

describe('last states of a bundle at headquarters', () => {
  it('gives each record the state the site holds, after several steps in one bundle', async () => {
    const { hq, a } = w;
    const r = await addReceipt(a, { controlNumber: 'STEPS-1' });
    const inspected = await a.must(a.clerk, 'receipts.transition', { id: r.id, expectedVersion: r.version, action: inspect });
    await a.must(a.clerk, 'receipts.update', { id: r.id, expectedVersion: inspected.version, changes: { unclassifiedTitle: 'Renamed after inspection' }, reason: 'Title corrected' });
    const [res] = await importAt(hq, [(await exportFrom(a)).path]);
    expect(res).toMatchObject({ outcome: 'applied' });
    expect(await hq.must(hq.officer, 'receipts.get', { id: r.id })).toEqual(await a.must(a.officer, 'receipts.get', { id: r.id }));
    const search = await hq.must(hq.officer, 'receipts.list', { search: 'Renamed' });
    expect(search.items.map((x) => x.id)).toEqual([r.id]);
  });

  it('falls back to every step in turn when the last states alone would clash, and ends as the site does', async () => {
    const { hq, a } = w;
    const first = await addReceipt(a, { controlNumber: 'HANDED-1' });
    await importAt(hq, [(await exportFrom(a)).path]);
    // At the site: the first receipt gives up its control number, a second takes it, and the
    // first changes again afterwards, so its last state comes after the second's.
    const renamed = await a.must(a.clerk, 'receipts.update', { id: first.id, expectedVersion: first.version, changes: { controlNumber: 'HANDED-1A' }, reason: 'Number corrected' });
    const second = await addReceipt(a, { controlNumber: 'HANDED-1' });
    await a.must(a.clerk, 'receipts.transition', { id: first.id, expectedVersion: renamed.version, action: inspect });

    const [res] = await importAt(hq, [(await exportFrom(a)).path]);
    expect(res).toMatchObject({ outcome: 'applied' });
    for (const id of [first.id, second.id]) expect(await hq.must(hq.officer, 'receipts.get', { id })).toEqual(await a.must(a.officer, 'receipts.get', { id }));
    const numbers = hq.db.prepare("SELECT control_number FROM receipts WHERE control_number LIKE 'HANDED-%' ORDER BY control_number").all();
    expect(numbers).toEqual([{ control_number: 'HANDED-1' }, { control_number: 'HANDED-1A' }]);
  });
});
