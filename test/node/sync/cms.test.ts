import { webcrypto } from 'node:crypto';
import * as asn1js from 'asn1js';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { OID, signDetached, verifyDetached } from '../../../electron/node/sync/cms.js';
import { pkijs, toArrayBuffer, x509 } from '../../../electron/node/sync/cryptoEngine.js';
import { spkiFingerprints } from '../../../electron/node/sync/keys.js';

type Curve = 'P-256' | 'P-384';
type Hash = 'SHA-256' | 'SHA-384';

interface TestKey {
  keys: webcrypto.CryptoKeyPair;
  certificateDer: Uint8Array;
}

async function makeKey(curve: Curve, cn: string, keys?: webcrypto.CryptoKeyPair): Promise<TestKey> {
  const pair = keys ?? (await webcrypto.subtle.generateKey({ name: 'ECDSA', namedCurve: curve }, true, ['sign', 'verify']));
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    name: [{ CN: [cn] }],
    notBefore: new Date('2026-01-01T00:00:00Z'),
    notAfter: new Date('2036-01-01T00:00:00Z'),
    signingAlgorithm: { name: 'ECDSA', hash: curve === 'P-256' ? 'SHA-256' : 'SHA-384' },
    keys: pair,
  });
  return { keys: pair, certificateDer: new Uint8Array(cert.rawData) };
}

/** A SignedData as another tool might make it, with the knobs a downgrade would turn. */
async function signVariant(
  data: Uint8Array,
  key: TestKey,
  options: { hash?: Hash; attached?: boolean; extraCert?: Uint8Array; secondSigner?: boolean; unsigned?: boolean } = {},
): Promise<Uint8Array> {
  const hash = options.hash ?? 'SHA-384';
  const cert = pkijs.Certificate.fromBER(toArrayBuffer(key.certificateDer));
  const digest = await webcrypto.subtle.digest(hash, data);
  const signerInfo = () =>
    new pkijs.SignerInfo({
      version: 1,
      sid: new pkijs.IssuerAndSerialNumber({ issuer: cert.issuer, serialNumber: cert.serialNumber }),
      signedAttrs: new pkijs.SignedAndUnsignedAttributes({
        type: 0,
        attributes: [
          new pkijs.Attribute({ type: OID.contentType, values: [new asn1js.ObjectIdentifier({ value: OID.data })] }),
          new pkijs.Attribute({ type: OID.signingTime, values: [new asn1js.UTCTime({ valueDate: new Date('2026-11-23T12:00:00Z') })] }),
          new pkijs.Attribute({ type: OID.messageDigest, values: [new asn1js.OctetString({ valueHex: digest })] }),
        ],
      }),
      ...(options.unsigned
        ? { unsignedAttrs: new pkijs.SignedAndUnsignedAttributes({ type: 1, attributes: [new pkijs.Attribute({ type: '1.2.3.4', values: [new asn1js.Null()] })] }) }
        : {}),
    });
  const certificates = [cert];
  if (options.extraCert) certificates.push(pkijs.Certificate.fromBER(toArrayBuffer(options.extraCert)));
  const signedData = new pkijs.SignedData({
    version: 1,
    encapContentInfo: new pkijs.EncapsulatedContentInfo({
      eContentType: OID.data,
      ...(options.attached ? { eContent: new asn1js.OctetString({ valueHex: toArrayBuffer(data) }) } : {}),
    }),
    signerInfos: options.secondSigner ? [signerInfo(), signerInfo()] : [signerInfo()],
    certificates,
  });
  const privateKey = key.keys.privateKey;
  await signedData.sign(privateKey, 0, hash, toArrayBuffer(data));
  if (options.secondSigner) await signedData.sign(privateKey, 1, hash, toArrayBuffer(data));
  const contentInfo = new pkijs.ContentInfo({ contentType: OID.signedData, content: signedData.toSchema(true) });
  return new Uint8Array(contentInfo.toSchema().toBER(false));
}

const DATA = new TextEncoder().encode('tag manifest bytes\n');
let site: TestKey;
let other: TestKey;

beforeAll(async () => {
  site = await makeKey('P-384', 'SITE-A');
  other = await makeKey('P-384', 'SITE-B');
});

async function sign(data = DATA, key = site): Promise<Uint8Array> {
  return signDetached(data, key.keys.privateKey, key.certificateDer, new Date('2026-11-23T12:00:00Z'));
}

