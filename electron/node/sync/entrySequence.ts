// The checks on data/journal.ndjson that join its batches (lineBatch.ts) in order: each batch's
// first line continues the batch before (seq, hash link), and at the end the file holds exactly
// what bundle.json declares (entry count, head, counts per kind).
import type { JournalKind } from '../../common/journal.js';
import type { BundleHeader } from './bundleHeader.js';
import { JOURNAL_FILE } from './bundleNames.js';
import type { LineBatchSummary } from './lineBatch.js';
import { BundleRejectedError, rejectWith } from './rejection.js';

export class EntrySequence {
  private lines = 0;
  private expectedSeq: number;
  private previousHash: string;
  private readonly counts = new Map<string, number>();

  constructor(private readonly header: BundleHeader) {
    this.expectedSeq = header.firstSeq;
    this.previousHash = header.previousHead;
  }

  /** The next batch, in file order. Throws BundleRejectedError for the batch's first fault. */
  accept(batch: LineBatchSummary): void {
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

  /** After the last batch, once the file has been read to its end. */
  end(): void {
    const h = this.header;
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
