// Which journal entries carry records that registers keep, and what each is marked: the highest of
// its record's markings. Shared by the journal (which stores each entry's marking as it is written,
// so an export need not parse every entry again) and the sync checks.
import { type Classification, highestClassification } from './classification/index.js';
import type { JournalEntry, JournalKind } from './journal.js';

/**
 * Kinds whose entries headquarters applies to its registers. Every other kind (site, settings,
 * users, sessions, bundles, identity, trust, alarms) describes the sending installation itself.
 */
export const RECORD_KINDS = ['receipt', 'visit', 'visitor', 'incident'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

export function isRecordKind(kind: JournalKind): kind is RecordKind {
  return (RECORD_KINDS as readonly string[]).includes(kind);
}

/** The record an entry carries (`data.record`), or null for an audit-only entry. */
export function recordOf(entry: Pick<JournalEntry, 'data'>): Record<string, unknown> | null {
  const data = entry.data;
  if (data === null || typeof data !== 'object' || Array.isArray(data) || !('record' in data)) return null;
  const record = data.record;
  return record !== null && typeof record === 'object' && !Array.isArray(record) ? (record as Record<string, unknown>) : null;
}

function isClassification(value: unknown): value is Classification {
  return value !== null && typeof value === 'object' && typeof (value as { level?: unknown }).level === 'string';
}

/** Every marking a record carries: its own, and the material's for an incident. */
export function recordClassifications(kind: JournalKind, record: Record<string, unknown>): Classification[] {
  const out: Classification[] = [];
  if (isClassification(record.classification)) out.push(record.classification);
  if (kind === 'incident') {
    if (Array.isArray(record.material)) for (const m of record.material as { classification?: unknown }[]) if (isClassification(m?.classification)) out.push(m.classification);
    const release = record.foreignRelease as { classification?: unknown } | undefined;
    if (isClassification(release?.classification)) out.push(release.classification);
  }
  return out;
}

/**
 * The marking an entry contributes to a bundle: the highest of its record's markings; audit
 * entries (sessions, users, bundles...) have none and count as UNCLASSIFIED, the bundle's floor.
 */
export function entryClassification(entry: Pick<JournalEntry, 'kind' | 'data'>): Classification | null {
  if (!isRecordKind(entry.kind)) return null;
  const record = recordOf(entry);
  if (!record) return null;
  const markings = recordClassifications(entry.kind, record);
  return markings.length > 0 ? highestClassification(markings) : null;
}
