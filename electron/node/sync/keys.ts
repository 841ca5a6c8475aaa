// A site's signing identity: an ECDSA P-384 key pair and its X.509 certificate. Self-signed at
// setup; a certificate issued by a headquarters CA (or a key on a PKCS#11 token) replaces it
// without changing anything else, because the rest of sync only sees `Signer` and certificates.
import { X509Certificate, createHash, randomBytes } from 'node:crypto';
import { subtle, x509 } from './cryptoEngine.js';

export const IDENTITY_VALIDITY_YEARS = 10;

export interface SiteIdentity {
  /** DER of the X.509 certificate (what headquarters enrolls). */
  certificateDer: Uint8Array;
  /** DER of the PKCS#8 private key: seal it (sealedKey.ts) before it touches the disk. */
  privateKeyPkcs8: Uint8Array;
}

export interface GenerateIdentityOptions {
  siteId: string;
  siteName: string;
  now?: Date;
  validityYears?: number;
}

/** Something that makes detached CMS signatures: the software key today, a PKCS#11 token later. */
export interface Signer {
  readonly certificateDer: Uint8Array;
  /** Detached CMS SignedData (DER) over `data`: ECDSA P-384, SHA-384, signed attributes. */
  sign(data: Uint8Array): Promise<Uint8Array>;
}

const P384 = { name: 'ECDSA', namedCurve: 'P-384' } as const;

export async function generateSiteIdentity(options: GenerateIdentityOptions): Promise<SiteIdentity> {
  const keys = await subtle.generateKey(P384, true, ['sign', 'verify']);
  const notBefore = new Date(Math.floor((options.now ?? new Date()).getTime() / 1000) * 1000);
  const notAfter = new Date(notBefore);
  notAfter.setUTCFullYear(notAfter.getUTCFullYear() + (options.validityYears ?? IDENTITY_VALIDITY_YEARS));
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: randomSerial(),
    name: [{ CN: [options.siteId] }, { O: [options.siteName] }],
    notBefore,
    notAfter,
    signingAlgorithm: { name: 'ECDSA', hash: 'SHA-384' },
    keys: keys as never, // DOM CryptoKeyPair in the typings, node's webcrypto pair at run time
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  const pkcs8 = await subtle.exportKey('pkcs8', keys.privateKey);
  return { certificateDer: new Uint8Array(cert.rawData), privateKeyPkcs8: new Uint8Array(pkcs8) };
}

/** 128 random bits, positive and without a leading zero byte (RFC 5280: at most 20 octets). */
function randomSerial(): string {
  const bytes = randomBytes(16);
  bytes[0] = ((bytes[0] ?? 0) & 0x7f) | 0x40;
  return bytes.toString('hex');
}

export interface CertificateSummary {
  subject: string;
  commonName: string | null;
  organization: string | null;
  serialNumber: string;
  notBefore: Date;
  notAfter: Date;
  fingerprints: Fingerprints;
}

export interface Fingerprints {
  /** SHA-256 of the SubjectPublicKeyInfo DER, lower-case hex (for matching). */
  sha256Hex: string;
  sha384Hex: string;
  /** The same, upper-case in groups of four, for reading aloud and comparing out of band. */
  sha256: string;
  sha384: string;
}

export function spkiDer(certificateDer: Uint8Array): Uint8Array {
  const cert = new X509Certificate(certificateDer);
  return new Uint8Array(cert.publicKey.export({ type: 'spki', format: 'der' }));
}

export function spkiFingerprints(certificateDer: Uint8Array): Fingerprints {
  const spki = spkiDer(certificateDer);
  const sha256Hex = createHash('sha256').update(spki).digest('hex');
  const sha384Hex = createHash('sha384').update(spki).digest('hex');
  return { sha256Hex, sha384Hex, sha256: formatFingerprint(sha256Hex), sha384: formatFingerprint(sha384Hex) };
}

/** `ab12cd34...` -> `AB12 CD34 ...` */
export function formatFingerprint(hex: string): string {
  return (hex.toUpperCase().match(/.{1,4}/g) ?? []).join(' ');
}

export function describeCertificate(certificateDer: Uint8Array): CertificateSummary {
  const cert = new X509Certificate(certificateDer);
  const names = new x509.X509Certificate(certificateDer).subjectName;
  return {
    subject: names.toString(),
    commonName: names.getField('CN')[0] ?? null,
    organization: names.getField('O')[0] ?? null,
    serialNumber: cert.serialNumber.toLowerCase(),
    notBefore: new Date(cert.validFrom),
    notAfter: new Date(cert.validTo),
    fingerprints: spkiFingerprints(certificateDer),
  };
}

export function certificateToPem(certificateDer: Uint8Array): string {
  const b64 = Buffer.from(certificateDer).toString('base64');
  return `-----BEGIN CERTIFICATE-----\n${(b64.match(/.{1,64}/g) ?? []).join('\n')}\n-----END CERTIFICATE-----\n`;
}

/** The first certificate of a PEM text, as DER; throws if there is none or it does not parse. */
export function pemToCertificateDer(pem: string): Uint8Array {
  const match = /-----BEGIN CERTIFICATE-----([A-Za-z0-9+/=\s]+)-----END CERTIFICATE-----/.exec(pem);
  if (!match?.[1]) throw new Error('no PEM certificate found');
  const der = new Uint8Array(Buffer.from(match[1].replace(/\s+/g, ''), 'base64'));
  new X509Certificate(der); // throws on garbage
  return der;
}
