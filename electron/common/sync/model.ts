// What sync shows and stores: this installation's signing identity, the trust store, alarms,
// held bundles, per-site status and the outcome of an import. docs/sync.md describes the rules.
import { z } from 'zod';
import { US_LEVELS } from '../classification/model.js';
import { hashSchema } from '../journal.js';
import { isoTimestampSchema, siteIdSchema, text, ulidSchema } from '../primitives.js';
import { SITE_ROLES } from '../site.js';
import { BUNDLE_REJECT_REASONS } from './reasons.js';

/** SHA-256 of a certificate's SubjectPublicKeyInfo, lower-case hex: how keys are named. */
export const keyIdSchema = z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 hex digest');

/**
 * A fingerprint as an operator types it after reading it out of band: SHA-256 (64 hex digits) or
 * SHA-384 (96) of the SubjectPublicKeyInfo, upper or lower case, grouped with spaces or colons.
 */
export const typedFingerprintSchema = z
  .string()
  .trim()
  .max(200)
  .transform((s) => s.replace(/[\s:]/g, '').toLowerCase())
  .pipe(z.string().regex(/^([0-9a-f]{64}|[0-9a-f]{96})$/, 'must be the SHA-256 or SHA-384 fingerprint shown by the other installation (64 or 96 hex digits)'));

/** `ab12cd34...` -> `AB12 CD34 ...`, as the identity screen shows it for reading aloud. */
export function groupFingerprint(hex: string): string {
  return (hex.toUpperCase().match(/.{1,4}/g) ?? []).join(' ');
}

/** An absolute file or folder path chosen by the operator (removable medium). */
export const filePathSchema = z
  .string()
  .min(1, 'is required')
  .max(4096)
  // eslint-disable-next-line no-control-regex
  .refine((p) => !/[\u0000-\u001F]/.test(p), 'contains control characters')
  .refine((p) => p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p) || p.startsWith('\\\\'), 'must be an absolute path');

export const certificateInfoSchema = z.strictObject({
  /** SHA-256 of the SPKI, hex (the key's id). */
  keyId: keyIdSchema,
  /** The same, upper-case in groups of four, for reading aloud. */
  fingerprint: z.string(),
  fingerprintSha384: z.string(),
  subject: z.string(),
  notBefore: isoTimestampSchema,
  notAfter: isoTimestampSchema,
  certificatePem: z.string(),
});
export type CertificateInfo = z.infer<typeof certificateInfoSchema>;

/** This installation's signing identity as the journal records it (never the private key). */
export const identityRecordSchema = certificateInfoSchema.extend({
  siteId: siteIdSchema,
  createdAt: isoTimestampSchema,
  createdBy: z.string(),
});
export type IdentityRecord = z.infer<typeof identityRecordSchema>;

export const TRUST_ROLES = SITE_ROLES;
export type TrustRole = (typeof TRUST_ROLES)[number];

/** One trusted certificate: whose it is and for what, enrolled after an out-of-band fingerprint check. */
export const trustRecordSchema = certificateInfoSchema.extend({
  siteId: siteIdSchema,
  role: z.enum(TRUST_ROLES),
  enrolledAt: isoTimestampSchema,
  enrolledBy: z.string(),
  revokedAt: isoTimestampSchema.nullable(),
  revokedBy: z.string().nullable(),
  revokeReason: z.string().nullable(),
});
export type TrustRecord = z.infer<typeof trustRecordSchema>;

export const ALARM_STATUSES = ['open', 'resolved'] as const;

/** A security event found while importing: a fork, a record of another site, a spillage. */
export const alarmRecordSchema = z.strictObject({
  id: ulidSchema,
  /** The site the bundle came from (or headquarters, at a site). */
  siteId: siteIdSchema,
  reason: z.enum(BUNDLE_REJECT_REASONS),
  message: z.string(),
  details: z.record(z.string(), z.unknown()),
  bundleId: z.string().nullable(),
  fileName: z.string().nullable(),
  status: z.enum(ALARM_STATUSES),
  raisedAt: isoTimestampSchema,
  raisedBy: z.string(),
  resolvedAt: isoTimestampSchema.nullable(),
  resolvedBy: z.string().nullable(),
  resolution: z.string().nullable(),
});
export type AlarmRecord = z.infer<typeof alarmRecordSchema>;

export const rejectionSchema = z.strictObject({
  code: z.literal('BUNDLE_REJECTED'),
  reason: z.enum(BUNDLE_REJECT_REASONS),
  message: z.string(),
  details: z.record(z.string(), z.unknown()),
});
export type RejectionBody = z.infer<typeof rejectionSchema>;

export const bundleSummarySchema = z.strictObject({
  bundleId: z.string(),
  direction: z.enum(['site-to-hq', 'hq-to-site']),
  siteId: z.string(),
  recipient: z.string(),
  firstSeq: z.number().int(),
  lastSeq: z.number().int(),
  entryCount: z.number().int(),
  previousHead: z.string(),
  head: z.string(),
  counts: z.record(z.string(), z.number().int()),
  classification: z.string(),
  level: z.enum(US_LEVELS),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
});
export type BundleSummary = z.infer<typeof bundleSummarySchema>;

