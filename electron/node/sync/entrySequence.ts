// The checks on data/journal.ndjson that join its batches (lineBatch.ts) in order: each batch's
// first line continues the batch before (seq, hash link), and at the end the file holds exactly
// what bundle.json declares (entry count, head, counts per kind). Also which fault is reported:
// where the verifier hashed the payload, the first in file order, at once; where it left the
// hash to this read (the import), a fault found in the lines is held while the reader hashes the
// rest, and a payload that does not match the manifest is refused as such, else the held fault.
import type { JournalKind } from '../../common/journal.js';
import { JOURNAL_FILE } from './bundleNames.js';
import type { LineBatchSummary } from './lineBatch.js';
import type { VerifiedPayload } from './payloadLines.js';
import { BundleRejectedError, rejectWith } from './rejection.js';

export class EntrySequence {
  private lines = 0;
  private expectedSeq: number;
  private previousHash: string;
  private readonly counts = new Map<string, number>();
  private held: BundleRejectedError | null = null;

  constructor(private readonly payload: Pick<VerifiedPayload, 'header' | 'hashChecked'>) {
    this.expectedSeq = payload.header.firstSeq;
    this.previousHash = payload.header.previousHead;
  }

  /** Whether a fault is held: take no more lines, read on to the end. */
  get holding(): boolean {
    return this.held !== null;
  }

  /**
   * The next batch, in file order: true when its lines are taken. Throws BundleRejectedError for
   * the batch's first fault, or holds it (false).
   */
  accept(batch: LineBatchSummary): boolean {
    if (this.held) return false;
    try {
      this.join(batch);
      return true;
    } catch (error) {
      if (this.payload.hashChecked || !(error instanceof BundleRejectedError)) throw error;
      this.held = error;
      return false;
    }
  }

  /**
   * After the last batch: `readError` is what the read of the payload ended with, if anything.
   * Throws what is to be reported (see above), then checks the totals.
   */
  end(readError?: unknown): void {
    if (readError instanceof BundleRejectedError && readError.rejection.reason === 'HASH_MISMATCH') throw readError;
    if (this.held) throw this.held;
    // Rethrown as it came (read errors are Errors; anything else is passed on unchanged).
    if (readError !== undefined) throw readError as Error;
    this.checkTotals();
  }

  private join(batch: LineBatchSummary): void {
    if (batch.firstLine !== this.lines + 1) throw new Error(`batch of line ${batch.firstLine} taken after line ${this.lines}`);
    if (batch.first !== null) {
      const where = { file: JOURNAL_FILE, line: batch.firstLine };
      if (batch.first.seq !== this.expectedSeq) rejectWith('ENTRY_OUT_OF_SEQUENCE', `line ${batch.firstLine} has seq ${batch.first.seq}, expected ${this.expectedSeq}`, where);
      if (batch.first.prevHash !== this.previousHash) rejectWith('ENTRY_CHAIN_BROKEN', `entry seq ${batch.first.seq} does not link to the entry before it`, where);
    }
    if (batch.failure) throw new BundleRejectedError(batch.failure);
    this.lines += batch.passed;
    this.expectedSeq += batch.passed;
    if (batch.lastHash !== null) this.previousHash = batch.lastHash;
    for (const [kind, count] of Object.entries(batch.counts)) this.counts.set(kind, (this.counts.get(kind) ?? 0) + count);
  }

  private checkTotals(): void {
    const h = this.payload.header;
    if (this.lines !== h.entryCount) {
      rejectWith('HEADER_DATA_MISMATCH', `${JOURNAL_FILE} has ${this.lines} entries, bundle.json declares ${h.entryCount}`, { file: JOURNAL_FILE });
    }
    if (this.previousHash !== h.head) rejectWith('HEADER_DATA_MISMATCH', `the last entry's hash is not the head in bundle.json`, { file: JOURNAL_FILE });
    for (const [kind, count] of this.counts) {
      if (h.counts[kind as JournalKind] !== count) {
        rejectWith('HEADER_DATA_MISMATCH', `${count} ${kind} entries, bundle.json declares ${h.counts[kind as JournalKind] ?? 0}`, { file: JOURNAL_FILE, kind });
      }
    }
  }
}
