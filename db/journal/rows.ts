import type { JournalEntry, JournalKind } from '../../electron/common/journal.js';

export interface JournalRow {
  site_id: string;
  seq: number;
  id: string;
  at: string;
  actor: string;
  kind: string;
  entity_id: string;
  action: string;
  data: string;
  prev_hash: string;
  hash: string;
}

export const JOURNAL_COLUMNS = 'site_id, seq, id, at, actor, kind, entity_id, action, data, prev_hash, hash';

export function rowToEntry(row: JournalRow): JournalEntry {
  return {
    siteId: row.site_id,
    seq: row.seq,
    id: row.id,
    at: row.at,
    actor: row.actor,
    kind: row.kind as JournalKind,
    entityId: row.entity_id,
    action: row.action,
    data: JSON.parse(row.data) as unknown,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

/**
 * The entry's canonical JSON built straight from its row: `data` is stored canonical (written by
 * canonicalJson, or a verified bundle line), the other members are strings and one integer, and
 * the members are listed in canonical (code-unit) order. Export writes bundles this way instead
 * of parsing and re-serialising every entry; a row whose data is not canonical gives a line the
 * recipient's verifier refuses, never a line that verifies with another meaning.
 */
export function rowToCanonicalLine(row: JournalRow): string {
  const s = JSON.stringify;
  return (
    `{"action":${s(row.action)},"actor":${s(row.actor)},"at":${s(row.at)},"data":${row.data},"entityId":${s(row.entity_id)},` +
    `"hash":${s(row.hash)},"id":${s(row.id)},"kind":${s(row.kind)},"prevHash":${s(row.prev_hash)},"seq":${row.seq},"siteId":${s(row.site_id)}}`
  );
}
