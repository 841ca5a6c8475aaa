// Why a bundle was refused: one closed set of reasons for every check of docs/bundle-format.md,
// so the import screen, the CLI and the tests can switch on them exhaustively. A rejection is a
// plain object (it crosses IPC as a Result error); BundleRejectedError carries one through code
// that can only throw (async iterators, stream callbacks) and is unwrapped at the boundary.

export const BUNDLE_REJECT_REASONS = [
  // I/O and limits, checked before anything is parsed
  'UNREADABLE',
  'TOO_LARGE',
  'TOO_MANY_ENTRIES',
  'ENTRY_TOO_LARGE',
  // tar container
  'NOT_A_TAR',
  'TRUNCATED',
  'UNSAFE_PATH',
  'DUPLICATE_ENTRY',
  'LINK_ENTRY',
  'SPECIAL_ENTRY',
  'DIRECTORY_ENTRY',
  'UNSAFE_MODE',
  'EXTENDED_HEADER',
  // BagIt structure and hashes
  'BAG_FILE_MISSING',
  'BAG_DECLARATION_INVALID',
  'BAG_INFO_INVALID',
  'MANIFEST_INVALID',
  'UNLISTED_FILE',
  'PAYLOAD_MISSING',
  'HASH_MISMATCH',
  'PAYLOAD_OXUM_MISMATCH',
  // CMS signature and trust
  'SIGNATURE_MALFORMED',
  'SIGNATURE_ALGORITHM',
  'SIGNATURE_DIGEST_MISMATCH',
  'SIGNATURE_INVALID',
  'SIGNER_UNTRUSTED',
  'SIGNER_NOT_FOR_SITE',
  // bundle.json and the file's own name
  'HEADER_NOT_CANONICAL',
  'HEADER_INVALID',
  'HEADER_UNSUPPORTED_VERSION',
  'HEADER_BAG_MISMATCH',
  'FILE_NAME_MISMATCH',
  'WRONG_RECIPIENT',
  'WRONG_DIRECTION',
  'EXPIRED',
  // data/journal.ndjson against the header
  'LINE_TOO_LONG',
  'ENTRY_NOT_CANONICAL',
  'ENTRY_INVALID',
  'ENTRY_SITE_MISMATCH',
  'ENTRY_OUT_OF_SEQUENCE',
  'ENTRY_CHAIN_BROKEN',
  'ENTRY_HASH_MISMATCH',
  'HEADER_DATA_MISMATCH',
  'PAYLOAD_CHANGED',
] as const;

export type BundleRejectReason = (typeof BUNDLE_REJECT_REASONS)[number];

export interface BundleRejection {
  code: 'BUNDLE_REJECTED';
  reason: BundleRejectReason;
  /** One sentence for the operator, naming the entry, file or line at fault. */
  message: string;
  details: Record<string, unknown>;
}

export function rejection(reason: BundleRejectReason, message: string, details: Record<string, unknown> = {}): BundleRejection {
  return { code: 'BUNDLE_REJECTED', reason, message, details };
}

export class BundleRejectedError extends Error {
  readonly rejection: BundleRejection;

  constructor(rejection: BundleRejection) {
    super(`${rejection.reason}: ${rejection.message}`);
    this.name = 'BundleRejectedError';
    this.rejection = rejection;
  }
}

export function rejectWith(reason: BundleRejectReason, message: string, details: Record<string, unknown> = {}): never {
  throw new BundleRejectedError(rejection(reason, message, details));
}

export type Verdict<T> = { ok: true; value: T } | { ok: false; rejection: BundleRejection };