export const IMPORT_OUTCOMES = ['applied', 'already_imported', 'held', 'rejected'] as const;
export type ImportOutcome = (typeof IMPORT_OUTCOMES)[number];

/** What one bundle did (or would do, for a preview). */
export const importResultSchema = z.strictObject({
  path: z.string().nullable(),
  fileName: z.string().nullable(),
  bundle: bundleSummarySchema.nullable(),
  outcome: z.enum(IMPORT_OUTCOMES),
  /** One sentence for the operator. */
  message: z.string(),
  /** Entries added to the journal (and their records to the registers). */
  applied: z.number().int(),
  /** Entries this installation already held, checked hash by hash. */
  skipped: z.number().int(),
  /** New entries per kind. */
  appliedByKind: z.record(z.string(), z.number().int()),
  /** Held back: the seq that must arrive first. */
  waitingForSeq: z.number().int().nullable(),
  /** Applied automatically from the held bundles once the missing one arrived. */
  fromHold: z.boolean(),
  rejection: rejectionSchema.nullable(),
  alarmId: z.string().nullable(),
  /** At a site: the head headquarters acknowledged. */
  acknowledged: z.strictObject({ seq: z.number().int(), hash: hashSchema, notes: z.string() }).nullable(),
});
export type ImportResult = z.infer<typeof importResultSchema>;

export const heldBundleSchema = z.strictObject({
  bundleId: z.string(),
  siteId: z.string(),
  fileName: z.string(),
  firstSeq: z.number().int(),
  lastSeq: z.number().int(),
  waitingForSeq: z.number().int(),
  classification: z.string(),
  heldAt: z.string(),
  heldBy: z.string(),
});
export type HeldBundle = z.infer<typeof heldBundleSchema>;

export const siteStatusSchema = z.strictObject({
  siteId: z.string(),
  /** Certificates trusted for the site now. */
  activeCertificates: z.number().int(),
  lastSeq: z.number().int(),
  lastHash: z.string(),
  lastImportAt: z.string().nullable(),
  lastBundleId: z.string().nullable(),
  held: z.array(heldBundleSchema),
  openAlarms: z.number().int(),
  lastAcknowledgement: z.strictObject({ seq: z.number().int(), at: z.string(), bundleId: z.string() }).nullable(),
});
export type SiteStatus = z.infer<typeof siteStatusSchema>;

export const BUNDLE_EVENTS = ['exported', 'imported', 'held', 'released', 'dropped'] as const;

/** One line of the bundle history. */
export const bundleEventSchema = z.strictObject({
  id: z.number().int(),
  bundleId: z.string(),
  event: z.enum(BUNDLE_EVENTS),
  direction: z.enum(['site-to-hq', 'hq-to-site']),
  siteId: z.string(),
  recipient: z.string(),
  firstSeq: z.number().int(),
  lastSeq: z.number().int(),
  classification: z.string(),
  fileName: z.string(),
  applied: z.number().int(),
  skipped: z.number().int(),
  at: z.string(),
  actor: z.string(),
  message: z.string(),
});
export type BundleEvent = z.infer<typeof bundleEventSchema>;

/** Where an entry of another site came from: the bundle that applied it here, and when. */
export const entryProvenanceSchema = z.strictObject({
  siteId: z.string(),
  seq: z.number().int(),
  bundleId: z.string(),
  fileName: z.string(),
  importedAt: z.string(),
  importedBy: z.string(),
});
export type EntryProvenance = z.infer<typeof entryProvenanceSchema>;

export const syncProgressSchema = z
  .strictObject({
    operation: z.enum(['export', 'preview', 'import', 'acknowledge']),
    phase: z.string(),
    /** The file being worked on. */
    file: z.string().nullable(),
    done: z.number().int(),
    total: z.number().int().nullable(),
    startedAt: z.string(),
  })
  .nullable();
export type SyncProgress = z.infer<typeof syncProgressSchema>;

/** HQ's acknowledgement, the one journal entry an hq-to-site bundle carries (its `data`). */
export const ackDataSchema = z.object({
  siteId: siteIdSchema,
  acknowledged: z.strictObject({ seq: z.number().int().min(1), hash: hashSchema }),
  /** Unclassified notes from headquarters to the site. */
  notes: z.string().max(2000),
  /** Revocations the site applies to keys it trusts; new keys are never trusted from a bundle. */
  revocations: z.array(z.strictObject({ keyId: keyIdSchema, siteId: siteIdSchema, reason: z.string().max(500), revokedAt: isoTimestampSchema })).max(1000),
  bundleId: ulidSchema,
  expiresAt: isoTimestampSchema,
});
export type AckData = z.infer<typeof ackDataSchema>;

export const ACK_DEFAULT_EXPIRY_DAYS = 30;

export const notesSchema = text(2000);
