// The second read of a verified bundle's payload, data/journal.ndjson, straight from its place in
// the archive, every line checked as it is read (journalLines.ts). Kept apart from the verifier
// (bundleReader.ts) so the verify workers load it without the signature and certificate code.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { BundleHeader } from './bundleHeader.js';
import { JOURNAL_FILE } from './bundleNames.js';
import { type EntryHashRule, type JournalLine, JournalLineReader } from './journalLines.js';
import { BundleRejectedError, rejection } from './rejection.js';

export interface BundleLimits {
  maxBundleBytes: number;
  maxTarEntries: number;
  /** Each file outside data/ (they are read into memory). */
  maxTagFileBytes: number;
  maxLineBytes: number;
  maxJsonDepth: number;
  maxJournalEntries: number;
}

export const DEFAULT_BUNDLE_LIMITS: BundleLimits = {
  maxBundleBytes: 4 * 1024 ** 3,
  maxTarEntries: 16,
  maxTagFileBytes: 1024 * 1024,
  maxLineBytes: 1024 * 1024,
  maxJsonDepth: 32,
  maxJournalEntries: 10_000_000,
};

/**
 * Where a verified bundle's payload lies and what it must hash to: plain data, so another thread
 * (services/sync/verifyWorker.ts) can read and check the entries while this one applies them.
 */
export interface VerifiedPayload {
  path: string;
  /** Byte offset of data/journal.ndjson in the archive, and its size. */
  start: number;
  size: number;
  /** Its SHA-384 (hex), as the signed manifest lists it. */
  sha384: string;
  header: BundleHeader;
  limits: BundleLimits;
}

/**
 * Second read of data/journal.ndjson, straight from its verified place in the archive, each
 * entry checked as it is read. Throws BundleRejectedError on the first bad line, or at the end
 * if the file changed since it was verified: apply nothing unless the iteration completes.
 */
export async function* readPayloadLines(payload: VerifiedPayload, entryHash: EntryHashRule | undefined): AsyncGenerator<JournalLine, void, undefined> {
  const { path, start, size, sha384: verifiedDigest, header, limits } = payload;
  const lines = new JournalLineReader(header, limits, entryHash);
  const hash = createHash('sha384');
  let bytes = 0;
  const changed = () => new BundleRejectedError(rejection('PAYLOAD_CHANGED', `${JOURNAL_FILE} changed after it was verified`, { file: JOURNAL_FILE }));
  if (size > 0) {
    const stream = createReadStream(path, { start, end: start + size - 1, highWaterMark: 256 * 1024 });
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        bytes += chunk.byteLength;
        hash.update(chunk);
        yield* lines.push(chunk);
      }
    } catch (error) {
      if (error instanceof BundleRejectedError) throw error;
      throw changed();
    } finally {
      stream.destroy();
    }
  }
  // A file changed under us (a hostile device can answer the second read differently) shows
  // here; until then every entry was still checked line by line.
  if (bytes !== size || hash.digest('hex') !== verifiedDigest) throw changed();
  lines.end();
}

