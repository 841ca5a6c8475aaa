import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BAGIT_DECLARATION,
  type BagFile,
  type BagInfo,
  decodeManifestPath,
  encodeManifestPath,
  formatBagInfo,
  formatManifest,
  parseBagInfo,
  parseManifest,
  validateBag,
} from '../../../electron/node/sync/bagit.js';

const enc = (s: string) => new TextEncoder().encode(s);
const sha384 = (b: Uint8Array) => createHash('sha384').update(b).digest('hex');

const RULES = { tagManifestEntries: ['bagit.txt', 'bag-info.txt', 'bundle.json', 'manifest-sha384.txt'], unlistedTagFiles: ['tagmanifest-sha384.txt.p7s'] };

interface BagParts {
  payload: Record<string, string>;
  info?: Partial<BagInfo>;
  extraTags?: Record<string, string>;
  tagOverrides?: Record<string, string>;
  manifestText?: (text: string) => string;
}

/** A bag as the tar reader would report it: sizes and hashes of every file, bytes of the tag files. */
function bag(parts: BagParts) {
  const payload = Object.entries(parts.payload);
  const octets = payload.reduce((n, [, v]) => n + enc(v).byteLength, 0);
  const info: BagInfo = {
    sourceOrganization: 'Site A',
    baggingDate: '2026-11-23',
    payloadOxum: { octets, streams: payload.length },
    externalIdentifier: '01JDX0000000000000000000AA',
    classification: 'SECRET//NOFORN',
    ...parts.info,
  };
  let manifest = formatManifest(payload.map(([path, v]) => ({ path, sha384: sha384(enc(v)) })));
  if (parts.manifestText) manifest = parts.manifestText(manifest);
  const tags: Record<string, string> = {
    'bagit.txt': BAGIT_DECLARATION,
    'bag-info.txt': formatBagInfo(info),
    'bundle.json': '{"format":"x"}',
    'manifest-sha384.txt': manifest,
  };
  const tagManifest = formatManifest(Object.entries(tags).map(([path, v]) => ({ path, sha384: sha384(enc(v)) })));
  Object.assign(tags, { 'tagmanifest-sha384.txt': tagManifest, 'tagmanifest-sha384.txt.p7s': 'sig' }, parts.extraTags, parts.tagOverrides);
  const files = new Map<string, BagFile>();
  const tagBytes = new Map<string, Uint8Array>();
  for (const [name, text] of Object.entries(tags)) {
    files.set(name, { size: enc(text).byteLength, sha384: sha384(enc(text)) });
    tagBytes.set(name, enc(text));
  }
  for (const [name, text] of payload) files.set(name, { size: enc(text).byteLength, sha384: sha384(enc(text)) });
  return { files, tagBytes };
}

const GOOD = { payload: { 'data/journal.ndjson': '{"a":1}\n' } };

