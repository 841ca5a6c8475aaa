// The verify workers (services/sync/verifyWorker.ts) run only from the compiled code, where their
// script exists next to verifiedRows.js; the test runner loads sources, which verify in-thread.
// So these tests load the compiled modules (npm test builds first) and hold the workers to the
// in-thread checks: the same batches for a good bundle, the same rejection for a bad one.
import { closeSync, existsSync, openSync, readSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UNCLASSIFIED } from '../../../electron/common/classification/index.js';
import type { JournalEntry } from '../../../electron/common/journal.js';
import type { CheckedRow, EntryChecks } from '../../../electron/node/services/sync/checkedRows.js';
import type { VerifiedRowsOptions, VerifyWorkers } from '../../../electron/node/services/sync/verifiedRows.js';
import type { ReadBundleOptions, VerifiedBundle } from '../../../electron/node/sync/bundleReader.js';
import type { Verdict } from '../../../electron/node/sync/rejection.js';
import { writeBundle } from '../../../electron/node/sync/bundleFile.js';
import { pemToCertificateDer } from '../../../electron/node/sync/keys.js';
import { type SyncSite, chainFrom, makeSyncSite, signerOf } from './support.js';

const OUT = join(import.meta.dirname, '../../../out/electron/node');
const BUILT = existsSync(join(OUT, 'services/sync/verifyWorker.js'));

interface Built {
  verifiedRows(
    payload: VerifiedBundle['payload'],
    checks: EntryChecks,
    options?: VerifiedRowsOptions & { workers?: VerifyWorkers | null },
  ): AsyncGenerator<CheckedRow[], void, undefined>;
  startVerifyWorkers(options?: VerifiedRowsOptions): VerifyWorkers | null;
  readAndVerifyBundle(path: string, options: ReadBundleOptions): Promise<Verdict<VerifiedBundle>>;
}

async function loadBuilt(): Promise<Built> {
  const rows = (await import(pathToFileURL(join(OUT, 'services/sync/verifiedRows.js')).href)) as Pick<Built, 'verifiedRows' | 'startVerifyWorkers'>;
  const reader = (await import(pathToFileURL(join(OUT, 'sync/bundleReader.js')).href)) as Pick<Built, 'readAndVerifyBundle'>;
  return { ...rows, ...reader };
}

const CHECKS: EntryChecks = { systemHigh: 'SECRET', bundleLevel: 'SECRET' };

/** The workers, never the in-thread fallback: a test that fell back would prove nothing about them. */
function inWorkersOnly(checkers?: number): VerifiedRowsOptions {
  return {
    checkers,
    onWorkersUnavailable: (error) => {
      throw new Error(`the verify workers did not start: ${String(error)}`);
    },
  };
}

/** Every batch, or the rejection that ended the iteration (its class name and reason). */
async function drain(rows: AsyncGenerator<CheckedRow[], void, undefined>): Promise<{ batches: CheckedRow[][]; error: { name: string; reason: string; line?: unknown } | null }> {
  const batches: CheckedRow[][] = [];
  try {
    for await (const batch of rows) batches.push(batch);
    return { batches, error: null };
  } catch (error) {
    const e = error as Error & { rejection?: { reason: string; details: Record<string, unknown> } };
    const line = e.rejection?.details.line;
    return { batches, error: { name: e.name, reason: e.rejection?.reason ?? e.message, ...(line === undefined ? {} : { line }) } };
  }
}

