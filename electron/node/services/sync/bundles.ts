// Opening a bundle for import: verify it against the trust store (revoked keys named as such),
// for this installation and direction; and the shapes every import path shares.
import { usLevelRank } from '../../../common/classification/index.js';
import type { ImportResult } from '../../../common/sync/model.js';
import { entryHashOfCanonical } from '../../../../db/journal/hash.js';
import type { HandlerContext } from '../../context.js';
import { type BundleHeader, type BundleRejection, BundleRejectedError, type VerifiedBundle, readAndVerifyBundle } from '../../sync/bundleFile.js';
import { rejection } from '../../sync/rejection.js';
import type { TrustSet } from './trust.js';
import { basename } from 'node:path';
import { ImportRejected } from './importRejected.js';

export interface OpenedBundle {
  path: string | null;
  fileName: string;
  header: BundleHeader;
  signerKeyId: string;
  verified: VerifiedBundle | null;
}

export type Opened = { ok: true; bundle: OpenedBundle } | { ok: false; rejection: BundleRejection };

/** Steps 1-5 of the verifier, then: the signer is not revoked, the marking is within system-high. */
export async function openBundle(ctx: HandlerContext, path: string, trust: TrustSet, options: { payloadHashWhileReading?: boolean } = {}): Promise<Opened> {
  const own = ctx.site;
  const verdict = await readAndVerifyBundle(path, {
    trusted: trust.signers,
    expect: { recipient: own.siteId, direction: own.siteRole === 'hq' ? 'site-to-hq' : 'hq-to-site' },
    now: ctx.now(),
    entryHash: entryHashOfCanonical,
    payloadHashWhileReading: options.payloadHashWhileReading,
  });
  if (!verdict.ok) return verdict;
  const { header, signer } = verdict.value;
  const keyId = signer.signer.fingerprints.sha256Hex;
  const revoked = trust.revoked.get(keyId);
  if (revoked) {
    return {
      ok: false,
      rejection: rejection('SIGNER_REVOKED', `the signer's key (${revoked.fingerprint}) for ${revoked.siteId} was revoked on ${revoked.revokedAt ?? '?'}: ${revoked.revokeReason ?? ''}`, {
        siteId: revoked.siteId,
        fingerprint: revoked.fingerprint,
      }),
    };
  }
  return { ok: true, bundle: { path, fileName: basename(path), header, signerKeyId: keyId, verified: verdict.value } };
}

/** A bundle marked above this installation's system-high must not be opened further. */
export function checkBundleLevel(ctx: HandlerContext, header: BundleHeader): BundleRejection | null {
  const level = header.classification.marking.level;
  if (usLevelRank(level) <= usLevelRank(ctx.site.systemHigh)) return null;
  return rejection('ABOVE_SYSTEM_HIGH', `the bundle is marked ${header.classification.banner}, above this installation's system-high (${ctx.site.systemHigh}): possible spillage`, {
    level,
    systemHigh: ctx.site.systemHigh,
  });
}

export function summarise(header: BundleHeader): NonNullable<ImportResult['bundle']> {
  return {
    bundleId: header.bundleId,
    direction: header.direction,
    siteId: header.siteId,
    recipient: header.recipient,
    firstSeq: header.firstSeq,
    lastSeq: header.lastSeq,
    entryCount: header.entryCount,
    previousHead: header.previousHead,
    head: header.head,
    counts: { ...header.counts },
    classification: header.classification.banner,
    level: header.classification.marking.level,
    createdAt: header.createdAt,
    expiresAt: header.expiresAt,
  };
}

export function result(bundle: OpenedBundle | null, path: string | null, patch: Partial<ImportResult> & Pick<ImportResult, 'outcome' | 'message'>): ImportResult {
  return {
    path,
    fileName: bundle?.fileName ?? (path === null ? null : basename(path)),
    bundle: bundle ? summarise(bundle.header) : null,
    applied: 0,
    skipped: 0,
    appliedByKind: {},
    waitingForSeq: null,
    fromHold: false,
    rejection: null,
    alarmId: null,
    acknowledged: null,
    ...patch,
  };
}

export function rejectedResult(bundle: OpenedBundle | null, path: string | null, why: BundleRejection, alarmId: string | null = null): ImportResult {
  return result(bundle, path, { outcome: 'rejected', message: why.message, rejection: why, alarmId });
}

/** The rejection a thrown error carries, or null for anything else (a bug: rethrow it). */
export function rejectionOf(error: unknown): BundleRejection | null {
  if (error instanceof BundleRejectedError || error instanceof ImportRejected) return error.rejection;
  return null;
}

