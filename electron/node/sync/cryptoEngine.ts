// pkijs and @peculiar/x509 both run on WebCrypto; in Node (and Electron's main process, which
// runs on BoringSSL) that is node:crypto's webcrypto. Import this module before using either.
import 'reflect-metadata';
import { webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';
import * as pkijs from 'pkijs';

// Both libraries' typings name the DOM's Crypto, which a Node-only tsconfig does not have;
// node's webcrypto is that API under another type, hence the casts.
pkijs.setEngine('node', new pkijs.CryptoEngine({ name: 'node', crypto: webcrypto as never }));
x509.cryptoProvider.set(webcrypto as never);

export const subtle = webcrypto.subtle;
export type WebCryptoKey = webcrypto.CryptoKey;

export { pkijs, x509 };

/** ArrayBuffer holding exactly `bytes` (pkijs and asn1js take ArrayBuffers, not views). */
export function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  const copy = new ArrayBuffer(bytes.byteLength);
  new Uint8Array(copy).set(bytes);
  return copy;
}
