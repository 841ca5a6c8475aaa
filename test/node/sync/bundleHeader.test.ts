import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../electron/common/canonicalJson.js';
import { UNCLASSIFIED, US_LEVELS } from '../../../electron/common/classification/index.js';
import { GENESIS_HASH } from '../../../electron/common/journal.js';
import {
  type BundleHeader,
  bundleFileName,
  fileNameFor,
  levelToken,
  parseBundleFileName,
  parseHeader,
  serializeHeader,
} from '../../../electron/node/sync/bundleHeader.js';

const HEAD = 'a'.repeat(96);

function header(overrides: Partial<BundleHeader> = {}): BundleHeader {
  return {
    format: 'enclave-ledger-bundle',
    formatVersion: 1,
    bundleId: '01JDX0000000000000000000AA',
    direction: 'site-to-hq',
    siteId: 'SITE-A',
    recipient: 'HQ',
    firstSeq: 1,
    lastSeq: 3,
    previousHead: GENESIS_HASH,
    head: HEAD,
    entryCount: 3,
    counts: { receipt: 2, visit: 1 },
    classification: { banner: 'SECRET', marking: { ...UNCLASSIFIED, level: 'SECRET' } },
    schemaVersion: 2,
    appVersion: '0.1.0',
    createdAt: '2026-11-23T12:00:00.000Z',
    expiresAt: null,
    ...overrides,
  };
}

describe('bundle.json', () => {
  it('round-trips through canonical JSON', () => {
    const text = serializeHeader(header());
    expect(parseHeader(text)).toEqual({ ok: true, value: header() });
  });

  it('rejects text that is not canonical', () => {
    const text = serializeHeader(header());
    expect(parseHeader(` ${text}`)).toMatchObject({ ok: false, rejection: { reason: 'HEADER_NOT_CANONICAL' } });
    expect(parseHeader(JSON.stringify(header(), null, 2))).toMatchObject({ ok: false, rejection: { reason: 'HEADER_NOT_CANONICAL' } });
  });

  it('rejects nesting beyond its depth limit before validating', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 20; i++) deep = { d: deep };
    expect(parseHeader(canonicalJson({ ...header(), counts: deep }))).toMatchObject({ ok: false, rejection: { reason: 'HEADER_NOT_CANONICAL' } });
  });

  it('rejects another format version as unsupported', () => {
    const text = canonicalJson({ ...header(), formatVersion: 2 });
    expect(parseHeader(text)).toMatchObject({ ok: false, rejection: { reason: 'HEADER_UNSUPPORTED_VERSION' } });
  });

  it('rejects fields left to defaults', () => {
    const { marking } = header().classification;
    const { cui: _cui, ...withoutCui } = marking;
    const text = canonicalJson({ ...header(), classification: { banner: 'SECRET', marking: withoutCui } });
    expect(parseHeader(text)).toMatchObject({ ok: false, rejection: { reason: 'HEADER_INVALID', message: 'bundle.json leaves fields to their defaults' } });
  });

  const invalid: [string, Partial<BundleHeader> | Record<string, unknown>][] = [
    ['an unknown field', { extra: true }],
    ['a bundle id that is not a ULID', { bundleId: 'bundle-1' }],
    ['an unknown direction', { direction: 'sideways' }],
    ['a seq range that does not match the count', { lastSeq: 4 }],
    ['counts that do not add up', { counts: { receipt: 1, visit: 1 } }],
    ['an unknown kind', { counts: { receipt: 2, spaceship: 1 } }],
    ['a zero count listed', { counts: { receipt: 2, visit: 1, user: 0 } }],
    ['a recipient that is the sender', { recipient: 'SITE-A' }],
    ['an expiry on a site bundle', { expiresAt: '2026-12-01T00:00:00.000Z' }],
    ['a headquarters bundle without expiry', { direction: 'hq-to-site' }],
    ['a headquarters bundle that expires before it was made', { direction: 'hq-to-site', expiresAt: '2026-11-01T00:00:00.000Z' }],
    ['an empty bundle whose head moved', { firstSeq: 4, lastSeq: 3, entryCount: 0, counts: {}, previousHead: HEAD, head: 'b'.repeat(96) }],
    ['a bad hash', { head: 'A'.repeat(96) }],
    ['an impossible marking', { classification: { banner: 'X', marking: { ...UNCLASSIFIED, level: 'SECRET', noforn: true, relTo: ['GBR'] } } }],
  ];
  it.each(invalid)('rejects %s', (_name, overrides) => {
    const text = canonicalJson({ ...header(), ...overrides });
    expect(parseHeader(text)).toMatchObject({ ok: false, rejection: { reason: 'HEADER_INVALID' } });
  });

  it('accepts an empty bundle that continues from its head, and a headquarters bundle with expiry', () => {
    const empty = header({ firstSeq: 4, lastSeq: 3, entryCount: 0, counts: {}, previousHead: HEAD, head: HEAD });
    expect(parseHeader(serializeHeader(empty)).ok).toBe(true);
    const hq = header({ direction: 'hq-to-site', siteId: 'HQ', recipient: 'SITE-A', expiresAt: '2026-12-23T12:00:00.000Z' });
    expect(parseHeader(serializeHeader(hq)).ok).toBe(true);
  });
});

describe('bundle file names', () => {
  it('carry site, seq range and level as a file-system-safe token', () => {
    expect(fileNameFor(header())).toBe('SITE-A_1-3_SECRET.ledger.tar');
    expect(US_LEVELS.map(levelToken)).toEqual(['UNCLASSIFIED', 'CONFIDENTIAL', 'SECRET', 'TOP-SECRET']);
    expect(parseBundleFileName('HQ-1_10-250_TOP-SECRET.ledger.tar')).toEqual({ siteId: 'HQ-1', firstSeq: 10, lastSeq: 250, level: 'TOP SECRET' });
  });

  it('parse back what they build (property)', () => {
    const siteId = fc.stringMatching(/^[A-Z0-9][A-Z0-9-]{1,31}$/);
    const seq = fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER });
    fc.assert(
      fc.property(siteId, seq, seq, fc.constantFrom(...US_LEVELS), (id, firstSeq, lastSeq, level) => {
        const name = { siteId: id, firstSeq, lastSeq, level };
        expect(parseBundleFileName(bundleFileName(name))).toEqual(name);
      }),
    );
  });

  it('are not recognised with other spellings', () => {
    for (const name of [
      'SITE-A_1-3_SECRET.tar',
      'site-a_1-3_SECRET.ledger.tar',
      'SITE-A_01-3_SECRET.ledger.tar',
      'SITE-A_1-3_TOP SECRET.ledger.tar',
      'SITE-A_1-3_RESTRICTED.ledger.tar',
      'SITE-A_1-3_SECRET.ledger.tar.gz',
      '../SITE-A_1-3_SECRET.ledger.tar',
    ]) {
      expect(parseBundleFileName(name)).toBeNull();
    }
  });
});
