// Reads and verifies one bundle, in the order of docs/bundle-format.md: limits, tar entries, bag
// structure and every hash, signature by a trusted certificate of the sending site, header, the
// expectations of this installation; then hands out the entries, which are checked line by line
// against the header as they are read. Nothing is parsed before the bytes it comes from are
// covered by a verified hash or signature, except the tar headers and BagIt text that lead to it.
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import type { JournalEntry } from '../../common/journal.js';
import { BAG_INFO_TXT, type BagFile, PAYLOAD_DIR, TAG_MANIFEST, tagText, validateBag } from './bagit.js';
import { type BundleDirection, type BundleHeader, fileNameFor, parseHeader } from './bundleHeader.js';
import { BUNDLE_FILES, BUNDLE_JSON, JOURNAL_FILE, SIGNATURE_FILE, TAG_MANIFEST_ENTRIES } from './bundleNames.js';
import { type VerifiedSignature, verifyDetached } from './cms.js';
import type { EntryHashRule, JournalLine } from './lineBatch.js';
import { type BundleLimits, DEFAULT_BUNDLE_LIMITS, type VerifiedPayload, readPayloadLines } from './payloadLines.js';
import { spkiFingerprints } from './keys.js';
import { type BundleRejectReason, type BundleRejection, BundleRejectedError, type Verdict, rejection } from './rejection.js';
import { readTar } from './tarReader.js';

/** A certificate the caller trusts to sign for one site (the trust store, minus revoked ones). */
export interface TrustedSigner {
  siteId: string;
  certificateDer: Uint8Array;
}

export interface ReadBundleOptions {
  trusted: readonly TrustedSigner[];
  limits?: Partial<BundleLimits>;
  /** This installation: a bundle for another recipient or in another direction is refused. */
  expect?: { recipient?: string; direction?: BundleDirection };
  /** When given, a bundle whose expiresAt is not after it is refused. */
  now?: Date;
  /** Refuse a file whose name does not match its header (default true). */
  checkFileName?: boolean;
  /** The journal's hash rule (db/journal); when given every entry's hash is recomputed. */
  entryHash?: EntryHashRule;
  /**
   * Leave the payload's SHA-384 to the read of its entries (the import, which reads them once
   * more anyway): the payload is then not hashed here, and whoever reads it must read it to the
   * end (a payload that does not match the manifest is refused as such, before any fault in its
   * lines; VerifiedPayload.hashChecked).
   */
  payloadHashWhileReading?: boolean;
}

export interface VerifiedBundle {
  path: string;
  header: BundleHeader;
  signer: VerifiedSignature & { siteId: string };
  payload: VerifiedPayload;
  /**
   * The entries, parsed and checked against the header as they are read. Throws
   * BundleRejectedError on the first bad line, or at the end if the file changed since it was
   * verified: apply nothing unless the iteration completes.
   */
  entries(): AsyncGenerator<JournalEntry, void, undefined>;
  /** The same, each with the canonical line it came from (import stores it as read). */
  lines(): AsyncGenerator<JournalLine, void, undefined>;
}

function refuse<T>(reason: BundleRejectReason, message: string, details: Record<string, unknown> = {}): Verdict<T> {
  return { ok: false, rejection: rejection(reason, message, details) };
}

