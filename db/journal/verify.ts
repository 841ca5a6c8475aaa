import type { Database } from 'better-sqlite3';
import type { VerifyReport } from '../../electron/common/journal.js';
import { GENESIS_HASH } from '../../electron/common/journal.js';
import { entryHash } from './hash.js';
import type { JournalRow } from './rows.js';
import { JOURNAL_COLUMNS, rowToEntry } from './rows.js';

/**
 * Walk every site's chain in seq order and report the first broken link: a gap in seq, a
 * prev_hash that does not match the previous entry's hash, or a hash that does not match the
 * entry's content. Streams rows, so memory stays flat on large journals.
 */
export function verifyJournal(db: Database): VerifyReport {
  const rows = db.prepare(`SELECT ${JOURNAL_COLUMNS} FROM journal ORDER BY site_id, seq`).iterate() as IterableIterator<JournalRow>;
  const sites: { siteId: string; head: string; lastSeq: number }[] = [];
  let entries = 0;
  let current: { siteId: string; head: string; lastSeq: number } | null = null;

  for (const row of rows) {
    entries++;
    if (current === null || current.siteId !== row.site_id) {
      current = { siteId: row.site_id, head: GENESIS_HASH, lastSeq: 0 };
      sites.push(current);
    }
    const broken = checkLink(row, current.lastSeq, current.head);
    if (broken !== null) {
      // Stop the iterator explicitly so the statement is released before returning.
      rows.return?.();
      return { ok: false, entries, firstBroken: { siteId: row.site_id, seq: row.seq, reason: broken } };
    }
    current.head = row.hash;
    current.lastSeq = row.seq;
  }
  return { ok: true, entries, sites };
}

function checkLink(row: JournalRow, lastSeq: number, head: string): string | null {
  if (row.seq !== lastSeq + 1) return `sequence gap: expected seq ${lastSeq + 1}, found ${row.seq}`;
  if (row.prev_hash !== head) return `prev_hash does not match the hash of seq ${lastSeq}`;
  let recomputed: string;
  try {
    recomputed = entryHash(rowToEntry(row));
  } catch (error) {
    return `entry cannot be read: ${error instanceof Error ? error.message : String(error)}`;
  }
  if (recomputed !== row.hash) return 'hash does not match the entry content (entry altered)';
  return null;
}
