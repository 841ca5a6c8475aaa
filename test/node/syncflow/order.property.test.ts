// Property: however a site's journal is cut into bundles (with overlaps) and in whatever order
// headquarters imports them, one call each or all at once, it ends with the same records as an
// import in order, and those are the sites' own records.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../db/open.js';
import { verifyJournal } from '../../../db/journal/verify.js';
import { type SyncSite, type World, addReceipt, bundleOf, cloneSite, headSeq, importAt, makeWorld } from './support.js';

let w: World;
beforeAll(async () => {
  w = await makeWorld();
});
afterAll(() => w.close());

/** The receipts as users see them; search_key only links a row to its search row, numbered in arrival order. */
function records(db: Db, where = ''): unknown[] {
  return (db.prepare(`SELECT * FROM receipts ${where} ORDER BY id`).all() as Record<string, unknown>[]).map(({ search_key: _key, ...row }) => row);
}

/** What headquarters holds of the sites: their journals and the records projected from them. */
function stateOf(db: Db): string {
  const journal = db.prepare("SELECT site_id, seq, id, at, actor, kind, entity_id, action, data, prev_hash, hash FROM journal WHERE site_id <> 'HQ' ORDER BY site_id, seq").all();
  return JSON.stringify({ journal, receipts: records(db) });
}

/** Cut [1..head] at `cuts`, plus one overlapping extra range. */
function ranges(head: number, cuts: number[], extra: [number, number] | null): [number, number][] {
  const points = [...new Set(cuts.map((c) => 1 + (c % Math.max(1, head - 1))))].filter((p) => p < head).sort((x, y) => x - y);
  const out: [number, number][] = [];
  let from = 1;
  for (const p of points) {
    out.push([from, p]);
    from = p + 1;
  }
  out.push([from, head]);
  if (extra) {
    const lo = 1 + (Math.min(...extra) % head);
    const hi = Math.max(lo, 1 + (Math.max(...extra) % head));
    out.push([lo, hi]);
  }
  return out;
}

describe('import order does not matter', () => {
  it('gives the same headquarters state for any cut and any order', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          receipts: fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 })),
          cuts: fc.tuple(fc.array(fc.nat(), { maxLength: 3 }), fc.array(fc.nat(), { maxLength: 3 })),
          extra: fc.tuple(fc.option(fc.tuple(fc.nat(), fc.nat())), fc.option(fc.tuple(fc.nat(), fc.nat()))),
          keys: fc.array(fc.double({ noNaN: true }), { minLength: 12, maxLength: 12 }),
          batch: fc.boolean(),
        }),
        async ({ receipts, cuts, extra, keys, batch }) => {
          const sites: SyncSite[] = [w.a, w.b];
          const paths: string[] = [];
          for (const [i, site] of sites.entries()) {
            for (let n = 0; n < (receipts[i] ?? 0); n++) await addReceipt(site);
            for (const [from, to] of ranges(headSeq(site), cuts[i] ?? [], extra[i] ?? null)) paths.push(await bundleOf(site, from, to));
          }
          const inOrder = await cloneSite(w.hq);
          const shuffled = await cloneSite(w.hq);
          try {
            for (const path of paths) await importAt(inOrder, [path]);
            const order = paths.map((p, i) => ({ p, k: keys[i % keys.length]! + i * 1e-9 })).sort((x, y) => x.k - y.k).map((x) => x.p);
            const results = batch ? await importAt(shuffled, order) : (await sequential(order, (p) => importAt(shuffled, [p]))).flat();
            expect(results.filter((r) => r.outcome === 'rejected')).toEqual([]);
            expect(stateOf(shuffled.db)).toBe(stateOf(inOrder.db));
            expect(shuffled.db.prepare('SELECT count(*) AS n FROM held_bundles').get()).toEqual({ n: 0 });
            expect(shuffled.db.prepare('SELECT count(*) AS n FROM alarms').get()).toEqual({ n: 0 });
            // The records are the sites' own, exactly.
            expect(records(shuffled.db)).toEqual([...records(w.a.db), ...records(w.b.db)].sort((x, y) => String((x as { id: string }).id).localeCompare((y as { id: string }).id)));
            expect(verifyJournal(shuffled.db).ok).toBe(true);
          } finally {
            inOrder.close();
            shuffled.close();
          }
        },
      ),
      { numRuns: 10 },
    );
  }, 30_000);
});

async function sequential<T, R>(items: T[], run: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (const item of items) out.push(await run(item));
  return out;
}