describe('validateBag', () => {
  it('accepts a complete bag and reads bag-info', () => {
    const verdict = validateBag(bag(GOOD), RULES);
    expect(verdict).toMatchObject({ ok: true, value: { info: { payloadOxum: { octets: 8, streams: 1 }, classification: 'SECRET//NOFORN' } } });
  });

  it('rejects a missing required file', () => {
    const b = bag(GOOD);
    b.files.delete('bagit.txt');
    expect(validateBag(b, RULES)).toMatchObject({ ok: false, rejection: { reason: 'BAG_FILE_MISSING', details: { file: 'bagit.txt' } } });
  });

  it('rejects another BagIt version or encoding', () => {
    const b = bag({ ...GOOD, tagOverrides: { 'bagit.txt': 'BagIt-Version: 0.97\nTag-File-Character-Encoding: UTF-8\n' } });
    expect(validateBag(b, RULES)).toMatchObject({ ok: false, rejection: { reason: 'BAG_DECLARATION_INVALID' } });
  });

  it('rejects a payload file not in the manifest', () => {
    const b = bag(GOOD);
    b.files.set('data/extra.txt', { size: 1, sha384: sha384(enc('x')) });
    expect(validateBag(b, RULES)).toMatchObject({ ok: false, rejection: { reason: 'UNLISTED_FILE', details: { file: 'data/extra.txt' } } });
  });

  it('rejects a listed payload file that is missing', () => {
    const b = bag(GOOD);
    b.files.delete('data/journal.ndjson');
    expect(validateBag(b, RULES)).toMatchObject({ ok: false, rejection: { reason: 'PAYLOAD_MISSING' } });
  });

  it('rejects a payload file whose hash differs', () => {
    const b = bag(GOOD);
    b.files.set('data/journal.ndjson', { size: 8, sha384: sha384(enc('{"a":2}\n')) });
    expect(validateBag(b, RULES)).toMatchObject({ ok: false, rejection: { reason: 'HASH_MISMATCH', details: { file: 'data/journal.ndjson' } } });
  });

  it('rejects a tag file whose hash differs from the tag manifest', () => {
    const b = bag(GOOD);
    b.files.set('bundle.json', { size: 2, sha384: sha384(enc('{}')) });
    expect(validateBag(b, RULES)).toMatchObject({ ok: false, rejection: { reason: 'HASH_MISMATCH', details: { file: 'bundle.json' } } });
  });

  it('rejects a Payload-Oxum that does not match', () => {
    const b = bag({ ...GOOD, info: { payloadOxum: { octets: 9, streams: 1 } } });
    expect(validateBag(b, RULES)).toMatchObject({ ok: false, rejection: { reason: 'PAYLOAD_OXUM_MISMATCH' } });
  });

  it('rejects a tag file not in the tag manifest, except the signature', () => {
    const b = bag({ ...GOOD, extraTags: { 'notes.txt': 'hi' } });
    expect(validateBag(b, RULES)).toMatchObject({ ok: false, rejection: { reason: 'UNLISTED_FILE', details: { file: 'notes.txt' } } });
  });

  it('rejects a tag manifest that leaves out a required tag file', () => {
    const b = bag(GOOD);
    const text = new TextDecoder().decode(b.tagBytes.get('tagmanifest-sha384.txt'));
    const without = enc(text.split('\n').filter((l) => !l.endsWith('bundle.json')).join('\n'));
    b.tagBytes.set('tagmanifest-sha384.txt', without);
    expect(validateBag(b, RULES)).toMatchObject({ ok: false, rejection: { reason: 'MANIFEST_INVALID', message: 'tagmanifest-sha384.txt does not list bundle.json' } });
  });

  it('rejects unsafe manifest paths', () => {
    const hash = sha384(enc('x'));
    for (const path of ['data/../x', '/data/x', 'data\\x', 'bagit.txt']) {
      const b = bag({ ...GOOD, manifestText: (t) => `${t}${hash}  ${path}\n` });
      expect(validateBag(b, RULES)).toMatchObject({ ok: false, rejection: { reason: 'MANIFEST_INVALID' } });
    }
  });
});

describe('manifests', () => {
  it('are written as sha384sum writes them, sorted by path', () => {
    const a = 'a'.repeat(96);
    const b = 'b'.repeat(96);
    expect(formatManifest([{ path: 'data/z', sha384: b }, { path: 'data/a', sha384: a }])).toBe(`${a}  data/a\n${b}  data/z\n`);
  });

  it('are parsed strictly', () => {
    const h = 'c'.repeat(96);
    expect(parseManifest(`${h}  data/a\n`, 'm', 'payload')).toMatchObject({ ok: true });
    for (const text of [`${h} data/a\n`, `${h}  data/a`, `${h.toUpperCase()}  data/a\n`, `${h}  data/a\r\n`, '', `${h}  data/a\n${h}  data/a\n`, `${h}  *data/a\n`]) {
      expect(parseManifest(text, 'm', 'payload')).toMatchObject({ ok: false, rejection: { reason: 'MANIFEST_INVALID' } });
    }
  });

  it('percent-encode CR, LF and % (RFC 8493 2.1.3) and decode them back', () => {
    expect(encodeManifestPath('data/a%b\r\n')).toBe('data/a%25b%0D%0A');
    expect(decodeManifestPath('data/a%25b%0d%0A')).toBe('data/a%b\r\n');
    expect(decodeManifestPath('data/a%41')).toBeNull();
    expect(decodeManifestPath('data/a%')).toBeNull();
    fc.assert(fc.property(fc.string(), (s) => decodeManifestPath(encodeManifestPath(s)) === s));
  });
});

describe('bag-info.txt', () => {
  const info: BagInfo = {
    sourceOrganization: 'Site A',
    baggingDate: '2026-11-23',
    payloadOxum: { octets: 10, streams: 1 },
    externalIdentifier: 'X',
    classification: 'UNCLASSIFIED',
  };

  it('round-trips', () => {
    expect(parseBagInfo(formatBagInfo(info))).toEqual({ ok: true, value: info });
  });

  it('refuses values that would break a line', () => {
    expect(() => formatBagInfo({ ...info, sourceOrganization: 'A\nPayload-Oxum: 1.1' })).toThrow(/one line/);
  });

  it('rejects unknown, repeated or missing labels and bad values', () => {
    const text = formatBagInfo(info);
    for (const bad of [
      `${text}Extra: 1\n`,
      `${text}Classification: SECRET\n`,
      text.replace(/Payload-Oxum: .*\n/, ''),
      text.replace('10.1', '10'),
      text.replace('2026-11-23', '23 Nov 2026'),
      text.slice(0, -1),
    ]) {
      expect(parseBagInfo(bad)).toMatchObject({ ok: false, rejection: { reason: 'BAG_INFO_INVALID' } });
    }
  });
});