describe.runIf(BUILT)('verify workers (compiled)', () => {
  let site: SyncSite;
  let built: Built;
  beforeAll(async () => {
    site = await makeSyncSite('SITE-A');
    built = await loadBuilt();
  });
  afterAll(() => site.close());

  async function bundleOf(entries: JournalEntry[]): Promise<string> {
    const written = await writeBundle({
      entries,
      header: { direction: 'site-to-hq', siteId: 'SITE-A', siteName: 'Alpha Works', recipient: 'HQ', classification: UNCLASSIFIED, schemaVersion: 7, appVersion: '0.1.0' },
      signer: await signerOf(site),
      outDir: site.medium(),
      clock: () => site.clock.now(),
    });
    return written.path;
  }

  async function verified(path: string, options: Partial<ReadBundleOptions> = {}): Promise<VerifiedBundle> {
    const { identity } = await site.must(site.officer, 'sync.identity', {});
    const verdict = await built.readAndVerifyBundle(path, { trusted: [{ siteId: 'SITE-A', certificateDer: pemToCertificateDer(identity!.certificatePem) }], ...options });
    if (!verdict.ok) throw new Error(`the test bundle did not verify: ${verdict.rejection.message}`);
    return verdict.value;
  }

  const padding = (n: number) => Array.from({ length: n }, (_, i) => ({ kind: 'session' as const, entityId: `s-${i}`, data: { note: `entry ${i}` } }));
  const start = { seq: 0, hash: '0'.repeat(96) };

  it.each([1, 3])('pass the same rows, in the same batches, as the in-thread checks (%i checkers)', async (checkers) => {
    const bundle = await verified(await bundleOf(chainFrom('SITE-A', start, padding(7500))));
    const inWorkers = await drain(built.verifiedRows(bundle.payload, CHECKS, inWorkersOnly(checkers)));
    const inThread = await drain(built.verifiedRows(bundle.payload, CHECKS, { inThread: true }));
    expect(inWorkers.error).toBeNull();
    expect(inWorkers.batches.map((b) => b.length)).toEqual([1000, 1000, 1000, 1000, 1000, 1000, 1000, 500]);
    expect(inWorkers.batches.flat().map((r) => r.seq)).toEqual(Array.from({ length: 7500 }, (_, i) => i + 1));
    expect(inWorkers.batches).toEqual(inThread.batches);
  });

  it('check a payload given to them after they started, as workers started for it do', async () => {
    const workers = built.startVerifyWorkers({ checkers: 2 });
    expect(workers).not.toBeNull();
    const bundle = await verified(await bundleOf(chainFrom('SITE-A', start, padding(3500))));
    const ahead = await drain(built.verifiedRows(bundle.payload, CHECKS, { ...inWorkersOnly(), workers }));
    expect(ahead.error).toBeNull();
    expect(ahead.batches.map((b) => b.length)).toEqual([1000, 1000, 1000, 500]);
    expect(ahead.batches).toEqual((await drain(built.verifiedRows(bundle.payload, CHECKS, inWorkersOnly(2)))).batches);
  });

  it('name the first bad line of the file, not the first a checker happened to find', async () => {
    // Batches go to three checkers in turn: the bad line of the fifth batch (checker 2) is found
    // while the broken link at the start of the sixth is still to come, and a line in the third
    // (checker 3) is bad too. The file's order decides.
    const path = await bundleOf(chainFrom('SITE-A', start, padding(6000)));
    const bundle = await verified(path);
    // Same length, still canonical JSON, no longer the hashed entry: line 2345 and line 4321.
    const fd = openSync(path, 'r+');
    try {
      const bytes = Buffer.alloc(bundle.payload.size);
      readSync(fd, bytes, 0, bytes.length, bundle.payload.start);
      for (const n of [4321, 2345]) {
        const at = bytes.indexOf(`"entry ${n - 1}"`) + 1;
        writeSync(fd, Buffer.from('E'), 0, 1, bundle.payload.start + at);
      }
    } finally {
      closeSync(fd);
    }
    for (const checkers of [1, 3]) {
      const inWorkers = await drain(built.verifiedRows(bundle.payload, CHECKS, inWorkersOnly(checkers)));
      expect(inWorkers.error).toEqual({ name: 'BundleRejectedError', reason: 'ENTRY_HASH_MISMATCH', line: 2345 });
      expect(inWorkers.batches.flat()).toHaveLength(2000);
    }
    expect((await drain(built.verifiedRows(bundle.payload, CHECKS, { inThread: true }))).error).toMatchObject({ line: 2345 });
  });

  it('hold a bad line until the payload is hashed, where the verifier left the hash to them (the import)', async () => {
    // Written with a bad line (entry 1500 no longer matches its hash): the manifest matches the file.
    const entries = chainFrom('SITE-A', start, padding(6000));
    entries[1499] = { ...entries[1499]!, data: { note: 'changed after hashing' } };
    const path = await bundleOf(entries);
    const unhashed = await verified(path, { payloadHashWhileReading: true });
    expect(unhashed.payload.hashChecked).toBe(false);
    for (const checkers of [1, 3]) {
      const bad = await drain(built.verifiedRows(unhashed.payload, CHECKS, inWorkersOnly(checkers)));
      expect(bad.error).toEqual({ name: 'BundleRejectedError', reason: 'ENTRY_HASH_MISMATCH', line: 1500 });
      expect(bad.batches.flat()).toHaveLength(1000);
    }
    // Changed on the medium as well, further on: the payload no longer matches its manifest, and
    // that is what is reported, though the bad line comes first.
    const fd = openSync(path, 'r+');
    try {
      const bytes = Buffer.alloc(unhashed.payload.size);
      readSync(fd, bytes, 0, bytes.length, unhashed.payload.start);
      writeSync(fd, Buffer.from('E'), 0, 1, unhashed.payload.start + bytes.indexOf('"entry 4999"') + 1);
    } finally {
      closeSync(fd);
    }
    const changed = await drain(built.verifiedRows(unhashed.payload, CHECKS, inWorkersOnly(3)));
    expect(changed.error).toEqual({ name: 'BundleRejectedError', reason: 'HASH_MISMATCH' });
    expect(changed.error).toEqual((await drain(built.verifiedRows(unhashed.payload, CHECKS, { inThread: true }))).error);
  });

  it('refuse a record of another site once the payload is read, as the in-thread checks do', async () => {
    const foreign = { kind: 'receipt' as const, entityId: '01JFOREIGN00000000000000000', data: { record: { id: '01JFOREIGN00000000000000000', siteId: 'SITE-B' } } };
    const bundle = await verified(await bundleOf(chainFrom('SITE-A', start, [...padding(1500), foreign, ...padding(10)])));
    const inWorkers = await drain(built.verifiedRows(bundle.payload, CHECKS, inWorkersOnly()));
    expect(inWorkers.error).toEqual({ name: 'ImportRejected', reason: 'WRONG_SITE_RECORD' });
    expect(inWorkers.error).toEqual((await drain(built.verifiedRows(bundle.payload, CHECKS, { inThread: true }))).error);
  });

  it('refuse a line changed on the medium after the bundle was verified, as the in-thread checks do', async () => {
    const path = await bundleOf(chainFrom('SITE-A', start, padding(2500)));
    const bundle = await verified(path);
    // "entry 1234" becomes "entry 1235": still canonical JSON, no longer the hashed entry.
    const fd = openSync(path, 'r+');
    try {
      const bytes = Buffer.alloc(bundle.payload.size);
      readSync(fd, bytes, 0, bytes.length, bundle.payload.start);
      const at = bytes.indexOf('"entry 1234"') + '"entry 123'.length;
      writeSync(fd, Buffer.from('5'), 0, 1, bundle.payload.start + at);
    } finally {
      closeSync(fd);
    }
    const inWorkers = await drain(built.verifiedRows(bundle.payload, CHECKS, inWorkersOnly()));
    expect(inWorkers.error).toEqual({ name: 'BundleRejectedError', reason: 'ENTRY_HASH_MISMATCH', line: 1235 });
    expect(inWorkers.error).toEqual((await drain(built.verifiedRows(bundle.payload, CHECKS, { inThread: true }))).error);
  });

  it('give way to the same checks in this thread when they cannot start, and say so', async () => {
    const broken = join(site.dir, 'broken-worker.mjs');
    writeFileSync(broken, "throw new Error('this script cannot load');\n");
    const bundle = await verified(await bundleOf(chainFrom('SITE-A', start, padding(1500))));
    const told: unknown[] = [];
    const fellBack = await drain(built.verifiedRows(bundle.payload, CHECKS, { workerScript: pathToFileURL(broken), onWorkersUnavailable: (error) => told.push(error) }));
    expect(told).toHaveLength(1);
    expect(String(told[0])).toMatch(/cannot load/);
    expect(fellBack).toEqual(await drain(built.verifiedRows(bundle.payload, CHECKS, { inThread: true })));
    expect(fellBack.batches.flat()).toHaveLength(1500);
  });

  it('pass long lines in smaller batches, within their heaps', async () => {
    // 60 entries of about 700 kB each (lines may be up to 1 MB): 1,000 of them would not fit.
    const long = Array.from({ length: 60 }, (_, i) => ({ kind: 'session' as const, entityId: `s-${i}`, data: { note: `${i} `.padEnd(700_000, 'x') } }));
    const bundle = await verified(await bundleOf(chainFrom('SITE-A', start, long)));
    const inWorkers = await drain(built.verifiedRows(bundle.payload, CHECKS, inWorkersOnly()));
    expect(inWorkers.error).toBeNull();
    expect(inWorkers.batches.flat().map((r) => r.seq)).toEqual(long.map((_, i) => i + 1));
    expect(Math.max(...inWorkers.batches.map((b) => b.length))).toBeLessThan(10);
  });

  it('stop when the importer stops reading', async () => {
    const bundle = await verified(await bundleOf(chainFrom('SITE-A', start, padding(5000))));
    const rows = built.verifiedRows(bundle.payload, CHECKS, inWorkersOnly());
    const first = await rows.next();
    expect(first.value).toHaveLength(1000);
    await expect(rows.return(undefined)).resolves.toEqual({ done: true, value: undefined });
  });
});

describe.skipIf(BUILT)('verify workers', () => {
  it('need the compiled code (npm run build): out/electron/node/services/sync/verifyWorker.js is missing', () => {});
});