describe('signDetached / verifyDetached', () => {
  it('verifies a signature by a trusted certificate and names the signer', async () => {
    const verdict = await verifyDetached(DATA, await sign(), [other.certificateDer, site.certificateDer]);
    expect(verdict).toMatchObject({
      ok: true,
      value: { trustedIndex: 1, matchedBy: 'certificate', signer: { commonName: 'SITE-A' }, signingTime: new Date('2026-11-23T12:00:00Z') },
    });
  });

  it('writes DER: contentType, signingTime, messageDigest in DER order, one certificate, no content', async () => {
    const der = await sign();
    const info = pkijs.ContentInfo.fromBER(toArrayBuffer(der));
    const sd = new pkijs.SignedData({ schema: info.content });
    expect(sd.encapContentInfo.eContent).toBeUndefined();
    expect(sd.certificates).toHaveLength(1);
    expect(sd.signerInfos[0]?.signedAttrs?.attributes.map((a) => a.type)).toEqual([OID.contentType, OID.signingTime, OID.messageDigest]);
    expect(sd.signerInfos[0]?.signatureAlgorithm.algorithmId).toBe(OID.ecdsaWithSha384);
  });

  it('rejects changed content', async () => {
    const changed = new Uint8Array(DATA);
    changed[3] = (changed[3] as number) ^ 0x20;
    const verdict = await verifyDetached(changed, await sign(), [site.certificateDer]);
    expect(verdict).toMatchObject({ ok: false, rejection: { code: 'BUNDLE_REJECTED', reason: 'SIGNATURE_DIGEST_MISMATCH' } });
  });

  it('rejects a changed signature value', async () => {
    const der = await sign();
    der[der.length - 1] = (der[der.length - 1] as number) ^ 0x01;
    expect(await verifyDetached(DATA, der, [site.certificateDer])).toMatchObject({ ok: false, rejection: { reason: 'SIGNATURE_INVALID' } });
  });

  it('rejects a signer that is not trusted', async () => {
    expect(await verifyDetached(DATA, await sign(), [other.certificateDer])).toMatchObject({ ok: false, rejection: { reason: 'SIGNER_UNTRUSTED' } });
    expect(await verifyDetached(DATA, await sign(), [])).toMatchObject({ ok: false, rejection: { reason: 'SIGNER_UNTRUSTED' } });
  });

  it('accepts a re-issued certificate for a trusted key, naming the signer as the trusted certificate does', async () => {
    const reissued = await makeKey('P-384', 'SITE-A-RENEWED', site.keys);
    const verdict = await verifyDetached(DATA, await sign(DATA, reissued), [site.certificateDer]);
    expect(verdict).toMatchObject({ ok: true, value: { matchedBy: 'public-key', signer: { commonName: 'SITE-A' } } });
  });

  it('rejects an embedded certificate for the trusted key that the key did not sign (a swapped subject)', async () => {
    const forged = await x509.X509CertificateGenerator.create({
      subject: [{ CN: ['SITE-Z'] }],
      issuer: [{ CN: ['SITE-Z'] }],
      notBefore: new Date('2026-01-01T00:00:00Z'),
      notAfter: new Date('2036-01-01T00:00:00Z'),
      signingAlgorithm: { name: 'ECDSA', hash: 'SHA-384' },
      publicKey: site.keys.publicKey,
      signingKey: other.keys.privateKey,
    });
    const forgedDer = new Uint8Array(forged.rawData);
    expect(spkiFingerprints(forgedDer).sha256Hex).toBe(spkiFingerprints(site.certificateDer).sha256Hex);
    const signature = await signDetached(DATA, site.keys.privateKey, forgedDer);
    expect(await verifyDetached(DATA, signature, [site.certificateDer])).toMatchObject({ ok: false, rejection: { reason: 'SIGNER_UNTRUSTED' } });
  });
});

describe('no downgrade', () => {
  it('rejects a SHA-256 signature by a trusted P-384 key', async () => {
    const verdict = await verifyDetached(DATA, await signVariant(DATA, site, { hash: 'SHA-256' }), [site.certificateDer]);
    expect(verdict).toMatchObject({ ok: false, rejection: { reason: 'SIGNATURE_ALGORITHM' } });
  });

  it('rejects a P-256 signer, with SHA-256 or with SHA-384, even when trusted', async () => {
    const weak = await makeKey('P-256', 'SITE-A');
    for (const hash of ['SHA-256', 'SHA-384'] as const) {
      const verdict = await verifyDetached(DATA, await signVariant(DATA, weak, { hash }), [weak.certificateDer]);
      expect(verdict).toMatchObject({ ok: false, rejection: { reason: 'SIGNATURE_ALGORITHM' } });
    }
  });

  it('accepts the same profile made by another encoder (control for the cases above)', async () => {
    expect((await verifyDetached(DATA, await signVariant(DATA, site), [site.certificateDer])).ok).toBe(true);
  });
});

describe('only the one profile', () => {
  const cases: [string, Parameters<typeof signVariant>[2]][] = [
    ['content carried inside (not detached)', { attached: true }],
    ['two signers', { secondSigner: true }],
    ['unsigned attributes', { unsigned: true }],
  ];
  it.each(cases)('rejects %s', async (_name, options) => {
    const verdict = await verifyDetached(DATA, await signVariant(DATA, site, options), [site.certificateDer]);
    expect(verdict).toMatchObject({ ok: false, rejection: { reason: 'SIGNATURE_MALFORMED' } });
  });

  it('rejects a second embedded certificate', async () => {
    const verdict = await verifyDetached(DATA, await signVariant(DATA, site, { extraCert: other.certificateDer }), [site.certificateDer]);
    expect(verdict).toMatchObject({ ok: false, rejection: { reason: 'SIGNATURE_MALFORMED', message: expect.stringMatching(/exactly one embedded certificate/) as string } });
  });

  it('rejects bytes after the structure, and garbage', async () => {
    const der = await sign();
    const padded = new Uint8Array([...der, 0]);
    expect(await verifyDetached(DATA, padded, [site.certificateDer])).toMatchObject({ ok: false, rejection: { reason: 'SIGNATURE_MALFORMED' } });
    expect(await verifyDetached(DATA, new Uint8Array([1, 2, 3]), [site.certificateDer])).toMatchObject({ ok: false, rejection: { reason: 'SIGNATURE_MALFORMED' } });
    expect(await verifyDetached(DATA, new Uint8Array(0), [site.certificateDer])).toMatchObject({ ok: false, rejection: { reason: 'SIGNATURE_MALFORMED' } });
  });

  it('never throws, whatever the bytes (property)', async () => {
    const der = await sign();
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: der.length - 1 }), fc.integer({ min: 1, max: 255 }), async (index, mask) => {
        const flipped = new Uint8Array(der);
        flipped[index] = (flipped[index] as number) ^ mask;
        const verdict = await verifyDetached(DATA, flipped, [site.certificateDer]);
        expect(verdict.ok).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});
