// This installation's signing identity: a P-384 key pair and a self-signed certificate, the
// private key sealed under a passphrase (AES-256-GCM, PBKDF2-HMAC-SHA-384) and kept in the
// database beside, never inside, the journal. A certificate issued by a headquarters CA or a
// key on a PKCS#11 token would replace this behind the same `Signer`.
import { LedgerError } from '../../../common/result.js';
import type { CertificateInfo, IdentityRecord } from '../../../common/sync/model.js';
import { readIdentity, storeSealedKey } from '../../../../db/queries/sync.js';
import type { HandlerContext } from '../../context.js';
import { type Signer, certificateToPem, describeCertificate, generateSiteIdentity, pemToCertificateDer } from '../../sync/keys.js';
import { DEFAULT_PBKDF2_ITERATIONS, SealedKeyError, sealPrivateKey, unsealPrivateKey } from '../../sync/sealedKey.js';
import { createSoftwareSigner } from '../../sync/softwareSigner.js';

export function certificateInfo(certificateDer: Uint8Array): CertificateInfo {
  const summary = describeCertificate(certificateDer);
  return {
    keyId: summary.fingerprints.sha256Hex,
    fingerprint: summary.fingerprints.sha256,
    fingerprintSha384: summary.fingerprints.sha384,
    subject: summary.subject,
    notBefore: summary.notBefore.toISOString(),
    notAfter: summary.notAfter.toISOString(),
    certificatePem: certificateToPem(certificateDer),
  };
}

export function getIdentity(ctx: HandlerContext): IdentityRecord | null {
  return readIdentity(ctx.db)?.record ?? null;
}

export async function createIdentity(ctx: HandlerContext, passphrase: string): Promise<IdentityRecord> {
  if (readIdentity(ctx.db)) {
    throw new LedgerError('CONFLICT', 'this installation already has a signing identity (replacing it is not supported yet: the trust stores that pinned it would refuse the new key)');
  }
  const identity = await generateSiteIdentity({ siteId: ctx.site.siteId, siteName: ctx.site.siteName, now: ctx.now() });
  // PBKDF2 runs before the write transaction so it never holds the database lock.
  const sealed = await sealPrivateKey(identity.privateKeyPkcs8, passphrase, { iterations: ctx.options.keyIterations ?? DEFAULT_PBKDF2_ITERATIONS });
  identity.privateKeyPkcs8.fill(0);
  const record: IdentityRecord = { ...certificateInfo(identity.certificateDer), siteId: ctx.site.siteId, createdAt: ctx.nowIso(), createdBy: ctx.actor() };
  ctx.record('identity', record.keyId, 'create', { record, securityRelevant: true }, () => storeSealedKey(ctx.db, sealed));
  return record;
}

/** The signer for one export: unseals the key with the passphrase; a wrong one is audited. */
export async function unlockSigner(ctx: HandlerContext, passphrase: string): Promise<Signer> {
  const stored = readIdentity(ctx.db);
  if (!stored?.sealedKey) {
    throw new LedgerError('CONFLICT', 'this installation has no signing identity yet: an administrator creates it (sync.createIdentity)');
  }
  let pkcs8: Uint8Array;
  try {
    pkcs8 = await unsealPrivateKey(stored.sealedKey, passphrase, { minIterations: ctx.options.keyIterations ?? DEFAULT_PBKDF2_ITERATIONS });
  } catch (error) {
    if (error instanceof SealedKeyError && error.code === 'WRONG_PASSPHRASE_OR_TAMPERED') {
      ctx.record('identity', stored.record.keyId, 'unseal_failed', { outcome: 'failure', reason: 'wrong passphrase', securityRelevant: true });
      throw new LedgerError('INVALID_INPUT', 'the passphrase does not open the signing key', { issues: [{ path: ['passphrase'], message: 'is not the passphrase of the signing key' }] });
    }
    if (error instanceof SealedKeyError) throw new LedgerError('CONFLICT', `the stored signing key cannot be used: ${error.message}`);
    throw error;
  }
  try {
    return await createSoftwareSigner(pkcs8, pemToCertificateDer(stored.record.certificatePem), () => ctx.now());
  } finally {
    pkcs8.fill(0);
  }
}
