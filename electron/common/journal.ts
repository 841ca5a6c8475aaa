// The journal entry as it crosses boundaries (history views, bundles). The journal is the
// single write path and the audit trail; see db/journal/.
import { z } from 'zod';
import { isoTimestampSchema, siteIdSchema, ulidSchema } from './primitives.js';

export const JOURNAL_KINDS = ['receipt', 'visit', 'visitor', 'incident', 'user', 'session', 'settings', 'site', 'bundle', 'identity', 'trust', 'alarm'] as const;
export type JournalKind = (typeof JOURNAL_KINDS)[number];

export const hashSchema = z.string().regex(/^[0-9a-f]{96}$/, 'must be a SHA-384 hex digest');

export const journalEntrySchema = z.strictObject({
  siteId: siteIdSchema,
  seq: z.number().int().min(1),
  id: ulidSchema,
  at: isoTimestampSchema,
  actor: z.string().min(1).max(100),
  kind: z.enum(JOURNAL_KINDS),
  entityId: z.string().min(1).max(100),
  action: z.string().min(1).max(60),
  data: z.unknown(),
  prevHash: hashSchema,
  hash: hashSchema,
});
export type JournalEntry = z.infer<typeof journalEntrySchema>;

/** The prev_hash of the first entry of every site's chain. */
export const GENESIS_HASH = '0'.repeat(96);

export const verifyReportSchema = z.discriminatedUnion('ok', [
  z.strictObject({ ok: z.literal(true), entries: z.number().int(), sites: z.array(z.strictObject({ siteId: z.string(), head: z.string(), lastSeq: z.number().int() })) }),
  z.strictObject({
    ok: z.literal(false),
    entries: z.number().int(),
    firstBroken: z.strictObject({ siteId: z.string(), seq: z.number().int(), reason: z.string() }),
  }),
]);
export type VerifyReport = z.infer<typeof verifyReportSchema>;
