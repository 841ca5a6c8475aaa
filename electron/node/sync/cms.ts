// Detached CMS SignedData (RFC 5652) over a byte string: exactly one profile is made and exactly
// one is accepted (ECDSA P-384, SHA-384, signed attributes, one embedded certificate). Anything
// else is refused before any digest is computed, so no field can steer verification to a weaker
// algorithm. pkijs does the ASN.1 and the signature check; Node checks the key and certificate.
import { X509Certificate, createHash } from 'node:crypto';
import * as asn1js from 'asn1js';
import { type WebCryptoKey, pkijs, toArrayBuffer } from './cryptoEngine.js';
import { type CertificateSummary, describeCertificate, formatFingerprint, spkiFingerprints } from './keys.js';
import { type BundleRejectReason, type Verdict, rejection } from './rejection.js';

export const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  sha384: '2.16.840.1.101.3.4.2.2',
  ecdsaWithSha384: '1.2.840.10045.4.3.3',
} as const;

const SHA384_BYTES = 48;

export async function signDetached(
  data: Uint8Array,
  privateKey: WebCryptoKey,
  certificateDer: Uint8Array,
  signingTime: Date = new Date(),
): Promise<Uint8Array> {
  const cert = pkijs.Certificate.fromBER(toArrayBuffer(certificateDer));
  const digest = createHash('sha384').update(data).digest();
  const signedData = new pkijs.SignedData({
    version: 1,
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: OID.data }),
    signerInfos: [
      new pkijs.SignerInfo({
        version: 1,
        sid: new pkijs.IssuerAndSerialNumber({ issuer: cert.issuer, serialNumber: cert.serialNumber }),
        // In DER order (a SET OF sorts by encoding): contentType, signingTime, messageDigest.
        signedAttrs: new pkijs.SignedAndUnsignedAttributes({
          type: 0,
          attributes: [
            new pkijs.Attribute({ type: OID.contentType, values: [new asn1js.ObjectIdentifier({ value: OID.data })] }),
            new pkijs.Attribute({ type: OID.signingTime, values: [timeValue(signingTime)] }),
            new pkijs.Attribute({ type: OID.messageDigest, values: [new asn1js.OctetString({ valueHex: toArrayBuffer(digest) })] }),
          ],
        }),
      }),
    ],
    certificates: [cert],
  });
  await signedData.sign(privateKey, 0, 'SHA-384', toArrayBuffer(data));
  const contentInfo = new pkijs.ContentInfo({ contentType: OID.signedData, content: signedData.toSchema(true) });
  return new Uint8Array(contentInfo.toSchema().toBER(false));
}

/** RFC 5652 11.3: UTCTime through 2049, GeneralizedTime from 2050. */
function timeValue(date: Date): asn1js.UTCTime | asn1js.GeneralizedTime {
  const whole = new Date(Math.floor(date.getTime() / 1000) * 1000);
  return whole.getUTCFullYear() < 2050 ? new asn1js.UTCTime({ valueDate: whole }) : new asn1js.GeneralizedTime({ valueDate: whole });
}

export interface VerifiedSignature {
  /** Index into the trusted list of the certificate that vouched for the signer. */
  trustedIndex: number;
  /** 'certificate': the embedded certificate is byte-identical to a trusted one; 'public-key':
   *  same key, another certificate for it (re-issued), whose own signature verifies under that key. */
  matchedBy: 'certificate' | 'public-key';
  /** Identity as the *trusted* certificate states it, never the embedded one. */
  signer: CertificateSummary;
  /** The signer's own claim, covered by the signature; not a trusted timestamp. */
  signingTime: Date;
}

type CmsVerdict = Verdict<VerifiedSignature>;

function refuse<T = VerifiedSignature>(reason: BundleRejectReason, message: string): Verdict<T> {
  return { ok: false, rejection: rejection(reason, message, { file: 'signature' }) };
}

/**
 * Verify `signatureDer` as a detached signature over `data` by one of `trusted` (certificate
 * DERs). Never throws: every failure is a rejection with a reason.
 */
