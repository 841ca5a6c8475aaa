// The private key at rest: PKCS#8 DER encrypted with AES-256-GCM under a key derived from the
// operator's passphrase with PBKDF2-HMAC-SHA-384, stored as one canonical-JSON object.
// Not encrypted PKCS#8: Electron's BoringSSL cannot read it. Every field but the ciphertext and
// tag is bound as additional authenticated data, so a changed byte anywhere fails to open.
import { createCipheriv, createDecipheriv, createHash, createPrivateKey, createPublicKey, pbkdf2, randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { z } from 'zod';
import { CanonicalJsonError, canonicalJson, parseCanonicalJson } from '../../common/canonicalJson.js';

const pbkdf2Async = promisify(pbkdf2);

export const SEALED_KEY_FORMAT = 'enclave-ledger-sealed-key';
export const SEALED_KEY_VERSION = 1;
/** OWASP 2023 guidance for PBKDF2-HMAC-SHA-384-class hashes; tests pass a smaller count. */
export const DEFAULT_PBKDF2_ITERATIONS = 600_000;
/** Refuse to spend unbounded CPU on a file that asks for absurd work. */
const MAX_PBKDF2_ITERATIONS = 10_000_000;

export type SealedKeyErrorCode = 'MALFORMED' | 'UNSUPPORTED' | 'WEAK_PARAMETERS' | 'WRONG_PASSPHRASE_OR_TAMPERED' | 'KEY_ID_MISMATCH';

export class SealedKeyError extends Error {
  readonly code: SealedKeyErrorCode;

  constructor(code: SealedKeyErrorCode, message: string) {
    super(message);
    this.name = 'SealedKeyError';
    this.code = code;
  }
}

const b64 = (bytes: number) => z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/).refine((s) => Buffer.from(s, 'base64').byteLength === bytes, `must be ${bytes} bytes`);

const sealedKeySchema = z.strictObject({
  format: z.literal(SEALED_KEY_FORMAT),
  version: z.literal(SEALED_KEY_VERSION),
  /** Names the key (SPKI SHA-256 hex of its public key); checked again after opening. */
  keyId: z.string().regex(/^[0-9a-f]{64}$/),
  kdf: z.strictObject({
    name: z.literal('PBKDF2'),
    hash: z.literal('SHA-384'),
    iterations: z.number().int().min(1).max(MAX_PBKDF2_ITERATIONS),
    salt: b64(16),
  }),
  cipher: z.strictObject({ name: z.literal('AES-256-GCM'), iv: b64(12), tag: b64(16) }),
  ciphertext: z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/),
});
export type SealedKey = z.infer<typeof sealedKeySchema>;

export interface SealOptions {
  iterations?: number;
}

/** The key's name: SHA-256 hex of its SubjectPublicKeyInfo, the same as the certificate's fingerprint. */
export function keyIdOf(pkcs8: Uint8Array): string {
  const privateKey = createPrivateKey({ key: Buffer.from(pkcs8), format: 'der', type: 'pkcs8' });
  const spki = createPublicKey(privateKey).export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(spki).digest('hex');
}

export async function sealPrivateKey(pkcs8: Uint8Array, passphrase: string, options: SealOptions = {}): Promise<string> {
  const iterations = options.iterations ?? DEFAULT_PBKDF2_ITERATIONS;
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const header = {
    format: SEALED_KEY_FORMAT,
    version: SEALED_KEY_VERSION,
    keyId: keyIdOf(pkcs8),
    kdf: { name: 'PBKDF2', hash: 'SHA-384', iterations, salt: salt.toString('base64') },
    cipher: { name: 'AES-256-GCM', iv: iv.toString('base64') },
  } as const;
  const cipher = createCipheriv('aes-256-gcm', await deriveKey(passphrase, salt, iterations), iv);
  cipher.setAAD(additionalData(header));
  const ciphertext = Buffer.concat([cipher.update(pkcs8), cipher.final()]);
  const sealed: SealedKey = {
    ...header,
    cipher: { ...header.cipher, tag: cipher.getAuthTag().toString('base64') },
    ciphertext: ciphertext.toString('base64'),
  };
  return canonicalJson(sealedKeySchema.parse(sealed));
}

