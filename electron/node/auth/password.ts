import { pbkdf2Sync, randomBytes, timingSafeEqual } from 'node:crypto';

// PBKDF2-HMAC-SHA-384 (NIST SP 800-132), per-user random salt. The stored string carries its own
// parameters, so the iteration count can be raised later and old hashes still verify (and are
// re-hashed at the next successful sign-in).
//   pbkdf2-sha384$<iterations>$<salt base64>$<hash base64>

const ALGORITHM = 'pbkdf2-sha384';
const SALT_BYTES = 32;
const HASH_BYTES = 48;

/**
 * About half a second on the reference workstation (2 cores, Node 20: 1M iterations of
 * crypto.pbkdf2Sync took 0.34 s). Raise it as hardware gets faster; stored hashes keep their count.
 */
export const DEFAULT_ITERATIONS = 1_500_000;

export function hashPassword(password: string, iterations = DEFAULT_ITERATIONS): string {
  const salt = randomBytes(SALT_BYTES);
  const hash = pbkdf2Sync(password.normalize('NFC'), salt, iterations, HASH_BYTES, 'sha384');
  return [ALGORITHM, String(iterations), salt.toString('base64'), hash.toString('base64')].join('$');
}

export interface PasswordCheck {
  ok: boolean;
  /** The stored hash uses fewer iterations than `iterations`: re-hash after a successful check. */
  needsRehash: boolean;
}

export function verifyPassword(password: string, stored: string, iterations = DEFAULT_ITERATIONS): PasswordCheck {
  const parts = stored.split('$');
  if (parts.length !== 4 || parts[0] !== ALGORITHM) return { ok: false, needsRehash: false };
  const storedIterations = Number(parts[1]);
  if (!Number.isInteger(storedIterations) || storedIterations < 1) return { ok: false, needsRehash: false };
  const salt = Buffer.from(parts[2] ?? '', 'base64');
  const expected = Buffer.from(parts[3] ?? '', 'base64');
  if (expected.length !== HASH_BYTES) return { ok: false, needsRehash: false };
  const actual = pbkdf2Sync(password.normalize('NFC'), salt, storedIterations, HASH_BYTES, 'sha384');
  const ok = timingSafeEqual(actual, expected);
  return { ok, needsRehash: ok && storedIterations < iterations };
}
