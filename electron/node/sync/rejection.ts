// Why a bundle was refused: one closed set of reasons for every check of docs/bundle-format.md,
// so the import screen, the CLI and the tests can switch on them exhaustively. A rejection is a
// plain object (it crosses IPC as a Result error); BundleRejectedError carries one through code
// that can only throw (async iterators, stream callbacks) and is unwrapped at the boundary.

// The list lives in electron/common so the renderer and the contract can name the reasons too; it
// adds the importer's reasons (chain, ownership, system-high) after the verifier's.
import { BUNDLE_REJECT_REASONS, type BundleRejectReason } from '../../common/sync/reasons.js';

export { BUNDLE_REJECT_REASONS };
export type { BundleRejectReason };

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
