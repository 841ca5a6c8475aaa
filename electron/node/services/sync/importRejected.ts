// A rejection found after the verifier passed a bundle (chain, ownership, record checks): thrown
// through the import, turned into a result at its boundary. Kept apart from bundles.ts so the
// verify worker can throw it without loading the verifier's signature code.
import { type BundleRejection, rejection } from '../../sync/rejection.js';

/** Reasons that are security events, not just a bad file: they raise an alarm. */
export const ALARM_REASONS: ReadonlySet<BundleRejection['reason']> = new Set(['FORK', 'WRONG_SITE_RECORD', 'ABOVE_SYSTEM_HIGH', 'CLASSIFICATION_UNDERSTATED', 'ACK_MISMATCH']);

/** A rejection found after verification (chain, ownership, marking); `alarm` when it is a security event. */
export class ImportRejected extends Error {
  constructor(readonly rejection: BundleRejection) {
    super(`${rejection.reason}: ${rejection.message}`);
    this.name = 'ImportRejected';
  }

  get alarm(): boolean {
    return ALARM_REASONS.has(this.rejection.reason);
  }
}

export function rejectImport(reason: BundleRejection['reason'], message: string, details: Record<string, unknown> = {}): never {
  throw new ImportRejected(rejection(reason, message, details));
}
