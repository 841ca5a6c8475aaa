// The import hashes a bundle's payload as it reads the entries, not before as well. A payload that
// does not match its manifest is still refused as such (HASH_MISMATCH), and with nothing changed:
// when its entries look fine, when they do not, and when the import decides without reading them
// (a bundle already imported, or one that would be a fork).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type World, addReceipt, exportFrom, importAt, makeWorld, snapshot } from './support.js';

let w: World;
beforeAll(async () => {
  w = await makeWorld();
  await addReceipt(w.a, { controlNumber: 'HASHED-1' });
});
afterAll(() => w.close());

/** A copy of the bundle (same name, another folder) with the first `from` in its payload replaced by `to` (same length). */
function changed(path: string, from: string, to: string): string {
  const bytes = readFileSync(path);
  const at = bytes.indexOf(from, bytes.indexOf('{"action":'));
  expect(at).toBeGreaterThan(0);
  bytes.write(to, at);
  const copy = join(mkdtempSync(join(w.hq.dir, 'changed-')), basename(path));
  writeFileSync(copy, bytes);
  return copy;
}

const refused = { outcome: 'rejected', rejection: { reason: 'HASH_MISMATCH', details: { file: 'data/journal.ndjson' } } };

describe('a payload that does not match its manifest, at import', () => {
  it('is refused as such, whatever its entries look like, and nothing changes', async () => {
    const { path } = await exportFrom(w.a);
    const before = snapshot(w.hq.db);
    // Still canonical JSON, no longer the hashed entry; then no longer JSON at all.
    for (const [from, to] of [['HASHED-1', 'HASHED-2'], ['{"action":', '{"action"!']]) {
      const [res] = await importAt(w.hq, [changed(path, from as string, to as string)]);
      expect(res).toMatchObject(refused);
    }
    expect(snapshot(w.hq.db)).toEqual(before);
  });

  it('is refused as such even when the import would not have read it (already imported)', async () => {
    const { path } = await exportFrom(w.a);
    expect((await importAt(w.hq, [path]))[0]).toMatchObject({ outcome: 'applied' });
    const before = snapshot(w.hq.db);
    const [again] = await importAt(w.hq, [path]);
    expect(again).toMatchObject({ outcome: 'already_imported' });
    const [res] = await importAt(w.hq, [changed(path, 'HASHED-1', 'HASHED-9')]);
    expect(res).toMatchObject(refused);
    expect(snapshot(w.hq.db)).toEqual(before);
  });
});
