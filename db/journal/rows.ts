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
