// What an import writes, read from a verified bundle's payload a batch of lines at a time: every
// entry checked as a line of the bundle (sync/lineBatch.ts) and as a record of the sending site
// (records.ts), then laid out in the journal's columns. The batches are checked in the verify
// workers, or in the importing thread when no worker can be started (verifiedRows.ts), and joined
// in order here; either way the importer gets the same batches.
import type { UsLevel } from '../../../common/classification/index.js';
import type { JournalEntry } from '../../../common/journal.js';
import { isRecordKind, recordOf } from '../../../common/journalMarking.js';
import { entryMarkingText, storedDataOf } from '../../../../db/journal/append.js';
import type { JournalRow } from '../../../../db/journal/rows.js';
import { EntrySequence } from '../../sync/entrySequence.js';
import { type LineBatchSummary, type LineChecks, checkLineBatch } from '../../sync/lineBatch.js';
import { type LineBatch, payloadBatches } from '../../sync/payloadBatches.js';
import type { VerifiedPayload } from '../../sync/payloadLines.js';
import type { BundleRejection } from '../../sync/rejection.js';
import { ImportRejected } from './importRejected.js';
import { checkForeignEntry } from './records.js';

/**
 * One entry in the journal's columns (`data` is its canonical JSON text, taken from the verified
 * line as it stands), with its marking and `record` = 1 when it carries a record's new state
 * (what the registers apply).
 */
export interface CheckedRow extends JournalRow {
  marking: string;
  record: 0 | 1;
}

export interface EntryChecks {
  systemHigh: UsLevel;
  /** The level the bundle is marked; no record in it may be marked higher. */
  bundleLevel: UsLevel;
}

export function checkedRow(entry: JournalEntry, line: string): CheckedRow {
  return {
    site_id: entry.siteId,
    seq: entry.seq,
    id: entry.id,
    at: entry.at,
    actor: entry.actor,
    kind: entry.kind,
    entity_id: entry.entityId,
    action: entry.action,
    data: storedDataOf(entry, line),
    prev_hash: entry.prevHash,
    hash: entry.hash,
    marking: entryMarkingText(entry),
    record: isRecordKind(entry.kind) && recordOf(entry) !== null ? 1 : 0,
  };
}

/** One batch of lines, checked as lines and then as records, in the journal's columns. */
export interface CheckedBatch {
  summary: LineBatchSummary;
  /** A row per line that passed, up to the first that failed a record check. */
  rows: CheckedRow[];
  /** That record check's rejection. */
  recordFailure: BundleRejection | null;
}

/** The checks on one batch that need nothing outside it (a verify worker's part). */
export function checkRowBatch(batch: LineBatch, lineChecks: LineChecks, checks: EntryChecks): CheckedBatch {
  const { summary, lines } = checkLineBatch(batch, lineChecks);
  const rows: CheckedRow[] = [];
  let recordFailure: BundleRejection | null = null;
  for (const { entry, line } of lines) {
    recordFailure = checkForeignEntry(entry, checks);
    if (recordFailure) break;
    rows.push(checkedRow(entry, line));
  }
  return { summary, rows, recordFailure };
}

/**
 * Checked batches joined in file order: the lines' checks across batches (entrySequence.ts),
 * then the rows to write. A record check that would raise an alarm is kept back and no row after
 * it is taken: it is thrown only once the whole payload has been read and verified, so a medium
 * that answers the second read differently cannot raise alarms in the site's name.
 */
export class CheckedBatches {
  private readonly sequence: EntrySequence;
  private pending: BundleRejection | null = null;

  constructor(payload: VerifiedPayload) {
    this.sequence = new EntrySequence(payload);
  }

  /** Whether a fault in the lines is held (EntrySequence): no more rows are taken. */
  get holding(): boolean {
    return this.sequence.holding;
  }

  /** The next batch's rows to write. Throws BundleRejectedError for a bad line, or holds it (no rows). */
  accept(batch: CheckedBatch): CheckedRow[] {
    if (!this.sequence.accept(batch.summary) || this.pending) return [];
    this.pending = batch.recordFailure;
    return batch.rows;
  }

  /**
   * After the last batch, with what the read of the payload ended with, if anything: throws
   * what is to be reported, the rejection kept back last (the payload verified).
   */
  end(readError?: unknown): void {
    this.sequence.end(readError);
    if (this.pending) throw new ImportRejected(this.pending);
  }
}

/**
 * The payload's entries as checked rows, in this thread, in the batches the verify workers
 * check. Batches before a failed check may already be applied: the importer rolls them back when
 * the iteration throws.
 */
export async function* checkedRowBatches(payload: VerifiedPayload, lineChecks: LineChecks, checks: EntryChecks): AsyncGenerator<CheckedRow[], void, undefined> {
  const batches = new CheckedBatches(payload);
  try {
    for await (const batch of payloadBatches(payload)) {
      if (batches.holding) continue;
      const rows = batches.accept(checkRowBatch(batch, lineChecks, checks));
      if (rows.length > 0) yield rows;
    }
  } catch (error) {
    batches.end(error);
  }
  batches.end();
}
