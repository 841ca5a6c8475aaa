import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { APP_VERSION } from '../../../electron/common/version.js';
import { ulid } from '../../../electron/node/ids.js';

describe('version and identifiers', () => {
  it('APP_VERSION matches package.json', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(APP_VERSION).toBe(pkg.version);
  });

  it('ULIDs encode the time first (sortable) and are unique', () => {
    expect(ulid(new Date(0))).toMatch(/^0000000000[0-9A-HJKMNP-TV-Z]{16}$/);
    // Spec example: 1469918176385 ms -> 01ARYZ6S41
    expect(ulid(new Date(1469918176385)).slice(0, 10)).toBe('01ARYZ6S41');
    const ids = new Set(Array.from({ length: 1000 }, () => ulid(new Date(1_700_000_000_000))));
    expect(ids.size).toBe(1000);
    expect(ulid(new Date(1_700_000_000_001)) > ulid(new Date(1_700_000_000_000))).toBe(true);
  });
});
