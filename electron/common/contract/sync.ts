// Sync: this installation's signing identity, the trust store, bundles out to removable media
// and back in, headquarters' acknowledgements, per-site status and alarms. Rules: docs/sync.md.
import { z } from 'zod';
import { classificationSchema } from '../classification/model.js';
import { hashSchema } from '../journal.js';
import { pageSchema, pagedSchema, reasonSchema, requiredText, siteIdSchema, ulidSchema } from '../primitives.js';
import { RECORD_READERS } from '../roles.js';
import { passwordSchema } from '../site.js';
import {
  ACK_DEFAULT_EXPIRY_DAYS,
  TRUST_ROLES,
  alarmRecordSchema,
  bundleEventSchema,
  entryProvenanceSchema,
  filePathSchema,
  identityRecordSchema,
  importResultSchema,
  keyIdSchema,
  notesSchema,
  siteStatusSchema,
  syncProgressSchema,
  trustRecordSchema,
  typedFingerprintSchema,
} from '../sync/model.js';
import { method } from './define.js';

/** Unlocks the sealed key for one signature; never stored. */
const passphraseSchema = z.string().min(1, 'is required').max(1024);

const writtenBundleSchema = z.strictObject({
  path: z.string(),
  fileName: z.string(),
  bundleId: z.string(),
  recipient: z.string(),
  firstSeq: z.number().int(),
  lastSeq: z.number().int(),
  entryCount: z.number().int(),
  head: hashSchema,
  classification: z.string(),
  bytes: z.number().int(),
  expiresAt: z.string().nullable(),
});

