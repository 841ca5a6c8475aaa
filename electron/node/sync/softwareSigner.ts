// The Signer backed by a software key (unsealed PKCS#8). A PKCS#11 token signer implements the
// same interface; nothing else in sync knows which one it has.
import { signDetached } from './cms.js';
import { subtle } from './cryptoEngine.js';
import { type Signer, spkiFingerprints } from './keys.js';
import { keyIdOf } from './sealedKey.js';

export async function createSoftwareSigner(pkcs8: Uint8Array, certificateDer: Uint8Array, clock: () => Date = () => new Date()): Promise<Signer> {
  if (keyIdOf(pkcs8) !== spkiFingerprints(certificateDer).sha256Hex) {
    throw new Error('the private key does not belong to the certificate');
  }
  const privateKey = await subtle.importKey('pkcs8', pkcs8, { name: 'ECDSA', namedCurve: 'P-384' }, false, ['sign']);
  const certificate = new Uint8Array(certificateDer);
  return {
    certificateDer: certificate,
    sign: (data: Uint8Array) => signDetached(data, privateKey, certificate, clock()),
  };
}
