// The payload's second read in batches (payloadBatches.ts, lineBatch.ts, entrySequence.ts): the
// batches cover the file exactly, and a fault at or across a batch boundary is named as a reader
// of the whole file in order would name it. Small bundles (bundle.test.ts) never reach a second
// batch; these files do.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { entryHash, entryHashOfCanonical } from '../../../db/journal/hash.js';
import { canonicalJson } from '../../../electron/common/canonicalJson.js';
import type { JournalEntry } from '../../../electron/common/journal.js';
import type { BundleHeader } from '../../../electron/node/sync/bundleHeader.js';
import { LINES_PER_BATCH, type LineBatch, payloadBatches } from '../../../electron/node/sync/payloadBatches.js';
import { DEFAULT_BUNDLE_LIMITS, type VerifiedPayload, readPayloadLines } from '../../../electron/node/sync/payloadLines.js';
import { BundleRejectedError } from '../../../electron/node/sync/rejection.js';
import { chainFrom } from '../syncflow/support.js';

const dir = mkdtempSync(join(tmpdir(), 'ledger-batches-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const GENESIS = '0'.repeat(96);
const entries = chainFrom('SITE-A', { seq: 0, hash: GENESIS }, Array.from({ length: 2500 }, (_, i) => ({ kind: 'session' as const, entityId: `s-${i}`, data: { note: `entry ${i}` } })));

let files = 0;
/** The lines as a payload file, verified against its own hash and a header that declares `declared`. */
function payloadOf(lines: string[], declared: JournalEntry[] = entries, limits: Partial<typeof DEFAULT_BUNDLE_LIMITS> = {}): VerifiedPayload {
  const path = join(dir, `journal-${(files += 1)}.ndjson`);
  const bytes = Buffer.from(lines.map((line) => `${line}\n`).join(''));
  writeFileSync(path, bytes);
  const header = {
    siteId: 'SITE-A',
    firstSeq: 1,
    lastSeq: declared.length,
    previousHead: GENESIS,
    head: declared.at(-1)?.hash ?? GENESIS,
    entryCount: declared.length,
    counts: { session: declared.length },
  } as BundleHeader;
  return { path, start: 0, size: bytes.length, sha384: createHash('sha384').update(bytes).digest('hex'), hashChecked: true, header, limits: { ...DEFAULT_BUNDLE_LIMITS, ...limits } };
}

const linesOf = (list: JournalEntry[]) => list.map((e) => canonicalJson(e));

/** The same entry with other content, hashed again so only its place in the chain is wrong. */
function rehashed(entry: JournalEntry, change: Partial<JournalEntry>): JournalEntry {
  const { hash: _old, ...rest } = { ...entry, ...change };
  return { ...rest, hash: entryHash(rest) };
}

async function rejectionOf(payload: VerifiedPayload): Promise<{ reason: string; line: unknown; read: number }> {
  let read = 0;
  try {
    for await (const _line of readPayloadLines(payload, entryHashOfCanonical)) read += 1;
  } catch (error) {
    if (!(error instanceof BundleRejectedError)) throw error;
    return { reason: error.rejection.reason, line: error.rejection.details.line, read };
  }
  throw new Error('the payload was accepted');
}

describe('the payload in batches', () => {
  it('cuts the file into batches of whole lines that cover it exactly', async () => {
    const payload = payloadOf(linesOf(entries));
    const batches: LineBatch[] = [];
    for await (const batch of payloadBatches(payload)) batches.push(batch);
    expect(batches.map((b) => [b.firstLine, b.lines])).toEqual([
      [1, LINES_PER_BATCH],
      [1001, LINES_PER_BATCH],
      [2001, 500],
    ]);
    expect(Buffer.concat(batches.map((b) => b.bytes)).toString()).toBe(linesOf(entries).map((l) => `${l}\n`).join(''));
    for (const batch of batches) expect(batch.bytes.byteOffset === 0 && batch.bytes.byteLength === batch.bytes.buffer.byteLength).toBe(true);
    let read = 0;
    for await (const _line of readPayloadLines(payload, entryHashOfCanonical)) read += 1;
    expect(read).toBe(2500);
  });

  it('names a broken link on the first line of a batch, before that line or the next is found wrong', async () => {
    // Line 1001 is a well-formed, correctly hashed entry that does not link to line 1000; line
    // 1002 then does not link to it either, and is found so in the batch's own checks.
    const forged = [...entries];
    forged[1000] = rehashed(entries[1000] as JournalEntry, { prevHash: 'e'.repeat(96) });
    expect(await rejectionOf(payloadOf(linesOf(forged)))).toEqual({ reason: 'ENTRY_CHAIN_BROKEN', line: 1001, read: 1000 });
  });

  it('names a seq that skips one on the first line of a batch', async () => {
    const skipped = [...entries.slice(0, 1000), ...entries.slice(1001)];
    expect(await rejectionOf(payloadOf(linesOf(skipped)))).toEqual({ reason: 'ENTRY_OUT_OF_SEQUENCE', line: 1001, read: 1000 });
  });

  it('names a line that is not canonical on the first line of a batch, before its link', async () => {
    const lines = linesOf(entries);
    lines[1000] = ` ${lines[1000]}`;
    expect(await rejectionOf(payloadOf(lines))).toEqual({ reason: 'ENTRY_NOT_CANONICAL', line: 1001, read: 1000 });
  });

  it('names the first of two bad lines in different batches', async () => {
    const lines = linesOf(entries);
    lines[2200] = lines[2200]!.replace('entry 2200', 'entry 2201');
    lines[1500] = lines[1500]!.replace('entry 1500', 'entry 1501');
    expect(await rejectionOf(payloadOf(lines))).toEqual({ reason: 'ENTRY_HASH_MISMATCH', line: 1501, read: 1000 });
  });

  it('refuses a line too long only after the lines before it passed', async () => {
    const lines = linesOf(entries);
    const limit = Math.max(...lines.map((l) => Buffer.byteLength(l))) + 10;
    lines[1499] = lines[1499]!.replace('entry 1499', `entry 1499${' '.repeat(200)}`);
    expect(await rejectionOf(payloadOf(lines, entries, { maxLineBytes: limit }))).toEqual({ reason: 'LINE_TOO_LONG', line: 1500, read: 1499 });
    // A bad line before it comes first.
    lines[1200] = `${lines[1200]} `;
    expect(await rejectionOf(payloadOf(lines, entries, { maxLineBytes: limit }))).toMatchObject({ reason: 'ENTRY_NOT_CANONICAL', line: 1201 });
  });

  it('refuses more lines than bundle.json declares at the first one too many', async () => {
    expect(await rejectionOf(payloadOf(linesOf(entries), entries.slice(0, 1200)))).toEqual({ reason: 'HEADER_DATA_MISMATCH', line: 1201, read: 1200 });
  });

  describe('when the verifier left the hash to this read (the import)', () => {
    /** The payload of `lines`, declared to hash as the good payload does. */
    const unhashed = (lines: string[], limits: Partial<typeof DEFAULT_BUNDLE_LIMITS> = {}) => ({ ...payloadOf(lines, entries, limits), sha384: payloadOf(linesOf(entries)).sha384, hashChecked: false });

    it('reads a good payload as the verified read does', async () => {
      let read = 0;
      for await (const _line of readPayloadLines(unhashed(linesOf(entries)), entryHashOfCanonical)) read += 1;
      expect(read).toBe(2500);
    });

    it('refuses a changed payload as not matching the manifest, whatever its lines show first', async () => {
      const lines = linesOf(entries);
      lines[1500] = lines[1500]!.replace('entry 1500', 'entry 1501');
      expect(await rejectionOf(unhashed(lines))).toEqual({ reason: 'HASH_MISMATCH', line: undefined, read: 1000 });
      lines[1200] = ` ${lines[1200]}`;
      expect(await rejectionOf(unhashed(lines))).toMatchObject({ reason: 'HASH_MISMATCH' });
      const limit = Math.max(...lines.map((l) => Buffer.byteLength(l))) + 10;
      const long = linesOf(entries);
      long[1499] = long[1499]!.replace('entry 1499', `entry 1499${' '.repeat(200)}`);
      expect(await rejectionOf(unhashed(long, { maxLineBytes: limit }))).toMatchObject({ reason: 'HASH_MISMATCH' });
    });

    it('names the first fault in the lines once the payload matched the manifest', async () => {
      const lines = linesOf(entries);
      lines[2200] = lines[2200]!.replace('entry 2200', 'entry 2201');
      lines[1500] = lines[1500]!.replace('entry 1500', 'entry 1501');
      const payload = { ...payloadOf(lines), hashChecked: false };
      expect(await rejectionOf(payload)).toEqual({ reason: 'ENTRY_HASH_MISMATCH', line: 1501, read: 1000 });
    });
  });

  it('refuses a last line with no line end, and fewer lines than declared', async () => {
    const payload = payloadOf(linesOf(entries));
    const cut = { ...payload, size: payload.size - 1 };
    cut.sha384 = createHash('sha384').update(Buffer.from(linesOf(entries).map((l) => `${l}\n`).join('')).subarray(0, cut.size)).digest('hex');
    expect(await rejectionOf(cut)).toEqual({ reason: 'ENTRY_NOT_CANONICAL', line: 2500, read: 2499 });
    expect(await rejectionOf(payloadOf(linesOf(entries.slice(0, 2400))))).toMatchObject({ reason: 'HEADER_DATA_MISMATCH', read: 2400 });
  });
});