export async function verifyDetached(data: Uint8Array, signatureDer: Uint8Array, trusted: readonly Uint8Array[]): Promise<CmsVerdict> {
  try {
    return await verifyOrRefuse(data, signatureDer, trusted);
  } catch (error) {
    // Whatever the libraries throw on hostile input is a malformed signature, never a crash.
    return refuse('SIGNATURE_MALFORMED', `the signature could not be read: ${errorText(error)}`);
  }
}

async function verifyOrRefuse(data: Uint8Array, signatureDer: Uint8Array, trusted: readonly Uint8Array[]): Promise<CmsVerdict> {
  let contentInfo: pkijs.ContentInfo;
  let signedData: pkijs.SignedData;
  try {
    const asn1 = asn1js.fromBER(toArrayBuffer(signatureDer));
    if (asn1.offset === -1) return refuse('SIGNATURE_MALFORMED', `not ASN.1: ${asn1.result.error}`);
    if (asn1.offset !== signatureDer.byteLength) return refuse('SIGNATURE_MALFORMED', 'bytes after the end of the CMS structure');
    contentInfo = new pkijs.ContentInfo({ schema: asn1.result });
    if (contentInfo.contentType !== OID.signedData) return refuse('SIGNATURE_MALFORMED', `content type ${contentInfo.contentType} is not SignedData`);
    signedData = new pkijs.SignedData({ schema: contentInfo.content });
    // DER is one encoding: anything pkijs would write differently (BER lengths, stray bytes
    // in unchecked fields) is refused, so no byte of the file is outside the checks below.
    if (!sameBytes(new Uint8Array(contentInfo.toSchema().toBER(false)), signatureDer)) {
      return refuse('SIGNATURE_MALFORMED', 'CMS structure is not in DER form');
    }
  } catch (error) {
    return refuse('SIGNATURE_MALFORMED', `not a CMS SignedData: ${errorText(error)}`);
  }

  const profile = checkProfile(signedData);
  if (profile) return profile;
  const signerInfo = signedData.signerInfos[0] as pkijs.SignerInfo;
  const certificate = signedData.certificates?.[0] as pkijs.Certificate;
  const embeddedDer = new Uint8Array(certificate.toSchema().toBER(false));

  const signerKey = checkSignerKey(embeddedDer);
  if (!signerKey.ok) return signerKey;

  const attrs = readSignedAttributes(signerInfo);
  if (!attrs.ok) return attrs;
  const digest = createHash('sha384').update(data).digest();
  if (!sameBytes(digest, attrs.value.messageDigest)) {
    return refuse('SIGNATURE_DIGEST_MISMATCH', 'the signed message digest does not match the signed file');
  }

  try {
    const result = await signedData.verify({ signer: 0, data: toArrayBuffer(data), checkChain: false, extendedMode: true });
    if (result.signatureVerified !== true) return refuse('SIGNATURE_INVALID', 'the signature does not verify');
  } catch (error) {
    if (error instanceof pkijs.SignedDataVerifyError) {
      if (/digest/i.test(error.message)) return refuse('SIGNATURE_DIGEST_MISMATCH', error.message);
      return refuse('SIGNATURE_INVALID', `the signature does not verify: ${error.message}`);
    }
    return refuse('SIGNATURE_INVALID', `the signature does not verify: ${errorText(error)}`);
  }

  const trust = matchTrusted(embeddedDer, signerKey.value, trusted);
  if (!trust) return refuse('SIGNER_UNTRUSTED', `signer ${formatFingerprint(signerKey.value)} is not a trusted certificate`);
  const trustedDer = trusted[trust.index] as Uint8Array;
  return {
    ok: true,
    value: { trustedIndex: trust.index, matchedBy: trust.matchedBy, signer: describeCertificate(trustedDer), signingTime: attrs.value.signingTime },
  };
}

