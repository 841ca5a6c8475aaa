// Every single-byte change of a small bundle is either rejected, or lands in a byte the reader
// never gives meaning to, in which case what it reads (header, signer, entries) is identical.
// Those bytes are exactly (docs/bundle-format.md, "Bytes that carry no meaning"):
//   - the zero padding after each file's content, up to the next 512-byte block, which tar
//     readers skip;
//   - parts of the checksum field (bytes 148-155) of each header and of the two end-of-archive
//     blocks, which tar-stream's lenient octal parser reads past: leading spaces or NULs, what
//     follows the terminating space, and (in an all-zero block) any value at all, since the
//     checksum of a block is computed with that field counted as spaces.
// Everything else is either covered by a header checksum (the rest of each header), by the
// end-of-archive check (the trailing zero blocks), or by a hash bound to the signature.
import { readFileSync, writeFileSync } from 'node:fs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { JournalEntry } from '../../../electron/common/journal.js';
import { BundleRejectedError, type ReadBundleOptions, type TrustedSigner, readAndVerifyBundle } from '../../../electron/node/sync/bundleFile.js';
import { readTar } from '../../../electron/node/sync/tarReader.js';
import { makeEntries, makeIdentity, tempDir, testEntryHash, writeTestBundle } from './support.js';

const dir = tempDir('ledger-tamper-');
let original: Uint8Array;
let path: string;
let trusted: TrustedSigner[];
let expected: { header: unknown; signer: unknown; entries: JournalEntry[] };
/** Offsets where a change may be accepted, because nothing reads them as meaning. */
let meaningless: Set<number>;
let regions: { name: string; start: number; end: number }[];
let trailerStart: number;

async function outcome(
  bytes: Uint8Array,
  options: Partial<ReadBundleOptions> = {},
): Promise<{ ok: true; header: unknown; signer: unknown; entries: JournalEntry[] } | { ok: false; reason: string }> {
  writeFileSync(path, bytes);
  const verdict = await readAndVerifyBundle(path, { trusted, entryHash: testEntryHash, ...options });
  if (!verdict.ok) return { ok: false, reason: verdict.rejection.reason };
  const entries: JournalEntry[] = [];
  try {
    for await (const entry of verdict.value.entries()) entries.push(entry);
  } catch (error) {
    if (error instanceof BundleRejectedError) return { ok: false, reason: error.rejection.reason };
    throw error;
  }
  return { ok: true, header: verdict.value.header, signer: verdict.value.signer, entries };
}

beforeAll(async () => {
  const identity = await makeIdentity('SITE-A');
  trusted = [{ siteId: 'SITE-A', certificateDer: identity.certificateDer }];
  const written = await writeTestBundle(dir, identity, makeEntries('SITE-A', 3));
  path = written.path;
  original = new Uint8Array(readFileSync(path));
  const first = await outcome(original);
  if (!first.ok) throw new Error(`fixture bundle rejected: ${first.reason}`);
  expected = first;

  meaningless = new Set();
  regions = [];
  let trailer = 0;
  const tarVerdict = await readTar(path, { maxTotalBytes: 1 << 20, maxEntries: 10, maxEntryBytes: 1 << 20 }, () => undefined);
  if (!tarVerdict.ok) throw new Error('fixture tar unreadable');
  for (const entry of tarVerdict.value) {
    const data = entry.offset + 512;
    const padded = data + Math.ceil(entry.size / 512) * 512;
    regions.push({ name: `${entry.name} header`, start: entry.offset, end: data });
    regions.push({ name: entry.name, start: data, end: data + entry.size });
    for (let i = entry.offset + 148; i < entry.offset + 156; i++) meaningless.add(i);
    for (let i = data + entry.size; i < padded; i++) meaningless.add(i);
    trailer = padded;
  }
  trailerStart = trailer;
  // The end-of-archive blocks are read as headers: their checksum fields are as lenient.
  for (let block = trailer; block < original.length; block += 512) {
    for (let i = block + 148; i < block + 156; i++) meaningless.add(i);
  }
});

