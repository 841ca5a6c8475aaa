// The second read of a verified bundle's payload, data/journal.ndjson, straight from its place in
// the archive, every line checked as it is read (payloadBatches.ts cuts it into batches of
// lines, lineBatch.ts checks each, entrySequence.ts joins them). Kept apart from the verifier
// (bundleReader.ts) so the verify workers load it without the signature and certificate code.
import type { BundleHeader } from './bundleHeader.js';
import { EntrySequence } from './entrySequence.js';
import { type EntryHashRule, type JournalLine, checkLineBatch } from './lineBatch.js';
import { payloadBatches } from './payloadBatches.js';

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
  /**
   * Whether the verifier hashed it. When not, the read of its entries is what checks the hash,
   * and a payload that does not match is refused as such (HASH_MISMATCH) before any fault found
   * in its lines (EntrySequence).
   */
  hashChecked: boolean;
  header: BundleHeader;
  limits: BundleLimits;
}

/**
 * Second read of data/journal.ndjson, straight from its verified place in the archive, each
 * entry checked as it is read. Throws BundleRejectedError on the first bad line, or at the end
 * if the file changed since it was verified: apply nothing unless the iteration completes. (The
 * import checks the same batches in worker threads: services/sync/verifiedRows.ts.)
 */
export async function* readPayloadLines(payload: VerifiedPayload, entryHash: EntryHashRule | undefined): AsyncGenerator<JournalLine, void, undefined> {
  const sequence = new EntrySequence(payload);
  const checks = { siteId: payload.header.siteId, maxJsonDepth: payload.limits.maxJsonDepth, entryHash };
  try {
    for await (const batch of payloadBatches(payload)) {
      if (sequence.holding) continue;
      const { summary, lines } = checkLineBatch(batch, checks);
      if (sequence.accept(summary)) yield* lines;
    }
  } catch (error) {
    sequence.end(error);
  }
  sequence.end();
}
