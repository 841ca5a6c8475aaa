// Why a bundle was refused, in words: one sentence per reason code of
// electron/common/sync/reasons.ts (the record is exhaustive, so a new code does not compile
// until it has its words). The screens show the words, the code and the core's own message.
import type { BundleRejectReason } from '../../../electron/common/sync/reasons.js';
import { BUNDLE_REJECT_REASONS, IMPORT_REJECT_REASONS } from '../../../electron/common/sync/reasons.js';

export const REJECT_REASON_TEXT: Record<BundleRejectReason, string> = {
  UNREADABLE: 'The file could not be read',
  TOO_LARGE: 'The bundle is larger than the limit',
  TOO_MANY_ENTRIES: 'The archive holds more files than a bundle may',
  ENTRY_TOO_LARGE: 'A file inside the bundle is larger than the limit',
  NOT_A_TAR: 'The file is not an uncompressed tar archive',
  TRUNCATED: 'The archive is cut short',
  UNSAFE_PATH: 'The archive names a file outside the bundle (absolute path or ..)',
  DUPLICATE_ENTRY: 'The archive holds the same file twice',
  LINK_ENTRY: 'The archive holds a link',
  SPECIAL_ENTRY: 'The archive holds a device or other special file',
  DIRECTORY_ENTRY: 'The archive holds a directory entry',
  UNSAFE_MODE: 'A file in the archive has unsafe permissions',
  EXTENDED_HEADER: 'The archive uses extended tar headers',
  BAG_FILE_MISSING: 'A required bag file is missing',
  BAG_DECLARATION_INVALID: 'The bag declaration (bagit.txt) is not valid',
  BAG_INFO_INVALID: 'The bag information (bag-info.txt) is not valid',
  MANIFEST_INVALID: 'A manifest is not valid',
  UNLISTED_FILE: 'The bundle holds a file its manifest does not list',
  PAYLOAD_MISSING: 'A file the manifest lists is missing',
  HASH_MISMATCH: 'A file was changed after the bundle was signed (its hash does not match)',
  PAYLOAD_OXUM_MISMATCH: 'The payload size or file count does not match bag-info.txt',
  SIGNATURE_MALFORMED: 'The signature is malformed',
  SIGNATURE_ALGORITHM: 'The signature uses an algorithm that is not accepted',
  SIGNATURE_DIGEST_MISMATCH: 'The signed manifest was changed after signing',
  SIGNATURE_INVALID: 'The signature does not verify',
  SIGNER_UNTRUSTED: 'The signer is not in the trust store',
  SIGNER_NOT_FOR_SITE: 'The signer is trusted, but not for the site the bundle claims',
  HEADER_NOT_CANONICAL: 'The bundle header is not canonical JSON',
  HEADER_INVALID: 'The bundle header is not valid',
  HEADER_UNSUPPORTED_VERSION: 'The bundle format version is not supported',
  HEADER_BAG_MISMATCH: 'The bundle header disagrees with bag-info.txt',
  FILE_NAME_MISMATCH: 'The file name does not match the bundle header (it may understate the marking)',
  WRONG_RECIPIENT: 'The bundle is addressed to another installation',
  WRONG_DIRECTION: 'The bundle goes the other way (site to headquarters or back)',
  EXPIRED: 'The bundle has expired',
  LINE_TOO_LONG: 'A journal line is longer than the limit',
  ENTRY_NOT_CANONICAL: 'A journal entry is not canonical JSON',
  ENTRY_INVALID: 'A journal entry is not well formed',
  ENTRY_SITE_MISMATCH: 'A journal entry belongs to another site',
  ENTRY_OUT_OF_SEQUENCE: 'The journal entries are out of sequence',
  ENTRY_CHAIN_BROKEN: 'A journal entry does not chain from the one before it',
  ENTRY_HASH_MISMATCH: "A journal entry's hash does not match its content",
  HEADER_DATA_MISMATCH: 'The journal entries do not match the bundle header',
  PAYLOAD_CHANGED: 'The file changed on the medium while it was being read',
  SIGNER_REVOKED: "The signer's key has been revoked",
  FORK: 'The bundle gives another history for entries already held (a fork)',
  WRONG_SITE_RECORD: 'An entry changes a record that belongs to another site',
  ABOVE_SYSTEM_HIGH: "The bundle or a record in it is marked above this installation's system-high (spillage)",
  CLASSIFICATION_UNDERSTATED: 'A record is marked above the marking on the bundle',
  RECORD_INVALID: 'An entry does not hold a valid record',
  ACK_INVALID: 'The acknowledgement is malformed or names another site',
  ACK_MISMATCH: "The acknowledgement names a head this site's journal does not have",
};

const KNOWN = new Set<string>(BUNDLE_REJECT_REASONS);
const ALARMING = new Set<string>(['FORK', 'WRONG_SITE_RECORD', 'ABOVE_SYSTEM_HIGH', 'CLASSIFICATION_UNDERSTATED', 'ACK_MISMATCH']);
const IMPORT_REASONS = new Set<string>(IMPORT_REJECT_REASONS);

export function isRejectReason(value: unknown): value is BundleRejectReason {
  return typeof value === 'string' && KNOWN.has(value);
}

/** Reasons that raise a security alarm on import (docs/sync.md, "Rejections and alarms"). */
export function raisesAlarm(reason: BundleRejectReason): boolean {
  return ALARMING.has(reason);
}

/** Found against this installation's state (fork, spillage, ...) rather than in the file itself. */
export function isImportReason(reason: BundleRejectReason): boolean {
  return IMPORT_REASONS.has(reason);
}

export interface Rejection {
  reason: BundleRejectReason;
  /** The reason in words. */
  text: string;
  /** The core's message, naming the file, entry or line at fault. */
  message: string;
}

export function rejection(reason: BundleRejectReason, message: string): Rejection {
  // The core's error message repeats the code in front ("HASH_MISMATCH: ..."): shown once.
  const prefix = `${reason}: `;
  return { reason, text: REJECT_REASON_TEXT[reason], message: message.startsWith(prefix) ? message.slice(prefix.length) : message };
}

/** "Rejected: <words> (<CODE>). <message>" as one line, for summaries and toasts. */
export function rejectionSentence(r: Rejection): string {
  return `${r.text} (${r.reason}). ${r.message}`;
}
