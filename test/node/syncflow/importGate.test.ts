// An import keeps its transaction open while the entries stream in; meanwhile no other call may
// touch the connection (its reads would see a part of the import, its writes would vanish with a
// refused one). Other calls wait and then run; the import's progress still answers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UNCLASSIFIED } from '../../../electron/common/classification/index.js';
import type { ImportResult } from '../../../electron/common/sync/model.js';
import { writeBundle } from '../../../electron/node/sync/bundleFile.js';
import { type World, addReceipt, bundleOf, chainFrom, exportFrom, hashAt, headSeq, importAt, makeWorld, signerOf } from './support.js';

let w: World;
beforeAll(async () => {
  w = await makeWorld();
});
afterAll(() => w.close());

/** Turns of the event loop until `condition` holds (the import has opened its transaction). */
async function until(condition: () => boolean): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!condition() && Date.now() < deadline) await new Promise((resolve) => setImmediate(resolve));
  if (!condition()) throw new Error('the condition never held');
}

describe('calls while an import holds the connection', () => {
  it('wait for it and then see all of it; its progress answers meanwhile', async () => {
    const { hq, a } = w;
    for (let i = 0; i < 250; i++) await addReceipt(a, { unclassifiedTitle: `Waiting list item ${i}` });
    const bundle = (await exportFrom(a)).path;
    const order: string[] = [];
    const importing = importAt(hq, [bundle]).then((results) => {
      order.push('import');
      return results;
    });
    await until(() => hq.db.inTransaction);
    const listing = hq.must(hq.clerk, 'receipts.list', { siteId: 'SITE-A', limit: 500 }).then((page) => {
      order.push(hq.db.inTransaction ? 'list inside the import' : 'list');
      return page;
    });
    const progress = await hq.must(hq.officer, 'sync.progress', {});
    order.push('progress');
    expect(progress).toMatchObject({ operation: 'import', phase: 'importing' });
    const [results, page] = await Promise.all([importing, listing]);
    expect(results[0]).toMatchObject({ outcome: 'applied' });
    // The list ran once the import had committed (the import's call itself ends a little later).
    expect(order).toEqual(expect.arrayContaining(['progress', 'import', 'list']));
    expect(order[0]).toBe('progress');
    expect(page.total).toBe(250);
  });

  /** A bundle continuing SITE-A's chain at HQ that is refused only after its whole payload is read. */
  async function refusedAtTheEnd(): Promise<string> {
    const { hq, a } = w;
    await importAt(hq, [await bundleOf(a, 1, headSeq(a))]);
    const head = headSeq(a);
    // Many entries, then one carrying a record of another site: refused once the whole payload
    // has been read, after the rows before it were written inside the transaction.
    const items = Array.from({ length: 3000 }, (_, i) => ({ kind: 'session' as const, entityId: `s-${i}`, data: { note: `padding entry ${i} `.repeat(8) } }));
    const foreign = { kind: 'receipt' as const, entityId: '01JFOREIGN00000000000000000', data: { record: { id: '01JFOREIGN00000000000000000', siteId: 'SITE-B' } } };
    const written = await writeBundle({
      entries: chainFrom('SITE-A', { seq: head, hash: hashAt(a.db, 'SITE-A', head) }, [...items, foreign]),
      header: { direction: 'site-to-hq', siteId: 'SITE-A', siteName: 'Alpha Works', recipient: 'HQ', classification: UNCLASSIFIED, schemaVersion: 7, appVersion: '0.1.0' },
      signer: await signerOf(a),
      outDir: a.medium(),
      clock: () => a.clock.now(),
    });
    return written.path;
  }

  /** Starts the import and resolves once its transaction is open (failing if it ended first). */
  async function importHoldingTheConnection(path: string): Promise<{ importing: Promise<ImportResult[]> }> {
    const { hq } = w;
    let settled = false;
    const importing = importAt(hq, [path]);
    void importing.then(() => (settled = true));
    await until(() => hq.db.inTransaction || settled);
    expect(settled).toBe(false);
    return { importing };
  }

  const count = (sql: string) => (w.hq.db.prepare(sql).get() as { n: number }).n;
  const siteAHead = () => count("SELECT coalesce(max(seq), 0) AS n FROM journal WHERE site_id = 'SITE-A'");

  it('keep their own writes when the import is refused and rolled back', async () => {
    const { hq } = w;
    const path = await refusedAtTheEnd();
    const signIns = () => count("SELECT count(*) AS n FROM journal WHERE kind = 'session' AND action = 'sign_in' AND site_id = 'HQ'");
    const before = { signIns: signIns(), siteA: siteAHead() };

    const { importing } = await importHoldingTheConnection(path);
    const signingIn = hq.connect('clerk');
    const [result] = await importing;
    await signingIn;

    expect(result).toMatchObject({ outcome: 'rejected', rejection: { reason: 'WRONG_SITE_RECORD' } });
    expect(siteAHead()).toBe(before.siteA);
    expect(signIns()).toBe(before.signIns + 1);
  });

  it('end the session of a closed window at once, and journal it once the import is done', async () => {
    const { hq } = w;
    const path = await refusedAtTheEnd();
    const window = await hq.connect('auditor');
    const ends = () => count("SELECT count(*) AS n FROM journal WHERE kind = 'session' AND action = 'session_end' AND site_id = 'HQ'");
    const before = ends();

    const { importing } = await importHoldingTheConnection(path);
    hq.core.endConnection(window);
    expect(window.session).toBeNull();
    const [result] = await importing;
    await until(() => ends() > before);

    expect(result).toMatchObject({ outcome: 'rejected' });
    expect(ends()).toBe(before + 1);
    expect(hq.db.prepare("SELECT actor FROM journal WHERE action = 'session_end' ORDER BY ord DESC LIMIT 1").get()).toEqual({ actor: 'auditor' });
  });
});
