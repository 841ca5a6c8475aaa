import { createHash } from 'node:crypto';
import { canonicalJson } from '../../electron/common/canonicalJson.js';
import type { JournalEntry } from '../../electron/common/journal.js';

export type UnhashedEntry = Omit<JournalEntry, 'hash'>;

/** hash = SHA-384(prev_hash || canonical JSON of the entry without its own hash), hex. */
export function entryHash(entry: UnhashedEntry): string {
  const body = canonicalJson({
    siteId: entry.siteId,
    seq: entry.seq,
    id: entry.id,
    at: entry.at,
    actor: entry.actor,
    kind: entry.kind,
    entityId: entry.entityId,
    action: entry.action,
    data: entry.data,
    prevHash: entry.prevHash,
  });
  return createHash('sha384').update(entry.prevHash, 'utf8').update(body, 'utf8').digest('hex');
}