export async function readAndVerifyBundle(path: string, options: ReadBundleOptions): Promise<Verdict<VerifiedBundle>> {
  const limits = { ...DEFAULT_BUNDLE_LIMITS, ...options.limits };

  // 1-2. Limits and tar entries; every file hashed, the small tag files kept.
  const files = new Map<string, BagFile>();
  const tagBytes = new Map<string, Uint8Array>();
  const found: { journal?: { start: number; size: number } } = {};
  const tarVerdict = await readTar(
    path,
    {
      maxTotalBytes: limits.maxBundleBytes,
      maxEntries: limits.maxTarEntries,
      maxEntryBytes: limits.maxBundleBytes,
      maxEntryBytesFor: (name) => (name.startsWith(PAYLOAD_DIR) ? limits.maxBundleBytes : limits.maxTagFileBytes),
    },
    (entry) => {
      const hash = createHash('sha384');
      const keep = !entry.name.startsWith(PAYLOAD_DIR);
      const chunks: Uint8Array[] = [];
      const later = entry.name === JOURNAL_FILE && options.payloadHashWhileReading === true;
      if (entry.name === JOURNAL_FILE) found.journal = { start: entry.offset + 512, size: entry.size };
      return {
        update(chunk) {
          if (!later) hash.update(chunk);
          if (keep) chunks.push(chunk);
        },
        end() {
          files.set(entry.name, { size: entry.size, sha384: later ? null : hash.digest('hex') });
          if (keep) tagBytes.set(entry.name, new Uint8Array(Buffer.concat(chunks)));
        },
      };
    },
  );
  if (!tarVerdict.ok) return tarVerdict;

  // 3. Bag structure and every hash; then exactly the files of format 1.
  const bag = validateBag({ files, tagBytes }, { tagManifestEntries: TAG_MANIFEST_ENTRIES, unlistedTagFiles: [SIGNATURE_FILE] });
  if (!bag.ok) return bag;
  for (const name of files.keys()) {
    if (!(BUNDLE_FILES as readonly string[]).includes(name)) return refuse('UNLISTED_FILE', `${name} is not a file of a format 1 bundle`, { file: name });
  }
  const missing = BUNDLE_FILES.find((name) => !files.has(name));
  if (missing === JOURNAL_FILE) return refuse('PAYLOAD_MISSING', `the bundle has no ${JOURNAL_FILE}`, { file: missing });
  if (missing) return refuse('BAG_FILE_MISSING', `the bundle has no ${missing}`, { file: missing });

  // 4. The signature over the tag manifest, by a trusted certificate.
  const signature = await verifyDetached(
    tagBytes.get(TAG_MANIFEST) as Uint8Array,
    tagBytes.get(SIGNATURE_FILE) as Uint8Array,
    options.trusted.map((t) => t.certificateDer),
  );
  if (!signature.ok) return signature;

  // 5. The header, now covered by the signature; then what it must agree with.
  const headerText = tagText({ files, tagBytes }, BUNDLE_JSON);
  if (headerText === null) return refuse('HEADER_NOT_CANONICAL', 'bundle.json is not UTF-8 text', { file: BUNDLE_JSON });
  const parsed = parseHeader(headerText);
  if (!parsed.ok) return parsed;
  const header = parsed.value;
  const signerKey = signature.value.signer.fingerprints.sha256Hex;
  const forSite = options.trusted.some((t) => t.siteId === header.siteId && spkiFingerprints(t.certificateDer).sha256Hex === signerKey);
  if (!forSite) {
    return refuse('SIGNER_NOT_FOR_SITE', `the signer (${signature.value.signer.fingerprints.sha256}) is not trusted for site ${header.siteId}`, {
      siteId: header.siteId,
      fingerprint: signature.value.signer.fingerprints.sha256Hex,
    });
  }
  const mismatch = checkAgainstBag(header, bag.value.info) ?? checkExpectations(header, path, options, limits);
  if (mismatch) return { ok: false, rejection: mismatch };

  const range = found.journal as { start: number; size: number };
  const payload: VerifiedPayload = {
    path,
    ...range,
    sha384: bag.value.manifest.get(JOURNAL_FILE) as string,
    hashChecked: (files.get(JOURNAL_FILE) as BagFile).sha384 !== null,
    header,
    limits,
  };
  return {
    ok: true,
    value: {
      path,
      header,
      signer: { ...signature.value, siteId: header.siteId },
      payload,
      lines: () => readPayloadLines(payload, options.entryHash),
      entries: () => entriesOf(readPayloadLines(payload, options.entryHash)),
    },
  };
}

function checkAgainstBag(header: BundleHeader, info: { externalIdentifier: string; classification: string; baggingDate: string }): BundleRejection | null {
  const where = { file: BAG_INFO_TXT };
  if (info.externalIdentifier !== header.bundleId) return rejection('HEADER_BAG_MISMATCH', 'bag-info External-Identifier is not the bundle id', where);
  if (info.classification !== header.classification.banner) return rejection('HEADER_BAG_MISMATCH', 'bag-info Classification differs from bundle.json', where);
  if (info.baggingDate !== header.createdAt.slice(0, 10)) return rejection('HEADER_BAG_MISMATCH', 'bag-info Bagging-Date is not the day the bundle was made', where);
  return null;
}

function checkExpectations(header: BundleHeader, path: string, options: ReadBundleOptions, limits: BundleLimits): BundleRejection | null {
  if (header.entryCount > limits.maxJournalEntries) {
    return rejection('TOO_LARGE', `the bundle declares ${header.entryCount} entries, more than ${limits.maxJournalEntries}`, { file: BUNDLE_JSON });
  }
  const expect = options.expect ?? {};
  if (expect.recipient !== undefined && header.recipient !== expect.recipient) {
    return rejection('WRONG_RECIPIENT', `the bundle is for ${header.recipient}, not ${expect.recipient}`, { recipient: header.recipient });
  }
  if (expect.direction !== undefined && header.direction !== expect.direction) {
    return rejection('WRONG_DIRECTION', `the bundle goes ${header.direction}, expected ${expect.direction}`, { direction: header.direction });
  }
  if (options.now && header.expiresAt !== null && Date.parse(header.expiresAt) <= options.now.getTime()) {
    return rejection('EXPIRED', `the bundle expired at ${header.expiresAt}`, { expiresAt: header.expiresAt });
  }
  if (options.checkFileName !== false && basename(path) !== fileNameFor(header)) {
    return rejection('FILE_NAME_MISMATCH', `the file is named ${basename(path)}; its header says ${fileNameFor(header)}`, { expected: fileNameFor(header) });
  }
  return null;
}

async function* entriesOf(lines: AsyncGenerator<JournalLine, void, undefined>): AsyncGenerator<JournalEntry, void, undefined> {
  for await (const { entry } of lines) yield entry;
}

/** Verify a bundle completely, reading every entry (the CLI's `verify FILE`). */
export async function verifyBundle(
  path: string,
  options: ReadBundleOptions,
): Promise<Verdict<{ header: BundleHeader; signer: VerifiedBundle['signer']; entries: number }>> {
  const verdict = await readAndVerifyBundle(path, options);
  if (!verdict.ok) return verdict;
  let entries = 0;
  try {
    for await (const _entry of verdict.value.entries()) entries += 1;
  } catch (error) {
    if (error instanceof BundleRejectedError) return { ok: false, rejection: error.rejection };
    throw error;
  }
  return { ok: true, value: { header: verdict.value.header, signer: verdict.value.signer, entries } };
}
