import { X509Certificate, createCipheriv, pbkdf2Sync, randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../electron/common/canonicalJson.js';
import { toArrayBuffer, x509 } from '../../../electron/node/sync/cryptoEngine.js';
import {
  type SiteIdentity,
  certificateToPem,
  describeCertificate,
  formatFingerprint,
  generateSiteIdentity,
  pemToCertificateDer,
  spkiFingerprints,
} from '../../../electron/node/sync/keys.js';
import {
  DEFAULT_PBKDF2_ITERATIONS,
  SealedKeyError,
  keyIdOf,
  sealPrivateKey,
  unsealPrivateKey,
} from '../../../electron/node/sync/sealedKey.js';
import { createSoftwareSigner } from '../../../electron/node/sync/softwareSigner.js';

// Small PBKDF2 counts keep the tests fast; the production default is asserted separately.
const FAST = { iterations: 1000 };
const FAST_OPEN = { minIterations: 1000 };
const PASSPHRASE = 'correct horse battery staple, 2026';

let identity: SiteIdentity;

beforeAll(async () => {
  identity = await generateSiteIdentity({ siteId: 'SITE-A', siteName: 'Forward Site Alpha, Bldg 4', now: new Date('2026-11-23T10:00:00.500Z') });
});

describe('generateSiteIdentity', () => {
  it('makes a self-signed P-384 certificate naming the site, for signing only, valid ten years', () => {
    const cert = new X509Certificate(identity.certificateDer);
    expect(cert.publicKey.asymmetricKeyDetails?.namedCurve).toBe('secp384r1');
    expect(cert.verify(cert.publicKey)).toBe(true);
    expect(cert.issuer).toBe(cert.subject);
    expect(new Date(cert.validFrom).toISOString()).toBe('2026-11-23T10:00:00.000Z');
    expect(new Date(cert.validTo).toISOString()).toBe('2036-11-23T10:00:00.000Z');
    const parsed = new x509.X509Certificate(toArrayBuffer(identity.certificateDer));
    expect(parsed.signatureAlgorithm).toMatchObject({ name: 'ECDSA', hash: { name: 'SHA-384' } });
    expect(parsed.subjectName.getField('CN')).toEqual(['SITE-A']);
    expect(parsed.subjectName.getField('O')).toEqual(['Forward Site Alpha, Bldg 4']);
    const usage = parsed.getExtension(x509.KeyUsagesExtension);
    expect(usage?.usages).toBe(x509.KeyUsageFlags.digitalSignature);
    expect(usage?.critical).toBe(true);
    expect(parsed.getExtension(x509.BasicConstraintsExtension)?.ca).toBe(false);
  });

  it('gives each certificate a random positive 128-bit serial', async () => {
    const other = await generateSiteIdentity({ siteId: 'SITE-A', siteName: 'Forward Site Alpha' });
    const a = describeCertificate(identity.certificateDer).serialNumber;
    const b = describeCertificate(other.certificateDer).serialNumber;
    expect(a).toMatch(/^[4-7][0-9a-f]{31}$/);
    expect(a).not.toBe(b);
  });

  it('describes the certificate by its subject fields', () => {
    const summary = describeCertificate(identity.certificateDer);
    expect(summary.commonName).toBe('SITE-A');
    expect(summary.organization).toBe('Forward Site Alpha, Bldg 4');
  });
});

describe('fingerprints', () => {
  it('are hashes of the public key, stable across calls and certificates for the same key', () => {
    const a = spkiFingerprints(identity.certificateDer);
    expect(spkiFingerprints(identity.certificateDer)).toEqual(a);
    expect(a.sha256Hex).toMatch(/^[0-9a-f]{64}$/);
    expect(a.sha384Hex).toMatch(/^[0-9a-f]{96}$/);
    expect(a.sha256Hex).toBe(keyIdOf(identity.privateKeyPkcs8));
    // The PEM round trip keeps the bytes, so the fingerprint read aloud is the same.
    expect(spkiFingerprints(pemToCertificateDer(certificateToPem(identity.certificateDer)))).toEqual(a);
  });

  it('are formatted upper case in groups of four for reading aloud', () => {
    expect(formatFingerprint('ab12cd34ef56')).toBe('AB12 CD34 EF56');
    const { sha256, sha384 } = spkiFingerprints(identity.certificateDer);
    expect(sha256).toMatch(/^([0-9A-F]{4} ){15}[0-9A-F]{4}$/);
    expect(sha384).toMatch(/^([0-9A-F]{4} ){23}[0-9A-F]{4}$/);
  });

  it('refuses a PEM without a certificate', () => {
    expect(() => pemToCertificateDer('hello')).toThrow(/no PEM certificate/);
  });
});

describe('sealed private key', () => {
  it('keeps 600,000 PBKDF2 iterations as the production default', () => {
    expect(DEFAULT_PBKDF2_ITERATIONS).toBe(600_000);
  });

  it('round-trips, as canonical JSON naming the key and its parameters', async () => {
    const sealed = await sealPrivateKey(identity.privateKeyPkcs8, PASSPHRASE, FAST);
    const parsed = JSON.parse(sealed) as Record<string, unknown>;
    expect(canonicalJson(parsed)).toBe(sealed);
    expect(parsed).toMatchObject({
      format: 'enclave-ledger-sealed-key',
      version: 1,
      keyId: spkiFingerprints(identity.certificateDer).sha256Hex,
      kdf: { name: 'PBKDF2', hash: 'SHA-384', iterations: 1000 },
      cipher: { name: 'AES-256-GCM' },
    });
    expect(sealed).not.toContain(Buffer.from(identity.privateKeyPkcs8).toString('base64').slice(0, 40));
    const opened = await unsealPrivateKey(sealed, PASSPHRASE, FAST_OPEN);
    expect(Buffer.from(opened).equals(Buffer.from(identity.privateKeyPkcs8))).toBe(true);
  });

  it('uses a fresh salt and IV each time', async () => {
    const a = JSON.parse(await sealPrivateKey(identity.privateKeyPkcs8, PASSPHRASE, FAST)) as { kdf: { salt: string }; cipher: { iv: string } };
    const b = JSON.parse(await sealPrivateKey(identity.privateKeyPkcs8, PASSPHRASE, FAST)) as { kdf: { salt: string }; cipher: { iv: string } };
    expect(a.kdf.salt).not.toBe(b.kdf.salt);
    expect(a.cipher.iv).not.toBe(b.cipher.iv);
  });

  it('normalises the passphrase (NFC), so composed and decomposed accents open the same key', async () => {
    const sealed = await sealPrivateKey(identity.privateKeyPkcs8, 'caf\u00e9 au lait, sans sucre', FAST);
    await expect(unsealPrivateKey(sealed, 'cafe\u0301 au lait, sans sucre', FAST_OPEN)).resolves.toBeInstanceOf(Uint8Array);
  });

  it('refuses a wrong passphrase with a clear error', async () => {
    const sealed = await sealPrivateKey(identity.privateKeyPkcs8, PASSPHRASE, FAST);
    await expect(unsealPrivateKey(sealed, `${PASSPHRASE}!`, FAST_OPEN)).rejects.toMatchObject({
      name: 'SealedKeyError',
      code: 'WRONG_PASSPHRASE_OR_TAMPERED',
      message: 'the passphrase is wrong, or the sealed key file has been altered',
    });
  });

  it('refuses a file sealed with fewer iterations than required (downgrade)', async () => {
    const sealed = await sealPrivateKey(identity.privateKeyPkcs8, PASSPHRASE, FAST);
    await expect(unsealPrivateKey(sealed, PASSPHRASE)).rejects.toMatchObject({ code: 'WEAK_PARAMETERS' });
  });

  describe('refuses every tampered field', () => {
    type SealedShape = {
      keyId: string;
      kdf: { iterations: number; salt: string };
      cipher: { iv: string; tag: string };
      ciphertext: string;
    } & Record<string, unknown>;
    let base: SiteIdentity;
    let sealed: string;
    let original: SealedShape;
    let otherKeyId: string;

    beforeAll(async () => {
      base = await generateSiteIdentity({ siteId: 'SITE-T', siteName: 'Tamper' });
      sealed = await sealPrivateKey(base.privateKeyPkcs8, PASSPHRASE, FAST);
      original = JSON.parse(sealed) as SealedShape;
      otherKeyId = keyIdOf(identity.privateKeyPkcs8);
    });

    const flipB64 = (s: string) => {
      const bytes = Buffer.from(s, 'base64');
      bytes[bytes.length - 1] = (bytes[bytes.length - 1] as number) ^ 0x01;
      return bytes.toString('base64');
    };
    const cases: [string, (o: SealedShape) => void, string][] = [
      ['format', (o) => (o.format = 'something-else'), 'UNSUPPORTED'],
      ['version', (o) => (o.version = 2), 'UNSUPPORTED'],
      ['keyId', (o) => (o.keyId = otherKeyId), 'WRONG_PASSPHRASE_OR_TAMPERED'],
      ['kdf.iterations', (o) => (o.kdf.iterations = 1001), 'WRONG_PASSPHRASE_OR_TAMPERED'],
      ['kdf.salt', (o) => (o.kdf.salt = flipB64(o.kdf.salt)), 'WRONG_PASSPHRASE_OR_TAMPERED'],
      ['kdf.hash', (o) => ((o.kdf as Record<string, unknown>).hash = 'SHA-256'), 'MALFORMED'],
      ['cipher.name', (o) => ((o.cipher as Record<string, unknown>).name = 'AES-128-GCM'), 'MALFORMED'],
      ['cipher.iv', (o) => (o.cipher.iv = flipB64(o.cipher.iv)), 'WRONG_PASSPHRASE_OR_TAMPERED'],
      ['cipher.tag', (o) => (o.cipher.tag = flipB64(o.cipher.tag)), 'WRONG_PASSPHRASE_OR_TAMPERED'],
      ['ciphertext', (o) => (o.ciphertext = flipB64(o.ciphertext)), 'WRONG_PASSPHRASE_OR_TAMPERED'],
      ['ciphertext truncated', (o) => (o.ciphertext = Buffer.from(o.ciphertext, 'base64').subarray(1).toString('base64')), 'WRONG_PASSPHRASE_OR_TAMPERED'],
      ['an added field', (o) => (o.extra = 1), 'MALFORMED'],
      ['a removed field', (o) => delete (o as Partial<SealedShape>).keyId, 'MALFORMED'],
    ];
    it.each(cases)('%s', async (_name, edit, code) => {
      const copy = structuredClone(original);
      edit(copy);
      await expect(unsealPrivateKey(canonicalJson(copy), PASSPHRASE, FAST_OPEN)).rejects.toMatchObject({ code });
    });

    it('a byte of the file that makes it non-canonical JSON', async () => {
      await expect(unsealPrivateKey(`${sealed} `, PASSPHRASE, FAST_OPEN)).rejects.toMatchObject({ code: 'MALFORMED' });
      await expect(unsealPrivateKey(sealed.replace('{"cipher"', '{ "cipher"'), PASSPHRASE, FAST_OPEN)).rejects.toMatchObject({ code: 'MALFORMED' });
      const error = await unsealPrivateKey('not json', PASSPHRASE, FAST_OPEN).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SealedKeyError);
    });

    it('a file whose content is another key than the one it names', async () => {
      // Made by hand (as another tool might): authentic under the passphrase, but the wrong key inside.
      const salt = randomBytes(16);
      const iv = randomBytes(12);
      const header = {
        format: 'enclave-ledger-sealed-key',
        version: 1,
        keyId: otherKeyId,
        kdf: { name: 'PBKDF2', hash: 'SHA-384', iterations: 1000, salt: salt.toString('base64') },
        cipher: { name: 'AES-256-GCM', iv: iv.toString('base64') },
      };
      const key = pbkdf2Sync(PASSPHRASE, salt, 1000, 32, 'sha384');
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(Buffer.from(canonicalJson(header)));
      const ciphertext = Buffer.concat([cipher.update(base.privateKeyPkcs8), cipher.final()]);
      const file = canonicalJson({
        ...header,
        cipher: { ...header.cipher, tag: cipher.getAuthTag().toString('base64') },
        ciphertext: ciphertext.toString('base64'),
      });
      await expect(unsealPrivateKey(file, PASSPHRASE, FAST_OPEN)).rejects.toMatchObject({ code: 'KEY_ID_MISMATCH' });
    });
  });
});

describe('software signer', () => {
  it('refuses a key that does not belong to the certificate', async () => {
    const other = await generateSiteIdentity({ siteId: 'SITE-B', siteName: 'Other' });
    await expect(createSoftwareSigner(other.privateKeyPkcs8, identity.certificateDer)).rejects.toThrow(/does not belong/);
  });

  it('signs with the unsealed key and carries its certificate', async () => {
    const sealed = await sealPrivateKey(identity.privateKeyPkcs8, PASSPHRASE, FAST);
    const signer = await createSoftwareSigner(await unsealPrivateKey(sealed, PASSPHRASE, FAST_OPEN), identity.certificateDer);
    expect(Buffer.from(signer.certificateDer).equals(Buffer.from(identity.certificateDer))).toBe(true);
    const signature = await signer.sign(new TextEncoder().encode('data'));
    expect(signature[0]).toBe(0x30);
  });
});