function regionOf(index: number): string {
  const named = regions.find((r) => index >= r.start && index < r.end);
  if (named) return named.name;
  return index >= trailerStart ? 'end-of-archive' : 'padding';
}

async function checkFlip(index: number, mask: number): Promise<void> {
  const bytes = new Uint8Array(original);
  bytes[index] = (bytes[index] as number) ^ mask;
  const result = await outcome(bytes);
  if (result.ok) {
    // Accepted: only where the byte carries no meaning, and then nothing read may differ.
    expect({ index, region: regionOf(index), meaningless: meaningless.has(index) }).toEqual({ index, region: regionOf(index), meaningless: true });
    expect(result.header).toEqual(expected.header);
    expect(result.signer).toEqual(expected.signer);
    expect(result.entries).toEqual(expected.entries);
  }
}

describe('single-byte changes of a small bundle', () => {
  it('are rejected, or change nothing that is read (property, any byte, any flip)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: original.length - 1 }), fc.integer({ min: 1, max: 255 }), async (index, mask) => checkFlip(index, mask)),
      { numRuns: 400 },
    );
  }, 60_000);

  it('are rejected in every byte of the signed and hashed files (exhaustive, one flip each)', async () => {
    const files = regions.filter((r) => !r.name.endsWith(' header'));
    let checked = 0;
    for (const region of files) {
      for (let i = region.start; i < region.end; i++) {
        const bytes = new Uint8Array(original);
        bytes[i] = (bytes[i] as number) ^ 0x01;
        expect({ at: i, region: region.name, ...pick(await outcome(bytes)) }).toMatchObject({ at: i, region: region.name, ok: false });
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(1500);
  }, 60_000);

  it('are refused for the same reason when the payload is hashed only as its entries are read (the import)', async () => {
    // Every byte of the payload, whose hash is the one checked later; a sample elsewhere.
    let checked = 0;
    for (const region of regions) {
      const step = region.name === 'data/journal.ndjson' ? 1 : 11;
      for (let i = region.start; i < region.end; i += step) {
        const bytes = new Uint8Array(original);
        bytes[i] = (bytes[i] as number) ^ 0x01;
        const hashedFirst = pick(await outcome(bytes));
        expect({ at: i, region: region.name, ...pick(await outcome(bytes, { payloadHashWhileReading: true })) }).toEqual({ at: i, region: region.name, ...hashedFirst });
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(800);
  }, 60_000);

  it('are rejected in every byte of every tar header outside the checksum field', async () => {
    for (const region of regions.filter((r) => r.name.endsWith(' header'))) {
      for (let i = region.start; i < region.end; i += 7) {
        if (meaningless.has(i)) continue;
        const bytes = new Uint8Array(original);
        bytes[i] = (bytes[i] as number) ^ 0x80;
        expect({ at: i, region: region.name, ...pick(await outcome(bytes)) }).toMatchObject({ ok: false });
      }
    }
  });

  it('in the padding are accepted with identical content (the documented exception)', async () => {
    const padding = [...meaningless].filter((i) => regionOf(i) === 'padding');
    expect(padding.length).toBeGreaterThan(0);
    for (const index of padding.slice(0, 20)) await checkFlip(index, 0xff);
  });

  it('in the trailing end-of-archive blocks are rejected', async () => {
    const end = original.length;
    for (const index of [end - 1024, end - 600, end - 1]) {
      const bytes = new Uint8Array(original);
      bytes[index] = 0x01;
      expect(await outcome(bytes)).toMatchObject({ ok: false });
    }
  });
});

function pick(result: Awaited<ReturnType<typeof outcome>>): { ok: boolean; reason?: string } {
  return result.ok ? { ok: true } : { ok: false, reason: result.reason };
}

it('leaves the fixture verifying afterwards (the flips worked on copies)', async () => {
  expect((await outcome(original)).ok).toBe(true);
});
