// The checks an entry from another site must pass before it touches a register: the record
// belongs to the signing site, is a valid record of its kind, and is not marked above this
// installation's system-high nor above the bundle's own marking. (Which entries carry records, and
// how they are marked: electron/common/journalMarking.ts.)
import { z } from 'zod';
import { type UsLevel, usLevelRank } from '../../../common/classification/index.js';
import { incidentSchema } from '../../../common/incidents/model.js';
import type { JournalEntry } from '../../../common/journal.js';
import { type RecordKind, isRecordKind, recordClassifications, recordOf } from '../../../common/journalMarking.js';
import { receiptSchema } from '../../../common/receipts/model.js';
import { visitRequestSchema, visitorSchema } from '../../../common/visits/model.js';
import { type BundleRejection, rejection } from '../../sync/rejection.js';

/**
 * The record schemas, compiled (zod's ahead-of-time fast path, with its runtime parser behind it
 * for whatever the fast path cannot take): an import checks every entry's record, and the
 * compiled schema is about four times faster on a receipt. Same schemas, same verdicts.
 */
export const COMPILED_RECORD_SCHEMAS: Record<RecordKind, z.ZodType> = {
  receipt: z.compile(receiptSchema),
  visit: z.compile(visitRequestSchema),
  visitor: z.compile(visitorSchema),
  incident: z.compile(incidentSchema),
};

/**
 * The checks on one entry of another site that need no database: the record is valid, belongs
 * to the entry's site, and is marked within both the system-high and the bundle's marking.
 * Ownership against records already held is checked when the entry is applied.
 */
export function checkForeignEntry(entry: JournalEntry, limits: { systemHigh: UsLevel; bundleLevel: UsLevel }): BundleRejection | null {
  if (!isRecordKind(entry.kind)) return null;
  const record = recordOf(entry);
  if (record === null) {
    if (entry.data !== null && typeof entry.data === 'object' && 'record' in entry.data) {
      return rejection('RECORD_INVALID', `entry seq ${entry.seq} carries a ${entry.kind} record that is not an object`, { seq: entry.seq });
    }
    return null; // audit-only entry of a record kind (a reveal, a foreign release)
  }
  const where = { seq: entry.seq, kind: entry.kind, entityId: entry.entityId };
  if (record.siteId !== entry.siteId) {
    return rejection('WRONG_SITE_RECORD', `entry seq ${entry.seq} of ${entry.siteId} changes a ${entry.kind} of ${String(record.siteId)}`, {
      ...where,
      recordSiteId: record.siteId,
    });
  }
  if (record.id !== entry.entityId) {
    return rejection('RECORD_INVALID', `entry seq ${entry.seq} is about ${entry.entityId} but carries record ${String(record.id)}`, where);
  }
  // validate() builds no output (the compiled schema's check-only path); the issues only for a refusal.
  const schema = COMPILED_RECORD_SCHEMAS[entry.kind];
  const parsed = schema.validate(record) ? null : schema.safeParse(record);
  if (parsed && !parsed.success) {
    const issue = parsed.error.issues[0];
    return rejection('RECORD_INVALID', `entry seq ${entry.seq}: the ${entry.kind} record is not valid (${issue ? `${issue.path.join('.') || '(record)'} ${issue.message}` : 'invalid'})`, where);
  }
  for (const marking of recordClassifications(entry.kind, record)) {
    if (usLevelRank(marking.level) > usLevelRank(limits.systemHigh)) {
      return rejection('ABOVE_SYSTEM_HIGH', `entry seq ${entry.seq}: a ${entry.kind} marked ${marking.level} is above this installation's system-high (${limits.systemHigh})`, {
        ...where,
        level: marking.level,
        systemHigh: limits.systemHigh,
      });
    }
    if (usLevelRank(marking.level) > usLevelRank(limits.bundleLevel)) {
      return rejection('CLASSIFICATION_UNDERSTATED', `entry seq ${entry.seq}: a ${entry.kind} marked ${marking.level} travels in a bundle marked ${limits.bundleLevel}`, {
        ...where,
        level: marking.level,
        bundleLevel: limits.bundleLevel,
      });
    }
  }
  return null;
}
