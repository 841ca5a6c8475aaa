// Why a bundle was refused: one closed set for the verifier's checks (docs/bundle-format.md) and
// for the importer's checks against what this installation holds (docs/sync.md), so the import
// screen, the CLI and the tests can switch on them exhaustively.

/** Checks of the bundle file itself (electron/node/sync). */
export const VERIFY_REJECT_REASONS = [
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

/** Checks of a verified bundle against this installation's state and policy (services/sync). */
export const IMPORT_REJECT_REASONS = [
  /** The signing key was trusted once and has been revoked. */
  'SIGNER_REVOKED',
  /** Another history for a seq this installation already holds, or a previous head that does not match: an alarm. */
  'FORK',
  /** An entry creates or changes a record that belongs to another site (or to headquarters): an alarm. */
  'WRONG_SITE_RECORD',
  /** The bundle or a record in it is marked above this installation's system-high: a spillage alarm. */
  'ABOVE_SYSTEM_HIGH',
  /** A record is marked above the classification on the bundle's header and file name: an alarm. */
  'CLASSIFICATION_UNDERSTATED',
  /** A record entry does not hold a valid record of its kind. */
  'RECORD_INVALID',
  /** A headquarters acknowledgement that is malformed or names another site. */
  'ACK_INVALID',
  /** A headquarters acknowledgement of a head this site's journal does not have: an alarm. */
  'ACK_MISMATCH',
] as const;

export const BUNDLE_REJECT_REASONS = [...VERIFY_REJECT_REASONS, ...IMPORT_REJECT_REASONS] as const;
export type BundleRejectReason = (typeof BUNDLE_REJECT_REASONS)[number];
