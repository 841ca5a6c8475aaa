// What an import writes, read from a verified bundle's payload: every entry checked by the
// verifier (bundleReader) and as a record of the sending site (records.ts), then laid out in the
// journal's columns, in batches. Runs in the verify worker, or in the importing thread when no
// worker can be started (verifiedRows.ts); either way the importer gets the same batches.
import type { UsLevel } from '../../../common/classification/index.js';
import type { JournalEntry } from '../../../common/journal.js';
import { isRecordKind, recordOf } from '../../../common/journalMarking.js';
import { entryMarkingText, storedDataOf } from '../../../../db/journal/append.js';
import type { JournalRow } from '../../../../db/journal/rows.js';
import type { JournalLine } from '../../sync/journalLines.js';
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

/** Rows per batch: large enough that handing a batch between threads costs little, small enough to keep memory flat. */
export const ROW_BATCH = 1000;
/**
 * And at most this much line text per batch: lines may be up to a megabyte each, and a thousand
 * of those would not fit a verify worker's heap.
 */
export const BATCH_CHARS = 4 * 1024 * 1024;

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

/**
 * The record checks over a bundle's entries in order. A record check that would raise an alarm
 * is kept back (`pending`) and nothing after it is taken: it is thrown only once the whole
 * payload has been read and verified, so a medium that answers the second read differently
 * cannot raise alarms in the site's name.
 */
export class RecordChecks {
  pending: BundleRejection | null = null;

  constructor(private readonly checks: EntryChecks) {}

  /** The entry's row, or null once a check has failed. */
  take(entry: JournalEntry, line: string): CheckedRow | null {
    if (this.pending) return null;
    this.pending = checkForeignEntry(entry, this.checks);
    return this.pending ? null : checkedRow(entry, line);
  }

  /** After the last entry (the payload verified): throws the rejection kept back, if any. */
  finish(): void {
    if (this.pending) throw new ImportRejected(this.pending);
  }
}

/** Items in batches of ROW_BATCH, or fewer once their text reaches BATCH_CHARS. */
export async function* inBatches<T>(items: AsyncIterable<T>, textOf: (item: T) => string): AsyncGenerator<T[], void, undefined> {
  let batch: T[] = [];
  let chars = 0;
  for await (const item of items) {
    batch.push(item);
    chars += textOf(item).length;
    if (batch.length >= ROW_BATCH || chars >= BATCH_CHARS) {
      yield batch;
      batch = [];
      chars = 0;
    }
  }
  if (batch.length > 0) yield batch;
}

/**
 * The payload's entries as checked rows, in this thread, batched as the verify workers batch
 * them. Batches before a failed check may already be applied: the importer rolls them back when
 * the iteration throws.
 */
export async function* checkedRowBatches(lines: AsyncIterable<JournalLine>, checks: EntryChecks): AsyncGenerator<CheckedRow[], void, undefined> {
  const records = new RecordChecks(checks);
  for await (const batch of inBatches(lines, (read) => read.line)) {
    const rows = batch.map(({ entry, line }) => records.take(entry, line)).filter((row) => row !== null);
    if (rows.length > 0) yield rows;
  }
  records.finish();
}