function checkProfile(sd: pkijs.SignedData): CmsVerdict | null {
  if (sd.version !== 1) return refuse('SIGNATURE_MALFORMED', `SignedData version ${sd.version}, expected 1`);
  if (sd.encapContentInfo.eContentType !== OID.data) return refuse('SIGNATURE_MALFORMED', 'encapsulated content type is not id-data');
  if (sd.encapContentInfo.eContent !== undefined) return refuse('SIGNATURE_MALFORMED', 'signature is not detached (it carries content)');
  if (sd.digestAlgorithms.length !== 1 || !isSha384(sd.digestAlgorithms[0])) {
    return refuse('SIGNATURE_ALGORITHM', `digest algorithms ${sd.digestAlgorithms.map((a) => a.algorithmId).join(', ')}: only SHA-384 is accepted`);
  }
  const certs = sd.certificates ?? [];
  if (certs.length !== 1 || !(certs[0] instanceof pkijs.Certificate)) {
    return refuse('SIGNATURE_MALFORMED', `expected exactly one embedded certificate, found ${certs.length}`);
  }
  if (sd.crls !== undefined) return refuse('SIGNATURE_MALFORMED', 'revocation data in a bundle signature is not accepted');
  if (sd.signerInfos.length !== 1) return refuse('SIGNATURE_MALFORMED', `expected exactly one signer, found ${sd.signerInfos.length}`);
  const si = sd.signerInfos[0] as pkijs.SignerInfo;
  if (si.version !== 1 || !(si.sid instanceof pkijs.IssuerAndSerialNumber)) {
    return refuse('SIGNATURE_MALFORMED', 'signer must be identified by issuer and serial number (SignerInfo version 1)');
  }
  // Byte for byte, not by name-matching rules: the signer id is not signed, and a looser match
  // would let its bytes (say a string type) change without anything noticing.
  const sidIssuer = new Uint8Array(si.sid.issuer.toSchema().toBER(false));
  const certIssuer = new Uint8Array(certs[0].issuer.toSchema().toBER(false));
  if (!sameBytes(sidIssuer, certIssuer) || !si.sid.serialNumber.isEqual(certs[0].serialNumber)) {
    return refuse('SIGNATURE_MALFORMED', 'the embedded certificate is not the signer named in the signature');
  }
  if (!isSha384(si.digestAlgorithm)) return refuse('SIGNATURE_ALGORITHM', `digest algorithm ${si.digestAlgorithm.algorithmId}: only SHA-384 is accepted`);
  if (si.signatureAlgorithm.algorithmId !== OID.ecdsaWithSha384 || si.signatureAlgorithm.algorithmParams !== undefined) {
    return refuse('SIGNATURE_ALGORITHM', `signature algorithm ${si.signatureAlgorithm.algorithmId}: only ecdsa-with-SHA384 is accepted`);
  }
  if (si.unsignedAttrs !== undefined) return refuse('SIGNATURE_MALFORMED', 'unsigned attributes are not accepted');
  if (!isDerEcdsaSignature(si.signature.valueBlock.valueHexView)) {
    return refuse('SIGNATURE_MALFORMED', 'the signature value is not a DER ECDSA-Sig-Value');
  }
  return null;
}

/**
 * The signature value sits in an OCTET STRING, outside the DER check of the whole structure;
 * a lenient parse would accept other encodings of the same (r, s). Require the one DER form.
 */
function isDerEcdsaSignature(bytes: Uint8Array): boolean {
  const asn1 = asn1js.fromBER(toArrayBuffer(bytes));
  if (asn1.offset !== bytes.byteLength || !(asn1.result instanceof asn1js.Sequence)) return false;
  const parts = asn1.result.valueBlock.value;
  if (parts.length !== 2 || !parts.every((part) => part instanceof asn1js.Integer)) return false;
  return sameBytes(new Uint8Array(asn1.result.toBER(false)), bytes);
}

/** SHA-384 with parameters absent or NULL (RFC 5754 allows both). */
function isSha384(alg: pkijs.AlgorithmIdentifier | undefined): boolean {
  if (!alg || alg.algorithmId !== OID.sha384) return false;
  const params: unknown = alg.algorithmParams;
  return params === undefined || params instanceof asn1js.Null;
}

