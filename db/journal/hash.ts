import { hash } from 'node:crypto';
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
  return hash('sha384', entry.prevHash + body, 'hex');
}

/**
 * The same hash from the entry's canonical JSON text (a bundle line already checked to be
 * canonical and to hold exactly the entry's fields): that text without its "hash" member is the
 * canonical body above, so import need not serialise every entry again. "hash" sorts between
 * "entityId" and "id", and every member after it is a string or a number, in which an unescaped
 * quote cannot occur: the last occurrence of the member is the entry's own.
 */
export function entryHashOfCanonical(entry: JournalEntry, canonical: string): string {
  const member = `,"hash":${JSON.stringify(entry.hash)}`;
  const at = canonical.lastIndexOf(member);
  if (at === -1) return entryHash(entry);
  // One-shot: an import hashes every entry, and a Hash object per entry costs more than the join.
  return hash('sha384', entry.prevHash + canonical.slice(0, at) + canonical.slice(at + member.length), 'hex');
}