export interface UnsealOptions {
  /** Refuse files sealed with fewer iterations (a downgraded file); tests lower it. */
  minIterations?: number;
}

export async function unsealPrivateKey(text: string, passphrase: string, options: UnsealOptions = {}): Promise<Uint8Array> {
  const sealed = parseSealed(text);
  const minIterations = options.minIterations ?? DEFAULT_PBKDF2_ITERATIONS;
  if (sealed.kdf.iterations < minIterations) {
    throw new SealedKeyError('WEAK_PARAMETERS', `sealed with ${sealed.kdf.iterations} PBKDF2 iterations, fewer than the ${minIterations} required`);
  }
  const { tag, ...cipherHeader } = sealed.cipher;
  const header = { format: sealed.format, version: sealed.version, keyId: sealed.keyId, kdf: sealed.kdf, cipher: cipherHeader };
  const key = await deriveKey(passphrase, Buffer.from(sealed.kdf.salt, 'base64'), sealed.kdf.iterations);
  let pkcs8: Uint8Array;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.cipher.iv, 'base64'), { authTagLength: 16 });
    decipher.setAAD(additionalData(header));
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    pkcs8 = new Uint8Array(Buffer.concat([decipher.update(Buffer.from(sealed.ciphertext, 'base64')), decipher.final()]));
  } catch {
    throw new SealedKeyError('WRONG_PASSPHRASE_OR_TAMPERED', 'the passphrase is wrong, or the sealed key file has been altered');
  }
  let keyId: string;
  try {
    keyId = keyIdOf(pkcs8);
  } catch {
    throw new SealedKeyError('KEY_ID_MISMATCH', 'the sealed content is not a private key');
  }
  if (keyId !== sealed.keyId) throw new SealedKeyError('KEY_ID_MISMATCH', 'the sealed key is not the key its file names');
  return pkcs8;
}

/** AAD: the canonical JSON of every field except the tag and the ciphertext. */
function additionalData(header: Omit<SealedKey, 'ciphertext' | 'cipher'> & { cipher: Omit<SealedKey['cipher'], 'tag'> }): Buffer {
  return Buffer.from(canonicalJson(header), 'utf8');
}

function parseSealed(text: string): SealedKey {
  let raw: unknown;
  try {
    raw = parseCanonicalJson(text, 4);
  } catch (error) {
    throw new SealedKeyError('MALFORMED', `sealed key file is not canonical JSON: ${error instanceof CanonicalJsonError ? error.message : String(error)}`);
  }
  const format = (raw as { format?: unknown; version?: unknown } | null)?.format;
  const version = (raw as { version?: unknown } | null)?.version;
  if (format !== SEALED_KEY_FORMAT || version !== SEALED_KEY_VERSION) {
    throw new SealedKeyError('UNSUPPORTED', `not a version ${SEALED_KEY_VERSION} sealed key file`);
  }
  const parsed = sealedKeySchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new SealedKeyError('MALFORMED', `sealed key file: ${issue ? `${issue.path.join('.')} ${issue.message}` : 'invalid'}`);
  }
  // Base64 has more than one spelling of the same bytes (unused trailing bits): require the one we write.
  for (const value of [parsed.data.kdf.salt, parsed.data.cipher.iv, parsed.data.cipher.tag, parsed.data.ciphertext]) {
    if (Buffer.from(value, 'base64').toString('base64') !== value) throw new SealedKeyError('MALFORMED', 'sealed key file has non-canonical base64');
  }
  return parsed.data;
}

async function deriveKey(passphrase: string, salt: Uint8Array, iterations: number): Promise<Buffer> {
  // NFC so the same passphrase typed on another keyboard layout or OS derives the same key.
  return pbkdf2Async(Buffer.from(passphrase.normalize('NFC'), 'utf8'), salt, iterations, 32, 'sha384');
}
