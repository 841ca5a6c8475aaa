import { z } from 'zod';
import { JOURNAL_KINDS, journalEntrySchema } from '../journal.js';
import { isoDateSchema, pageSchema, pagedSchema, text } from '../primitives.js';
import { method } from './define.js';

export const auditFilterSchema = z.strictObject({
  actor: text(100).optional(),
  kind: z.enum(JOURNAL_KINDS).optional(),
  action: text(60).optional(),
  /** Inclusive calendar dates (UTC). */
  from: isoDateSchema.optional(),
  to: isoDateSchema.optional(),
  siteId: text(32).optional(),
  /** From a first page's answer: later pages see the same entries even as new ones arrive. */
  snapshot: z.number().int().min(0).optional(),
});
export type AuditFilter = z.infer<typeof auditFilterSchema>;

/** A journal entry read as an audit record: who, what, when, where, outcome. */
export const auditRecordSchema = journalEntrySchema.extend({
  workstation: z.string(),
  outcome: z.string(),
});
export type AuditRecord = z.infer<typeof auditRecordSchema>;

const AUDIT_READERS = ['auditor', 'security_officer'] as const;

export const auditMethods = {
  'audit.list': method({
    summary: 'Read the audit trail (the journal), newest first, filtered; the read is itself audited',
    input: auditFilterSchema.extend(pageSchema.shape),
    output: pagedSchema(auditRecordSchema).extend({ snapshot: z.number().int() }),
    access: AUDIT_READERS,
  }),
  'audit.exportCsv': method({
    summary: 'Export the filtered audit trail as CSV (at most 100,000 rows); the export is audited',
    input: auditFilterSchema,
    output: z.strictObject({ fileName: z.string(), csv: z.string(), rows: z.number().int() }),
    access: AUDIT_READERS,
  }),
} as const;
