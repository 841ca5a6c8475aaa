// bundle.json: what a bundle claims about itself, bound by the signature (through the tag
// manifest). It names everything a bundle could be replayed against: sender, recipient,
// direction, seq range and the head it continues from; bundles from headquarters expire.
import { z } from 'zod';
import { CanonicalJsonError, canonicalJson, parseCanonicalJson } from '../../common/canonicalJson.js';
import { US_LEVELS, type UsLevel, classificationSchema } from '../../common/classification/index.js';
import { JOURNAL_KINDS, hashSchema } from '../../common/journal.js';
import { isoTimestampSchema, siteIdSchema, ulidSchema } from '../../common/primitives.js';
import { type Verdict, rejection } from './rejection.js';

export const BUNDLE_FORMAT = 'enclave-ledger-bundle';
export const BUNDLE_FORMAT_VERSION = 1;
export const BUNDLE_DIRECTIONS = ['site-to-hq', 'hq-to-site'] as const;
export type BundleDirection = (typeof BUNDLE_DIRECTIONS)[number];

/** Bundle headers nest three levels at most; anything deeper is refused before zod sees it. */
const HEADER_MAX_DEPTH = 6;

const countSchema = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

export const bundleHeaderSchema = z
  .strictObject({
    format: z.literal(BUNDLE_FORMAT),
    formatVersion: z.literal(BUNDLE_FORMAT_VERSION),
    bundleId: ulidSchema,
    direction: z.enum(BUNDLE_DIRECTIONS),
    /** The site whose journal this is; its key signs the bundle. */
    siteId: siteIdSchema,
    /** The one installation that may import it. */
    recipient: siteIdSchema,
    firstSeq: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
    /** firstSeq - 1 when the bundle carries no entries. */
    lastSeq: countSchema,
    /** prevHash of the first entry: the head the bundle continues from. */
    previousHead: hashSchema,
    /** hash of the last entry (previousHead when empty). */
    head: hashSchema,
    entryCount: countSchema,
    /** Entries per kind; kinds with none are left out. */
    counts: z.partialRecord(z.enum(JOURNAL_KINDS), countSchema.min(1)),
    classification: z.strictObject({
      /** The banner line as the exporting app rendered it (also bag-info.txt Classification). */
      banner: z.string().min(1).max(500),
      marking: classificationSchema,
    }),
    schemaVersion: z.number().int().min(1),
    appVersion: z.string().regex(/^\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.-]+)?$/, 'must be a semantic version'),
    createdAt: isoTimestampSchema,
    /** Headquarters' bundles must be imported before this time (null for site bundles). */
    expiresAt: isoTimestampSchema.nullable(),
  })
  .superRefine((h, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (h.lastSeq < h.firstSeq - 1) issue('lastSeq', 'must be at least firstSeq - 1');
    if (h.entryCount !== h.lastSeq - h.firstSeq + 1) issue('entryCount', 'must equal lastSeq - firstSeq + 1');
    const sum = Object.values(h.counts).reduce((a, b) => a + (b ?? 0), 0);
    if (sum !== h.entryCount) issue('counts', 'must add up to entryCount');
    if (h.entryCount === 0 && h.head !== h.previousHead) issue('head', 'must equal previousHead when the bundle is empty');
    if (h.recipient === h.siteId) issue('recipient', 'must be another installation');
    if (h.direction === 'hq-to-site') {
      if (h.expiresAt === null) issue('expiresAt', 'is required on headquarters bundles');
      else if (h.expiresAt <= h.createdAt) issue('expiresAt', 'must be after createdAt');
    } else if (h.expiresAt !== null) {
      issue('expiresAt', 'is only set on headquarters bundles');
    }
  });

export type BundleHeader = z.infer<typeof bundleHeaderSchema>;

export function serializeHeader(header: BundleHeader): string {
  return canonicalJson(bundleHeaderSchema.parse(header));
}

/**
 * bundle.json's text to a header: canonical JSON, the supported format version, the schema, and
 * nothing left to defaults (the parsed header must serialise back to the same text).
 */
export function parseHeader(text: string): Verdict<BundleHeader> {
  const where = { file: 'bundle.json' };
  let raw: unknown;
  try {
    raw = parseCanonicalJson(text, HEADER_MAX_DEPTH);
  } catch (error) {
    const message = error instanceof CanonicalJsonError ? error.message : String(error);
    return { ok: false, rejection: rejection('HEADER_NOT_CANONICAL', `bundle.json: ${message}`, where) };
  }
  const probe = raw as { format?: unknown; formatVersion?: unknown } | null;
  if (typeof probe !== 'object' || probe === null || probe.format !== BUNDLE_FORMAT) {
    return { ok: false, rejection: rejection('HEADER_INVALID', 'bundle.json is not an Enclave Ledger bundle header', where) };
  }
  if (probe.formatVersion !== BUNDLE_FORMAT_VERSION) {
    return {
      ok: false,
      rejection: rejection('HEADER_UNSUPPORTED_VERSION', `bundle format version ${String(probe.formatVersion)}; this version reads ${BUNDLE_FORMAT_VERSION}`, where),
    };
  }
  const parsed = bundleHeaderSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    return { ok: false, rejection: rejection('HEADER_INVALID', `bundle.json: ${issues.join('; ')}`, { ...where, issues }) };
  }
  if (canonicalJson(parsed.data) !== text) {
    return { ok: false, rejection: rejection('HEADER_INVALID', 'bundle.json leaves fields to their defaults', where) };
  }
  return { ok: true, value: parsed.data };
}

// ---- file names: <SITE>_<FROM>-<TO>_<LEVEL>.ledger.tar ----

export const BUNDLE_EXTENSION = '.ledger.tar';

export function levelToken(level: UsLevel): string {
  return level.replace(/ /g, '-');
}

export function levelFromToken(token: string): UsLevel | null {
  return US_LEVELS.find((level) => levelToken(level) === token) ?? null;
}

export interface BundleFileName {
  siteId: string;
  firstSeq: number;
  lastSeq: number;
  level: UsLevel;
}

export function bundleFileName(name: BundleFileName): string {
  return `${name.siteId}_${name.firstSeq}-${name.lastSeq}_${levelToken(name.level)}${BUNDLE_EXTENSION}`;
}

export function fileNameFor(header: BundleHeader): string {
  return bundleFileName({ siteId: header.siteId, firstSeq: header.firstSeq, lastSeq: header.lastSeq, level: header.classification.marking.level });
}

const NAME_PATTERN = /^([A-Z0-9][A-Z0-9-]{1,31})_(0|[1-9][0-9]{0,15})-(0|[1-9][0-9]{0,15})_([A-Z-]+)\.ledger\.tar$/;

/** The parts of a bundle file name, or null when `name` is not one. */
export function parseBundleFileName(name: string): BundleFileName | null {
  const match = NAME_PATTERN.exec(name);
  if (!match) return null;
  const [, siteId, from, to, token] = match as unknown as [string, string, string, string, string];
  const level = levelFromToken(token);
  const firstSeq = Number(from);
  const lastSeq = Number(to);
  if (!level || !Number.isSafeInteger(firstSeq) || !Number.isSafeInteger(lastSeq)) return null;
  return { siteId, firstSeq, lastSeq, level };
}