export const syncMethods = {
  'sync.identity': method({
    summary: "This installation's signing certificate and its fingerprint, to read aloud and hand to the other side",
    input: z.strictObject({}),
    output: z.strictObject({ identity: identityRecordSchema.nullable() }),
    access: 'signed-in',
  }),
  'sync.createIdentity': method({
    summary: 'Make the P-384 signing key and self-signed certificate; the key is stored sealed under a passphrase (15+ characters, like a password)',
    input: z.strictObject({ passphrase: passwordSchema }),
    output: identityRecordSchema,
    access: ['administrator'],
  }),
  'sync.status': method({
    summary: 'Sync state of this installation: identity, head, what headquarters has acknowledged, what is waiting to go',
    input: z.strictObject({}),
    output: z.strictObject({
      siteId: z.string(),
      siteRole: z.enum(TRUST_ROLES),
      identity: z.strictObject({ fingerprint: z.string(), keyId: keyIdSchema }).nullable(),
      head: z.strictObject({ seq: z.number().int(), hash: z.string() }),
      acknowledged: z.strictObject({ seq: z.number().int(), hash: z.string(), at: z.string(), bundleId: z.string(), notes: z.string() }).nullable(),
      /** Own entries not yet acknowledged by headquarters: what the next export carries. */
      unacknowledged: z.number().int(),
      headquarters: z.array(z.strictObject({ siteId: z.string(), fingerprint: z.string() })),
      openAlarms: z.number().int(),
    }),
    access: ['administrator', 'security_officer', 'auditor', 'hq_analyst'],
  }),
  'trust.list': method({
    summary: 'The trust store: certificates enrolled for sites (at headquarters) or for headquarters (at a site), revoked ones too',
    input: z.strictObject({}),
    output: z.array(trustRecordSchema),
    access: ['administrator', 'security_officer', 'auditor', 'hq_analyst'],
  }),
  'trust.enroll': method({
    summary: "Trust a certificate for a site (at headquarters) or headquarters' (at a site), after comparing its fingerprint out of band",
    input: z.strictObject({
      certificatePem: z.string().min(1, 'is required').max(64 * 1024),
      siteId: siteIdSchema,
      role: z.enum(TRUST_ROLES),
      /** As read out by the other installation's operator (sync.identity there). */
      expectedFingerprint: typedFingerprintSchema,
    }),
    output: trustRecordSchema,
    access: ['security_officer'],
  }),
  'trust.revoke': method({
    summary: 'Stop trusting one certificate (by fingerprint) or every certificate of a site; bundles they signed are refused from now on',
    input: z
      .strictObject({ siteId: siteIdSchema.optional(), fingerprint: typedFingerprintSchema.optional(), reason: reasonSchema })
      .refine((i) => (i.siteId === undefined) !== (i.fingerprint === undefined), { message: 'give either siteId or fingerprint', path: ['siteId'] }),
    output: z.array(trustRecordSchema),
    access: ['administrator', 'security_officer'],
  }),
  'sync.export': method({
    summary: 'Site: write every journal entry headquarters has not acknowledged to a signed bundle in outDir (the removable medium)',
    input: z.strictObject({ outDir: filePathSchema, passphrase: passphraseSchema }),
    output: writtenBundleSchema,
    access: ['security_officer'],
  }),
  'sync.preview': method({
    summary: 'Verify bundles and say what importing exactly these files would do, judged together (counts per kind, overlap, gap), changing nothing',
    input: z.strictObject({ paths: z.array(filePathSchema).min(1, 'choose at least one bundle').max(1000) }),
    output: z.strictObject({ results: z.array(importResultSchema) }),
    access: ['security_officer'],
  }),
  'sync.import': method({
    summary: "Import bundles in any order: sites' journals at headquarters, headquarters' acknowledgements at a site; each applies whole or not at all",
    input: z.strictObject({ paths: z.array(filePathSchema).min(1, 'choose at least one bundle').max(1000) }),
    output: z.strictObject({ results: z.array(importResultSchema) }),
    access: ['security_officer'],
  }),
  'sync.exportAck': method({
    summary: 'Headquarters: write a signed acknowledgement for one site (the head received, revocations, notes), valid for a number of days',
    input: z.strictObject({
      siteId: siteIdSchema,
      outDir: filePathSchema,
      passphrase: passphraseSchema,
      /** Unclassified notes to the site. */
      notes: notesSchema.default(''),
      /** The bundle's marking (at least the notes'); UNCLASSIFIED by default. */
      classification: classificationSchema.optional(),
      expiresInDays: z.number().int().min(1).max(365).default(ACK_DEFAULT_EXPIRY_DAYS),
    }),
    output: writtenBundleSchema,
    access: ['security_officer'],
  }),
  'sync.sites': method({
    summary: 'Headquarters: per site, the head received, last import, bundles held back and open alarms',
    input: z.strictObject({}),
    output: z.array(siteStatusSchema),
    access: ['security_officer', 'auditor', 'hq_analyst'],
  }),
  'sync.alarms': method({
    summary: 'Security alarms raised by imports: forks, records of another site, spillage above system-high',
    input: z.strictObject({ includeResolved: z.boolean().default(false) }),
    output: z.array(alarmRecordSchema),
    access: ['security_officer', 'auditor', 'hq_analyst'],
  }),
  'sync.resolveAlarm': method({
    summary: 'Close an alarm, recording what was found and done',
    input: z.strictObject({ id: ulidSchema, resolution: requiredText(2000) }),
    output: alarmRecordSchema,
    access: ['security_officer'],
  }),
  'sync.bundles': method({
    summary: 'Bundle history: every bundle exported, imported, held back, released or dropped',
    input: pageSchema.extend({ siteId: siteIdSchema.optional() }),
    output: pagedSchema(bundleEventSchema),
    access: ['security_officer', 'auditor', 'hq_analyst'],
  }),
  'sync.provenance': method({
    summary: "Headquarters: the bundle that brought each of the given entries of other sites (for a record's history)",
    input: z.strictObject({
      entries: z.array(z.strictObject({ siteId: siteIdSchema, seq: z.number().int().min(1) })).max(500, 'at most 500 entries at a time'),
    }),
    output: z.array(entryProvenanceSchema),
    access: RECORD_READERS,
  }),
  'sync.progress': method({
    summary: 'Progress of the export or import running on this connection (poll while it runs)',
    input: z.strictObject({}),
    output: syncProgressSchema,
    access: 'signed-in',
  }),
} as const;

