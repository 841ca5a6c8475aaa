import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../electron/common/canonicalJson.js';
import { UNCLASSIFIED } from '../../../electron/common/classification/index.js';
import type { JournalEntry } from '../../../electron/common/journal.js';
import {
  type ReadBundleOptions,
  type TrustedSigner,
  BundleRejectedError,
  JOURNAL_FILE,
  readAndVerifyBundle,
  verifyBundle,
  writeBundle,
} from '../../../electron/node/sync/bundleFile.js';
import { type BundleHeader, serializeHeader } from '../../../electron/node/sync/bundleHeader.js';
import {
  CREATED_AT,
  type TestIdentity,
  forgeSigned,
  headerFields,
  makeEntries,
  makeIdentity,
  repack,
  tempDir,
  testEntryHash,
  writeTestBundle,
} from './support.js';

const root = tempDir('ledger-bundle-');
let n = 0;
const freshDir = () => {
  const d = join(root, `case-${++n}`);
  mkdirSync(d);
  return d;
};

let siteA: TestIdentity;
let siteB: TestIdentity;
let hq: TestIdentity;
let trusted: TrustedSigner[];

beforeAll(async () => {
  [siteA, siteB, hq] = await Promise.all([makeIdentity('SITE-A'), makeIdentity('SITE-B'), makeIdentity('HQ')]);
  trusted = [
    { siteId: 'SITE-A', certificateDer: siteA.certificateDer },
    { siteId: 'SITE-B', certificateDer: siteB.certificateDer },
    { siteId: 'HQ', certificateDer: hq.certificateDer },
  ];
});

async function readAll(path: string, options: Partial<ReadBundleOptions> = {}) {
  const verdict = await readAndVerifyBundle(path, { trusted, ...options });
  if (!verdict.ok) return { rejection: verdict.rejection };
  const entries: JournalEntry[] = [];
  try {
    for await (const entry of verdict.value.entries()) entries.push(entry);
  } catch (error) {
    if (error instanceof BundleRejectedError) return { rejection: error.rejection, entries };
    throw error;
  }
  return { header: verdict.value.header, signer: verdict.value.signer, entries };
}

async function reasonOf(path: string, options: Partial<ReadBundleOptions> = {}): Promise<string | undefined> {
  return (await readAll(path, options)).rejection?.reason;
}

