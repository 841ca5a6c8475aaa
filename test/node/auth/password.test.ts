import { describe, expect, it } from 'vitest';
import { DEFAULT_ITERATIONS, hashPassword, verifyPassword } from '../../../electron/node/auth/password.js';

describe('password hashing (PBKDF2-HMAC-SHA-384)', () => {
  it('stores algorithm, iterations, a per-user salt and the hash', () => {
    const a = hashPassword('correct horse battery staple', 1000);
    const b = hashPassword('correct horse battery staple', 1000);
    expect(a).toMatch(/^pbkdf2-sha384\$1000\$[A-Za-z0-9+/=]{44}\$[A-Za-z0-9+/=]{64}$/);
    expect(a).not.toBe(b); // different salts
  });

  it('verifies the right password only', () => {
    const stored = hashPassword('correct horse battery staple', 1000);
    expect(verifyPassword('correct horse battery staple', stored, 1000)).toEqual({ ok: true, needsRehash: false });
    expect(verifyPassword('correct horse battery stapLe', stored, 1000).ok).toBe(false);
    expect(verifyPassword('', stored, 1000).ok).toBe(false);
  });

  it('treats composed and decomposed Unicode the same (NFC)', () => {
    const stored = hashPassword('Passwort mit Umlaut \u00fc', 1000);
    expect(verifyPassword('Passwort mit Umlaut u\u0308', stored, 1000).ok).toBe(true);
  });

  it('asks for a re-hash when the stored cost is below the current one', () => {
    const stored = hashPassword('correct horse battery staple', 1000);
    expect(verifyPassword('correct horse battery staple', stored, 2000)).toEqual({ ok: true, needsRehash: true });
  });

  it('refuses malformed stored values instead of throwing', () => {
    for (const bad of ['', 'plain', 'md5$1$a$b', 'pbkdf2-sha384$x$a$b', 'pbkdf2-sha384$0$a$b', 'pbkdf2-sha384$1000$AAAA$AAAA']) {
      expect(verifyPassword('x', bad, 1000)).toEqual({ ok: false, needsRehash: false });
    }
  });

  it('keeps a production cost of at least the OWASP floor for PBKDF2-SHA-384 class hashes', () => {
    expect(DEFAULT_ITERATIONS).toBeGreaterThanOrEqual(600_000);
  });
});