/** The embedded certificate must parse and hold a P-384 key; returns that key's SPKI SHA-256. */
function checkSignerKey(certificateDer: Uint8Array): Verdict<string> {
  let key;
  try {
    key = new X509Certificate(certificateDer).publicKey;
  } catch (error) {
    return refuse('SIGNATURE_MALFORMED', `embedded certificate does not parse: ${errorText(error)}`);
  }
  const curve = key.asymmetricKeyDetails?.namedCurve;
  if (key.asymmetricKeyType !== 'ec' || curve !== 'secp384r1') {
    return refuse('SIGNATURE_ALGORITHM', `signer key is ${key.asymmetricKeyType ?? 'unknown'}${curve ? ` ${curve}` : ''}: only ECDSA P-384 is accepted`);
  }
  return { ok: true, value: spkiFingerprints(certificateDer).sha256Hex };
}

interface SignedAttributes {
  messageDigest: Uint8Array;
  signingTime: Date;
}

function readSignedAttributes(si: pkijs.SignerInfo): Verdict<SignedAttributes> {
  const attributes = si.signedAttrs?.attributes;
  if (!attributes) return refuse<SignedAttributes>('SIGNATURE_MALFORMED', 'signed attributes are required');
  const byType = new Map<string, unknown>();
  for (const attr of attributes) {
    if (byType.has(attr.type)) return refuse('SIGNATURE_MALFORMED', `signed attribute ${attr.type} appears twice`);
    if (attr.values.length !== 1) return refuse('SIGNATURE_MALFORMED', `signed attribute ${attr.type} must have one value`);
    byType.set(attr.type, attr.values[0]);
  }
  const expected = [OID.contentType, OID.messageDigest, OID.signingTime] as string[];
  if (byType.size !== expected.length || !expected.every((t) => byType.has(t))) {
    return refuse('SIGNATURE_MALFORMED', `signed attributes must be exactly contentType, messageDigest and signingTime`);
  }
  const contentType = byType.get(OID.contentType);
  if (!(contentType instanceof asn1js.ObjectIdentifier) || contentType.getValue() !== OID.data) {
    return refuse('SIGNATURE_MALFORMED', 'signed contentType is not id-data');
  }
  const digest = byType.get(OID.messageDigest);
  if (!(digest instanceof asn1js.OctetString) || digest.valueBlock.valueHexView.byteLength !== SHA384_BYTES) {
    return refuse('SIGNATURE_MALFORMED', 'signed messageDigest is not a SHA-384 value');
  }
  const time = byType.get(OID.signingTime);
  if (!(time instanceof asn1js.UTCTime) && !(time instanceof asn1js.GeneralizedTime)) {
    return refuse('SIGNATURE_MALFORMED', 'signed signingTime is not a time');
  }
  return { ok: true, value: { messageDigest: new Uint8Array(digest.valueBlock.valueHexView), signingTime: time.toDate() } };
}

function matchTrusted(
  embeddedDer: Uint8Array,
  embeddedKey: string,
  trusted: readonly Uint8Array[],
): { index: number; matchedBy: 'certificate' | 'public-key' } | null {
  const exact = trusted.findIndex((der) => sameBytes(der, embeddedDer));
  if (exact !== -1) return { index: exact, matchedBy: 'certificate' };
  const index = trusted.findIndex((der) => {
    try {
      return spkiFingerprints(der).sha256Hex === embeddedKey;
    } catch {
      return false;
    }
  });
  if (index === -1) return null;
  // Same key, other certificate: accept it only if that certificate is signed by the trusted key,
  // so no byte of it (subject, validity) can have been altered on the way.
  try {
    const embedded = new X509Certificate(embeddedDer);
    return embedded.verify(embedded.publicKey) ? { index, matchedBy: 'public-key' } : null;
  } catch {
    return null;
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.byteLength === b.byteLength && Buffer.compare(Buffer.from(a.buffer, a.byteOffset, a.byteLength), Buffer.from(b.buffer, b.byteOffset, b.byteLength)) === 0;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