describe('writeBundle -> readAndVerifyBundle', () => {
  it('round-trips the entries and the header, signed by the site', async () => {
    const entries = makeEntries('SITE-A', 7);
    const written = await writeTestBundle(freshDir(), siteA, entries);
    expect(written.fileName).toBe('SITE-A_1-7_UNCLASSIFIED.ledger.tar');
    expect(readdirSync(join(written.path, '..'))).toEqual([written.fileName]);
    const read = await readAll(written.path);
    expect(read.rejection).toBeUndefined();
    expect(read.entries).toEqual(entries);
    expect(read.header).toEqual(written.header);
    expect(read.header).toMatchObject({ siteId: 'SITE-A', recipient: 'HQ', firstSeq: 1, lastSeq: 7, entryCount: 7, head: entries[6]?.hash, createdAt: CREATED_AT.toISOString() });
    expect(read.signer).toMatchObject({ siteId: 'SITE-A', matchedBy: 'certificate', signer: { commonName: 'SITE-A' } });
  });

  it('writes the journal as canonical JSON, one entry a line', async () => {
    const entries = makeEntries('SITE-A', 3);
    const written = await writeTestBundle(freshDir(), siteA, entries);
    const { unpack } = await import('./support.js');
    const text = new TextDecoder().decode((await unpack(written.path)).get(JOURNAL_FILE));
    expect(text).toBe(entries.map((e) => `${canonicalJson(e)}\n`).join(''));
  });

  it('streams a long journal from an async source, reporting progress', async () => {
    async function* source() {
      let prevHash: string | undefined;
      for (let block = 0; block < 5; block++) {
        await new Promise((resolve) => setImmediate(resolve)); // as a database cursor would
        const chunk = makeEntries('SITE-A', 1000, { fromSeq: block * 1000 + 1, ...(prevHash ? { prevHash } : {}) });
        prevHash = chunk[chunk.length - 1]?.hash;
        yield* chunk;
      }
    }
    const progress: number[] = [];
    const written = await writeBundle({ entries: source(), header: headerFields(), signer: siteA.signer, outDir: freshDir(), clock: () => CREATED_AT, onProgress: (k) => progress.push(k) });
    expect(progress).toEqual([1000, 2000, 3000, 4000, 5000, 5000]);
    const verdict = await verifyBundle(written.path, { trusted, entryHash: testEntryHash });
    expect(verdict).toMatchObject({ ok: true, value: { entries: 5000, header: { firstSeq: 1, lastSeq: 5000 } } });
  });

  it('continues a chain mid-way, and writes an empty bundle only when told where it continues from', async () => {
    const all = makeEntries('SITE-A', 10);
    const tail = all.slice(6);
    const after = { seq: 6, head: all[5]?.hash as string };
    const written = await writeBundle({ entries: tail, after, header: headerFields(), signer: siteA.signer, outDir: freshDir(), clock: () => CREATED_AT });
    expect(written.fileName).toBe('SITE-A_7-10_UNCLASSIFIED.ledger.tar');
    expect((await readAll(written.path)).entries).toEqual(tail);

    const empty = await writeBundle({ entries: [], after: { seq: 10, head: all[9]?.hash as string }, header: headerFields(), signer: siteA.signer, outDir: freshDir(), clock: () => CREATED_AT });
    expect(empty.header).toMatchObject({ firstSeq: 11, lastSeq: 10, entryCount: 0, previousHead: all[9]?.hash, head: all[9]?.hash });
    expect(await readAll(empty.path)).toMatchObject({ entries: [] });
    await expect(writeBundle({ entries: [], header: headerFields(), signer: siteA.signer, outDir: freshDir() })).rejects.toThrow(/needs `after`/);
  });

  it('refuses to write entries that are not one chain of the sending site, leaving nothing behind', async () => {
    const entries = makeEntries('SITE-A', 4);
    const dir = freshDir();
    const write = (list: JournalEntry[], after?: { seq: number; head: string }) =>
      writeBundle({ entries: list, header: headerFields(), signer: siteA.signer, outDir: dir, ...(after ? { after } : {}) });
    await expect(write([entries[0], entries[2]] as JournalEntry[])).rejects.toThrow(/does not follow/);
    await expect(write([entries[0], { ...entries[1], prevHash: 'f'.repeat(96) }] as JournalEntry[])).rejects.toThrow(/does not link/);
    await expect(write(makeEntries('SITE-B', 2))).rejects.toThrow(/belongs to site SITE-B/);
    await expect(write(entries.slice(1), { seq: 0, head: entries[0]?.prevHash as string })).rejects.toThrow(/does not follow/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('marks the bundle with the highest classification among its entries', async () => {
    const entries = makeEntries('SITE-A', 3, { data: (seq) => ({ level: seq === 2 ? 'SECRET' : 'UNCLASSIFIED' }) });
    const written = await writeBundle({
      entries,
      header: headerFields(),
      signer: siteA.signer,
      outDir: freshDir(),
      clock: () => CREATED_AT,
      classify: (e) => ({ ...UNCLASSIFIED, level: (e.data as { level: 'SECRET' | 'UNCLASSIFIED' }).level }),
    });
    expect(written.fileName).toBe('SITE-A_1-3_SECRET.ledger.tar');
    expect(written.header.classification.marking.level).toBe('SECRET');
    const { unpack } = await import('./support.js');
    const bagInfo = new TextDecoder().decode((await unpack(written.path)).get('bag-info.txt'));
    expect(bagInfo).toContain(`Classification: ${written.header.classification.banner}\n`);
  });
});

describe('readAndVerifyBundle rejects', () => {
  let good: string;
  let goodDir: string;
  beforeAll(async () => {
    goodDir = freshDir();
    good = (await writeTestBundle(goodDir, siteA, makeEntries('SITE-A', 3))).path;
  });

  it('a signer nobody trusts', async () => {
    expect(await reasonOf(good, { trusted: [] })).toBe('SIGNER_UNTRUSTED');
  });

  it('a signer trusted for another site than the bundle claims', async () => {
    expect(await reasonOf(good, { trusted: [{ siteId: 'SITE-B', certificateDer: siteA.certificateDer }] })).toBe('SIGNER_NOT_FOR_SITE');
    // SITE-B's own key signing a bundle that claims to be SITE-A's:
    const forged = await writeTestBundle(freshDir(), siteB, makeEntries('SITE-A', 2));
    expect(await reasonOf(forged.path)).toBe('SIGNER_NOT_FOR_SITE');
  });

  it('a bundle for another recipient or going the other way', async () => {
    expect(await reasonOf(good, { expect: { recipient: 'HQ-2' } })).toBe('WRONG_RECIPIENT');
    expect(await reasonOf(good, { expect: { direction: 'hq-to-site' } })).toBe('WRONG_DIRECTION');
    expect(await reasonOf(good, { expect: { recipient: 'HQ', direction: 'site-to-hq' } })).toBeUndefined();
  });

  it('an expired headquarters bundle', async () => {
    const expiresAt = new Date('2026-12-23T12:00:00.000Z');
    const written = await writeTestBundle(freshDir(), hq, makeEntries('HQ', 2), { direction: 'hq-to-site', siteId: 'HQ', recipient: 'SITE-A', expiresAt });
    expect(written.header.expiresAt).toBe('2026-12-23T12:00:00.000Z');
    expect(await reasonOf(written.path, { now: new Date('2026-12-01T00:00:00Z') })).toBeUndefined();
    expect(await reasonOf(written.path, { now: expiresAt })).toBe('EXPIRED');
  });

  it('a file renamed to claim another site, range or level, unless asked not to check', async () => {
    const dir = freshDir();
    const path = join(dir, 'SITE-A_1-3_SECRET.ledger.tar');
    writeFileSync(path, readFileSync(good));
    expect(await readAll(path)).toMatchObject({ rejection: { reason: 'FILE_NAME_MISMATCH', details: { expected: 'SITE-A_1-3_UNCLASSIFIED.ledger.tar' } } });
    expect(await reasonOf(path, { checkFileName: false })).toBeUndefined();
  });

  const edits: [string, (files: Map<string, Uint8Array>) => void, string][] = [
    ['an added payload file', (f) => f.set('data/extra.txt', new Uint8Array([1])), 'UNLISTED_FILE'],
    ['an added tag file', (f) => f.set('notes.txt', new Uint8Array([1])), 'UNLISTED_FILE'],
    ['a removed header', (f) => f.delete('bundle.json'), 'BAG_FILE_MISSING'],
    ['a removed signature', (f) => f.delete('tagmanifest-sha384.txt.p7s'), 'BAG_FILE_MISSING'],
    ['a removed journal', (f) => f.delete(JOURNAL_FILE), 'PAYLOAD_MISSING'],
    ['a renamed journal', (f) => rename(f, JOURNAL_FILE, 'data/journal-1.ndjson'), 'UNLISTED_FILE'],
    ['a renamed header', (f) => rename(f, 'bundle.json', 'header.json'), 'BAG_FILE_MISSING'],
    ['an edited journal', (f) => f.set(JOURNAL_FILE, edit(f.get(JOURNAL_FILE), '"n":1', '"n":9')), 'HASH_MISMATCH'],
    ['an edited header', (f) => f.set('bundle.json', edit(f.get('bundle.json'), '"recipient":"HQ"', '"recipient":"HX"')), 'HASH_MISMATCH'],
    ['an edited payload manifest', (f) => f.set('manifest-sha384.txt', edit(f.get('manifest-sha384.txt'), 'data/', 'data/./')), 'HASH_MISMATCH'],
    ['a tag manifest that drops a file', (f) => f.set('tagmanifest-sha384.txt', edit(f.get('tagmanifest-sha384.txt'), 'bag-info', 'bag-inf0')), 'MANIFEST_INVALID'],
    ['a tag manifest with its lines reordered', (f) => f.set('tagmanifest-sha384.txt', reorderLines(f.get('tagmanifest-sha384.txt'))), 'SIGNATURE_DIGEST_MISMATCH'],
    ['a signature by another key swapped in', () => undefined, 'SIGNER_UNTRUSTED'],
  ];
  it.each(edits)('%s', async (name, editFiles, reason) => {
    const path = join(freshDir(), 'SITE-A_1-3_UNCLASSIFIED.ledger.tar');
    if (name.startsWith('a signature by another key')) {
      const other = await makeIdentity('SITE-A');
      await repack(good, (f) => f.set('tagmanifest-sha384.txt.p7s', new Uint8Array(0)), path);
      const { unpack } = await import('./support.js');
      const tagManifest = (await unpack(good)).get('tagmanifest-sha384.txt') as Uint8Array;
      const signature = await other.signer.sign(tagManifest);
      await repack(path, (f) => f.set('tagmanifest-sha384.txt.p7s', signature));
    } else {
      await repack(good, editFiles, path);
    }
    expect(await reasonOf(path)).toBe(reason);
  });

  it('a bundle larger than the limit, or a tag file larger than its limit', async () => {
    expect(await reasonOf(good, { limits: { maxBundleBytes: 4096 } })).toBe('TOO_LARGE');
    expect(await reasonOf(good, { limits: { maxTagFileBytes: 200 } })).toBe('ENTRY_TOO_LARGE');
    expect(await reasonOf(good, { limits: { maxTarEntries: 6 } })).toBe('TOO_MANY_ENTRIES');
  });

  async function changeAfterVerifying(options: Partial<ReadBundleOptions>): Promise<unknown> {
    const path = join(freshDir(), 'SITE-A_1-3_UNCLASSIFIED.ledger.tar');
    writeFileSync(path, readFileSync(good));
    const verdict = await readAndVerifyBundle(path, { trusted, ...options });
    if (!verdict.ok) throw new Error('fixture should verify');
    const bytes = readFileSync(path);
    const at = bytes.indexOf('"note":"entry 2"');
    bytes[at + 14] = '7'.charCodeAt(0); // entry 2 -> entry 7: still canonical JSON, still linked
    writeFileSync(path, bytes);
    try {
      for await (const _entry of verdict.value.entries()) {
        // read on
      }
    } catch (error) {
      return error;
    }
    return null;
  }

  it('a journal changed on the medium between verifying and reading the entries', async () => {
    const error = await changeAfterVerifying({});
    expect(error).toBeInstanceOf(BundleRejectedError);
    expect((error as BundleRejectedError).rejection).toMatchObject({ reason: 'PAYLOAD_CHANGED', details: { file: JOURNAL_FILE } });
    // With the journal's hash rule the changed entry itself is caught, before the end.
    const early = await changeAfterVerifying({ entryHash: testEntryHash });
    expect((early as BundleRejectedError).rejection).toMatchObject({ reason: 'ENTRY_HASH_MISMATCH', details: { line: 2 } });
  });
});

/** The text with the byte after `marker` replaced by 0xC3 0x28, which is not UTF-8. */
function notUtf8(text: string, marker: string): Uint8Array {
  const bytes = Buffer.from(text, 'utf8');
  const at = bytes.indexOf(marker) + marker.length;
  return new Uint8Array(Buffer.concat([bytes.subarray(0, at), Buffer.from([0xc3, 0x28]), bytes.subarray(at)]));
}

function rename(files: Map<string, Uint8Array>, from: string, to: string): void {
  files.set(to, files.get(from) as Uint8Array);
  files.delete(from);
}

function reorderLines(bytes: Uint8Array | undefined): Uint8Array {
  const lines = new TextDecoder().decode(bytes).split('\n').filter(Boolean);
  return new TextEncoder().encode(`${[...lines].reverse().join('\n')}\n`);
}

function edit(bytes: Uint8Array | undefined, from: string, to: string): Uint8Array {
  const text = new TextDecoder().decode(bytes);
  if (!text.includes(from)) throw new Error(`fixture: "${from}" not found`);
  return new TextEncoder().encode(text.replace(from, to));
}

describe('after the signature: a correctly signed bundle with bad content', () => {
  const entries = makeEntries('SITE-A', 3);
  const lines = (list: unknown[]) => list.map((e) => `${canonicalJson(e)}\n`).join('');

  function header(overrides: Partial<BundleHeader> = {}): BundleHeader {
    return {
      format: 'enclave-ledger-bundle',
      formatVersion: 1,
      bundleId: '01JDX0000000000000000000AA',
      direction: 'site-to-hq',
      siteId: 'SITE-A',
      recipient: 'HQ',
      firstSeq: 1,
      lastSeq: 3,
      previousHead: entries[0]?.prevHash as string,
      head: entries[2]?.hash as string,
      entryCount: 3,
      counts: { visit: 1, incident: 1, user: 1 },
      classification: { banner: 'UNCLASSIFIED', marking: UNCLASSIFIED },
      schemaVersion: 1,
      appVersion: '0.1.0',
      createdAt: CREATED_AT.toISOString(),
      expiresAt: null,
      ...overrides,
    };
  }

  async function forged(journal: string | Uint8Array, overrides: Partial<BundleHeader> = {}, bundleJson?: string) {
    const h = header(overrides);
    return forgeSigned(freshDir(), `SITE-A_${h.firstSeq}-${h.lastSeq}_UNCLASSIFIED.ledger.tar`, siteA.signer, {
      bundleJson: bundleJson ?? serializeHeader(h),
      journal,
    });
  }

  it('control: the forger makes a bundle that passes when its content is right', async () => {
    expect(await readAll(await forged(lines(entries)))).toMatchObject({ entries });
  });

  const e1 = entries[1] as JournalEntry;
  const cases: [string, () => string | Uint8Array, string][] = [
    ['a line that is not canonical JSON', () => lines(entries).replace('{"action"', '{ "action"'), 'ENTRY_NOT_CANONICAL'],
    ['a blank line', () => `\n${lines(entries)}`, 'ENTRY_NOT_CANONICAL'],
    ['a missing final line end', () => lines(entries).slice(0, -1), 'ENTRY_NOT_CANONICAL'],
    ['CRLF line ends', () => lines(entries).replace(/\n/g, '\r\n'), 'ENTRY_NOT_CANONICAL'],
    ['bytes that are not UTF-8', () => notUtf8(lines(entries), 'entry 2'), 'ENTRY_NOT_CANONICAL'],
    ['an entry of an unknown kind', () => lines([entries[0], { ...e1, kind: 'spaceship' }, entries[2]]), 'ENTRY_INVALID'],
    ['an entry with an extra field', () => lines([entries[0], { ...e1, extra: 1 }, entries[2]]), 'ENTRY_INVALID'],
    ['an entry without data', () => lines([entries[0], (({ data: _d, ...rest }) => rest)(e1), entries[2]]), 'ENTRY_INVALID'],
    ['an entry of another site', () => lines([entries[0], { ...e1, siteId: 'SITE-B' }, entries[2]]), 'ENTRY_SITE_MISMATCH'],
    ['a gap in seq', () => lines([entries[0], { ...e1, seq: 3 }, entries[2]]), 'ENTRY_OUT_OF_SEQUENCE'],
    ['a broken chain', () => lines([entries[0], { ...e1, prevHash: 'e'.repeat(96) }, entries[2]]), 'ENTRY_CHAIN_BROKEN'],
    ['fewer entries than declared', () => lines(entries.slice(0, 2)), 'HEADER_DATA_MISMATCH'],
    ['more entries than declared', () => lines([...entries, ...makeEntries('SITE-A', 1, { fromSeq: 4, prevHash: entries[2]?.hash as string })]), 'HEADER_DATA_MISMATCH'],
  ];
  it.each(cases)('%s', async (_name, journal, reason) => {
    expect(await reasonOf(await forged(journal()))).toBe(reason);
  });

  it('JSON nested deeper than the limit', async () => {
    let deep: unknown = 'bottom';
    for (let i = 0; i < 40; i++) deep = [deep];
    const deepEntries = makeEntries('SITE-A', 3, { data: () => deep });
    const path = await forged(lines(deepEntries), { previousHead: deepEntries[0]?.prevHash as string, head: deepEntries[2]?.hash as string });
    expect(await reasonOf(path)).toBe('ENTRY_NOT_CANONICAL');
    expect(await reasonOf(path, { limits: { maxJsonDepth: 64 } })).toBeUndefined();
  });

  it('a line longer than the limit', async () => {
    expect(await reasonOf(await forged(lines(entries)), { limits: { maxLineBytes: 300 } })).toBe('LINE_TOO_LONG');
  });

  it('an entry whose hash is wrong, when the journal hash rule is given', async () => {
    const bad = [entries[0], { ...e1, data: { changed: true } }, entries[2]];
    const path = await forged(lines(bad));
    expect(await reasonOf(path)).toBeUndefined();
    expect(await readAll(path, { entryHash: testEntryHash })).toMatchObject({ rejection: { reason: 'ENTRY_HASH_MISMATCH', details: { line: 2 } } });
  });

  it('a head or counts that do not match the entries', async () => {
    expect(await reasonOf(await forged(lines(entries), { head: 'd'.repeat(96) }))).toBe('HEADER_DATA_MISMATCH');
    expect(await reasonOf(await forged(lines(entries), { counts: { visit: 2, user: 1 } }))).toBe('HEADER_DATA_MISMATCH');
  });

  it('a header that is not canonical, invalid, or of another version', async () => {
    const text = serializeHeader(header());
    expect(await reasonOf(await forged(lines(entries), {}, `${text}\n`))).toBe('HEADER_NOT_CANONICAL');
    expect(await reasonOf(await forged(lines(entries), {}, canonicalJson({ ...header(), recipient: 'hq' })))).toBe('HEADER_INVALID');
    expect(await reasonOf(await forged(lines(entries), {}, canonicalJson({ ...header(), formatVersion: 9 })))).toBe('HEADER_UNSUPPORTED_VERSION');
  });

  it('a bag-info.txt that disagrees with the header', async () => {
    const h = header();
    const path = await forgeSigned(freshDir(), 'SITE-A_1-3_UNCLASSIFIED.ledger.tar', siteA.signer, {
      bundleJson: serializeHeader(h),
      journal: lines(entries),
      bagInfo: { classification: 'SECRET' },
    });
    expect(await reasonOf(path)).toBe('HEADER_BAG_MISMATCH');
  });

  it('more entries than this installation accepts in one bundle', async () => {
    expect(await reasonOf(await forged(lines(entries)), { limits: { maxJournalEntries: 2 } })).toBe('TOO_LARGE');
  });
});
