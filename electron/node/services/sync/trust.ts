// The trust store: which certificates this installation accepts bundles from, bound to one site
// each. Headquarters enrolls its sites; a site enrolls headquarters. Enrollment needs the
// fingerprint read out of band (phone, in person), so a swapped certificate file is caught; a
// revoked key is never trusted again. Every change is journalled.
import { X509Certificate } from 'node:crypto';
import { LedgerError } from '../../../common/result.js';
import type { TrustRecord, TrustRole } from '../../../common/sync/model.js';
import { findTrust, listTrust } from '../../../../db/queries/sync.js';
import type { HandlerContext } from '../../context.js';
import type { TrustedSigner } from '../../sync/bundleFile.js';
import { describeCertificate, pemToCertificateDer } from '../../sync/keys.js';
import { certificateInfo } from './identity.js';

export interface EnrollInput {
  certificatePem: string;
  siteId: string;
  role: TrustRole;
  /** Normalised hex, SHA-256 or SHA-384 of the SPKI. */
  expectedFingerprint: string;
}

const invalid = (path: string, message: string) => new LedgerError('INVALID_INPUT', `${path} ${message}`, { issues: [{ path: [path], message }] });

export function enroll(ctx: HandlerContext, input: EnrollInput): TrustRecord {
  const own = ctx.site;
  const expectedRole: TrustRole = own.siteRole === 'hq' ? 'site' : 'hq';
  if (input.role !== expectedRole) {
    throw invalid('role', own.siteRole === 'hq' ? 'must be site: headquarters enrolls the certificates of its sites' : "must be hq: a site enrolls headquarters' certificate");
  }
  if (input.siteId === own.siteId) throw invalid('siteId', 'is this installation: it does not enroll itself');
  let der: Uint8Array;
  let cert: X509Certificate;
  try {
    der = pemToCertificateDer(input.certificatePem);
    cert = new X509Certificate(der);
  } catch {
    throw invalid('certificatePem', 'is not a PEM certificate');
  }
  const key = cert.publicKey;
  if (key.asymmetricKeyType !== 'ec' || key.asymmetricKeyDetails?.namedCurve !== 'secp384r1') {
    throw invalid('certificatePem', 'must hold an ECDSA P-384 key (CNSA)');
  }
  const summary = describeCertificate(der);
  if (summary.commonName !== input.siteId) throw invalid('siteId', `does not match the certificate, which names ${summary.commonName ?? 'no site'}`);
  if (summary.notAfter.getTime() <= ctx.now().getTime()) throw invalid('certificatePem', `expired on ${summary.notAfter.toISOString()}`);

  const info = certificateInfo(der);
  const typed = input.expectedFingerprint;
  const matches = typed === summary.fingerprints.sha256Hex || typed === summary.fingerprints.sha384Hex;
  if (!matches) {
    // A mismatch may be a swapped file on the way: a security-relevant event.
    ctx.record('trust', info.keyId, 'enroll_refused', {
      siteId: input.siteId,
      role: input.role,
      presentedFingerprint: info.fingerprint,
      reason: 'fingerprint read out of band does not match the certificate',
      outcome: 'failure',
      securityRelevant: true,
    });
    throw invalid('expectedFingerprint', `does not match the certificate (its SHA-256 fingerprint is ${info.fingerprint}): do not enroll it; check where the file came from`);
  }
  const existing = findTrust(ctx.db, info.keyId);
  if (existing?.revokedAt) throw new LedgerError('CONFLICT', `this key was revoked on ${existing.revokedAt} (${existing.revokeReason ?? ''}) and is never trusted again`);
  if (existing) throw new LedgerError('CONFLICT', `this key is already enrolled for ${existing.siteId}`);

  const record: TrustRecord = {
    ...info,
    siteId: input.siteId,
    role: input.role,
    enrolledAt: ctx.nowIso(),
    enrolledBy: ctx.actor(),
    revokedAt: null,
    revokedBy: null,
    revokeReason: null,
  };
  ctx.record('trust', record.keyId, 'enroll', { record, securityRelevant: true });
  return record;
}

export function revoke(ctx: HandlerContext, target: { siteId?: string | undefined; fingerprint?: string | undefined }, reason: string): TrustRecord[] {
  const active = listTrust(ctx.db).filter((t) => t.revokedAt === null);
  const chosen =
    target.siteId !== undefined
      ? active.filter((t) => t.siteId === target.siteId)
      : active.filter((t) => t.keyId === target.fingerprint || t.fingerprintSha384.replace(/ /g, '').toLowerCase() === target.fingerprint);
  if (chosen.length === 0) {
    throw new LedgerError('NOT_FOUND', target.siteId !== undefined ? `no trusted certificate for ${target.siteId}` : 'no trusted certificate has that fingerprint');
  }
  return ctx.db
    .transaction(() =>
      chosen.map((t) => {
        const revoked: TrustRecord = { ...t, revokedAt: ctx.nowIso(), revokedBy: ctx.actor(), revokeReason: reason };
        ctx.record('trust', t.keyId, 'revoke', { record: revoked, reason, securityRelevant: true });
        return revoked;
      }),
    )
    .immediate();
}

export interface TrustSet {
  /** Every certificate ever enrolled for `role`, so a revoked signer is named as such. */
  signers: TrustedSigner[];
  revoked: Map<string, TrustRecord>;
  active: TrustRecord[];
}

export function trustSet(ctx: HandlerContext, role: TrustRole): TrustSet {
  const all = listTrust(ctx.db).filter((t) => t.role === role);
  return {
    signers: all.map((t) => ({ siteId: t.siteId, certificateDer: pemToCertificateDer(t.certificatePem) })),
    revoked: new Map(all.filter((t) => t.revokedAt !== null).map((t) => [t.keyId, t])),
    active: all.filter((t) => t.revokedAt === null),
  };
}
