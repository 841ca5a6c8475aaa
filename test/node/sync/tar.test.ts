import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import * as tar from 'tar-stream';
import { describe, expect, it } from 'vitest';
import { type TarLimits, readTar } from '../../../electron/node/sync/tarReader.js';
import { unsafeNameReason } from '../../../electron/node/sync/tarNames.js';
import { type PayloadSink, writeTarAtomically, writeTarPayloadFirst } from '../../../electron/node/sync/tarWriter.js';
import { tempDir } from './support.js';

const dir = tempDir('ledger-tar-');
let counter = 0;

const LIMITS: TarLimits = { maxTotalBytes: 1024 * 1024, maxEntries: 10, maxEntryBytes: 64 * 1024 };

type EntrySpec = { header: Partial<tar.Header> & { name: string }; content?: string };

/** Build an archive with tar-stream's packer, which lets a test write any header it likes. */
async function pack(entries: EntrySpec[]): Promise<Buffer> {
  const p = tar.pack();
  const chunks: Buffer[] = [];
  p.on('data', (chunk) => void chunks.push(chunk as Buffer));
  const done = new Promise<void>((resolve) => p.on('end', () => resolve()));
  for (const { header, content } of entries) {
    await new Promise<void>((resolve, reject) => {
      const cb = (error?: Error | null) => (error ? reject(error) : resolve());
      if (content === undefined) p.entry({ mtime: new Date(0), ...header }, cb).end(undefined);
      else p.entry({ mtime: new Date(0), ...header }, Buffer.from(content), cb);
    });
  }
  p.finalize();
  await done;
  return Buffer.concat(chunks);
}

function save(bytes: Uint8Array): string {
  const path = join(dir, `archive-${++counter}.tar`);
  writeFileSync(path, bytes);
  return path;
}

async function read(bytes: Uint8Array, limits: TarLimits = LIMITS) {
  const seen: { name: string; content: string }[] = [];
  const verdict = await readTar(save(bytes), limits, (entry) => {
    const parts: Uint8Array[] = [];
    return {
      update: (chunk) => void parts.push(chunk),
      end: () => void seen.push({ name: entry.name, content: Buffer.concat(parts).toString('utf8') }),
    };
  });
  return { verdict, seen };
}

async function rejectionOf(bytes: Uint8Array, limits: TarLimits = LIMITS) {
  const { verdict, seen } = await read(bytes, limits);
  if (verdict.ok) throw new Error('expected a rejection');
  return { ...verdict.rejection, seen: seen.map((s) => s.name) };
}

const file = (name: string, content = 'x'): EntrySpec => ({ header: { name, type: 'file' }, content });

/** An archive made by GNU tar itself, in the format asked for. */
function gnuTar(format: string, names: string[]): Buffer {
  const src = join(dir, `src-${++counter}`);
  mkdirSync(src);
  for (const name of names) writeFileSync(join(src, name), 'content');
  return execFileSync('tar', [`--format=${format}`, '-cf', '-', '-C', src, ...names]);
}

describe('readTar accepts', () => {
  it('plain files, in order, with their bytes', async () => {
    const { verdict, seen } = await read(await pack([file('a.txt', 'hello'), file('data/b.txt', 'world'), file('empty.txt', '')]));
    expect(verdict).toMatchObject({ ok: true, value: [{ name: 'a.txt', size: 5, offset: 0 }, { name: 'data/b.txt', size: 5, offset: 1024 }, { name: 'empty.txt', size: 0 }] });
    expect(seen).toEqual([
      { name: 'a.txt', content: 'hello' },
      { name: 'data/b.txt', content: 'world' },
      { name: 'empty.txt', content: '' },
    ]);
  });

  it('a ustar archive made by GNU tar', async () => {
    const { verdict } = await read(gnuTar('ustar', ['one.txt', 'two.txt']));
    expect(verdict.ok).toBe(true);
  });
});

describe('readTar rejects, naming the entry', () => {
  const cases: [string, EntrySpec[], string, RegExp][] = [
    ['an absolute path', [file('/etc/passwd')], 'UNSAFE_PATH', /"\/etc\/passwd": absolute path/],
    ['a ".." segment', [file('../x')], 'UNSAFE_PATH', /"\.\.\/x": name contains a "\.\." segment/],
    ['a ".." deeper down', [file('data/../../x')], 'UNSAFE_PATH', /"\.\." segment/],
    ['a backslash', [file('data\\x')], 'UNSAFE_PATH', /backslash/],
    ['a control character', [file('a\u0001b')], 'UNSAFE_PATH', /"a\\x01b": name contains a control character/],
    ['a drive letter', [file('C:x')], 'UNSAFE_PATH', /drive letter/],
    ['a symbolic link', [{ header: { name: 'bagit.txt', type: 'symlink', linkname: '/etc/passwd' } }], 'LINK_ENTRY', /"bagit.txt" is a symbolic link to "\/etc\/passwd"/],
    ['a hard link', [file('a'), { header: { name: 'b', type: 'link', linkname: 'a' } }], 'LINK_ENTRY', /"b" is a hard link to "a"/],
    ['a character device', [{ header: { name: 'null', type: 'character-device', devmajor: 1, devminor: 3 } }], 'SPECIAL_ENTRY', /"null" is a character-device/],
    ['a block device', [{ header: { name: 'sda', type: 'block-device', devmajor: 8, devminor: 0 } }], 'SPECIAL_ENTRY', /block-device/],
    ['a fifo', [{ header: { name: 'pipe', type: 'fifo' } }], 'SPECIAL_ENTRY', /fifo/],
    ['a directory entry', [{ header: { name: 'data', type: 'directory' } }], 'DIRECTORY_ENTRY', /"data" is a directory/],
    ['a duplicate name', [file('a.txt', '1'), file('a.txt', '2')], 'DUPLICATE_ENTRY', /"a.txt" appears twice/],
    ['names differing only in case', [file('Bagit.txt'), file('bagit.txt')], 'DUPLICATE_ENTRY', /differ only in case/],
    ['a setuid file', [{ header: { name: 'run', type: 'file', mode: 0o4755 }, content: 'x' }], 'UNSAFE_MODE', /"run" has mode 4755/],
    ['a PAX header that renames', [{ header: { name: 'innocent.txt', type: 'file', pax: { path: 'evil.txt' } }, content: 'x' }], 'EXTENDED_HEADER', /"evil.txt" has a PAX extended header/],
  ];
  it.each(cases)('%s', async (_name, entries, reason, message) => {
    const rejection = await rejectionOf(await pack(entries));
    expect(rejection.reason).toBe(reason);
    expect(rejection.message).toMatch(message);
    expect(rejection.code).toBe('BUNDLE_REJECTED');
  });

  it('a GNU long-name header', async () => {
    const long = `${'n'.repeat(120)}.txt`;
    const rejection = await rejectionOf(gnuTar('gnu', [long]));
    expect(rejection).toMatchObject({ reason: 'EXTENDED_HEADER' });
    expect(rejection.message).toContain(long);
  });

  it('a directory entry as GNU tar writes it (with a trailing slash)', async () => {
    const src = join(dir, `tree-${++counter}`);
    mkdirSync(join(src, 'data'), { recursive: true });
    writeFileSync(join(src, 'data', 'journal.ndjson'), '{}\n');
    const bytes = execFileSync('tar', ['--format=ustar', '-cf', '-', '-C', src, 'data']);
    expect(await rejectionOf(bytes)).toMatchObject({ reason: 'DIRECTORY_ENTRY', message: 'entry "data/" is a directory; bundles hold files only' });
  });

  it('a PAX global header', async () => {
    const bytes = gnuTar('pax', ['a.txt']);
    expect((await rejectionOf(bytes)).reason).toBe('EXTENDED_HEADER');
  });

  it('an old (v7) tar header', async () => {
    expect(await rejectionOf(gnuTar('v7', ['a.txt']))).toMatchObject({ reason: 'NOT_A_TAR', message: expect.stringMatching(/not a POSIX ustar header/) as string });
  });

  it('a gzip-compressed tar', async () => {
    expect(await rejectionOf(gzipSync(await pack([file('a')])))).toMatchObject({ reason: 'NOT_A_TAR', message: 'the bundle is gzip-compressed, not a plain tar' });
  });

  it('a corrupted header', async () => {
    const bytes = await pack([file('a.txt'), file('b.txt')]);
    bytes[512 + 512 + 3] = 0x41; // a byte of the second header's name
    expect(await rejectionOf(bytes)).toMatchObject({ reason: 'NOT_A_TAR', seen: ['a.txt'] });
  });

  it('an entry larger than the limit, before reading it', async () => {
    const rejection = await rejectionOf(await pack([file('small'), file('big', 'x'.repeat(2000))]), { ...LIMITS, maxEntryBytes: 1000 });
    expect(rejection).toMatchObject({ reason: 'ENTRY_TOO_LARGE', message: 'entry "big" is 2000 bytes, more than 1000', seen: ['small'] });
  });

  it('a name-specific limit', async () => {
    const limits = { ...LIMITS, maxEntryBytesFor: (name: string) => (name.startsWith('data/') ? Infinity : 10) };
    expect((await read(await pack([file('data/x', 'x'.repeat(100))]), limits)).verdict.ok).toBe(true);
    expect(await rejectionOf(await pack([file('tag.txt', 'x'.repeat(100))]), limits)).toMatchObject({ reason: 'ENTRY_TOO_LARGE' });
  });

  it('an archive larger than the limit, before reading anything', async () => {
    const rejection = await rejectionOf(await pack([file('a', 'x'.repeat(3000))]), { ...LIMITS, maxTotalBytes: 4096 });
    expect(rejection).toMatchObject({ reason: 'TOO_LARGE', seen: [] });
  });

  it('too many entries, before reading the one past the limit', async () => {
    const rejection = await rejectionOf(await pack(['a', 'b', 'c', 'd'].map((n) => file(n))), { ...LIMITS, maxEntries: 3 });
    expect(rejection).toMatchObject({ reason: 'TOO_MANY_ENTRIES', message: 'more than 3 entries (at "d")', seen: ['a', 'b', 'c'] });
  });

  it('an archive cut inside an entry', async () => {
    const bytes = await pack([file('a', 'x'.repeat(2000))]);
    expect((await rejectionOf(bytes.subarray(0, 1536))).reason).toBe('TRUNCATED');
    expect((await rejectionOf(bytes.subarray(0, 1500))).reason).toBe('TRUNCATED');
  });

  it('an archive without its end-of-archive marker, or with half of it', async () => {
    const bytes = await pack([file('a', 'hello')]);
    expect(await rejectionOf(bytes.subarray(0, bytes.length - 1024))).toMatchObject({ reason: 'TRUNCATED', message: expect.stringMatching(/end-of-archive/) as string });
    expect(await rejectionOf(bytes.subarray(0, bytes.length - 512))).toMatchObject({ reason: 'TRUNCATED' });
  });

  it('a zero block hidden between entries', async () => {
    const one = await pack([file('a')]);
    const two = await pack([file('b')]);
    const spliced = Buffer.concat([one.subarray(0, 1024), Buffer.alloc(512), two]);
    expect(await rejectionOf(spliced)).toMatchObject({ reason: 'EXTENDED_HEADER', message: expect.stringMatching(/"b" is preceded by 512 bytes/) as string });
  });

  it('a path that is not a regular file, or not there', async () => {
    expect(await readTar(dir, LIMITS, () => undefined)).toMatchObject({ ok: false, rejection: { reason: 'UNREADABLE' } });
    expect(await readTar(join(dir, 'missing.tar'), LIMITS, () => undefined)).toMatchObject({ ok: false, rejection: { reason: 'UNREADABLE' } });
  });
});

describe('unsafeNameReason', () => {
  it('refuses NUL and names outside the portable set, accepts bundle names', () => {
    expect(unsafeNameReason('a\0b')).toBe('name contains NUL');
    expect(unsafeNameReason('data/jour nal')).toMatch(/outside/);
    expect(unsafeNameReason('data/')).toMatch(/empty segment/);
    expect(unsafeNameReason('./a')).toMatch(/"\." segment/);
    expect(unsafeNameReason('')).toBe('empty name');
    for (const ok of ['bagit.txt', 'data/journal.ndjson', 'tagmanifest-sha384.txt.p7s']) expect(unsafeNameReason(ok)).toBeNull();
  });
});

describe('writeTarAtomically', () => {
  const files = () => [
    { name: 'z.txt', size: 3, content: new TextEncoder().encode('zzz') },
    { name: 'data/big.bin', size: 300_000, content: () => Readable.from([Buffer.alloc(100_000, 1), Buffer.alloc(200_000, 2)]) },
    { name: 'a.txt', size: 1, content: new TextEncoder().encode('a') },
  ];
  const mtime = new Date('2026-11-23T12:00:00.000Z');

  it('writes the same bytes for the same files: sorted, 0644, root-owned, fixed mtime', async () => {
    const out = join(dir, 'w1');
    mkdirSync(out);
    await writeTarAtomically(join(out, 'one.tar'), files(), mtime);
    await writeTarAtomically(join(out, 'two.tar'), files(), mtime);
    expect(readFileSync(join(out, 'one.tar')).equals(readFileSync(join(out, 'two.tar')))).toBe(true);
    expect(readdirSync(out).sort()).toEqual(['one.tar', 'two.tar']);
    const listing = execFileSync('tar', ['--numeric-owner', '--full-time', '-tvf', join(out, 'one.tar')], { encoding: 'utf8', env: { ...process.env, TZ: 'UTC' } });
    expect(listing.trim().split('\n')).toEqual([
      '-rw-r--r-- 0/0               1 2026-11-23 12:00:00 a.txt',
      '-rw-r--r-- 0/0          300000 2026-11-23 12:00:00 data/big.bin',
      '-rw-r--r-- 0/0               3 2026-11-23 12:00:00 z.txt',
    ]);
    const { verdict } = await read(readFileSync(join(out, 'one.tar')), { ...LIMITS, maxEntryBytes: 1024 * 1024 });
    expect(verdict.ok).toBe(true);
  });

  it('leaves neither a final nor a partial file when a source fails', async () => {
    const out = join(dir, 'w2');
    mkdirSync(out);
    const failing = {
      name: 'data/x',
      size: 10,
      content: () =>
        new Readable({
          read() {
            this.destroy(new Error('device removed'));
          },
        }),
    };
    await expect(writeTarAtomically(join(out, 'b.tar'), [failing], mtime)).rejects.toThrow('device removed');
    expect(readdirSync(out)).toEqual([]);
  });

  it('refuses a stream shorter than declared', async () => {
    const out = join(dir, 'w3');
    mkdirSync(out);
    await expect(writeTarAtomically(join(out, 'c.tar'), [{ name: 'x', size: 10, content: () => Readable.from([Buffer.alloc(5)]) }], mtime)).rejects.toThrow();
    expect(existsSync(join(out, 'c.tar'))).toBe(false);
    expect(readdirSync(out)).toEqual([]);
  });

  it('refuses unsafe and duplicate names', async () => {
    const bytes = new Uint8Array(1);
    await expect(writeTarAtomically(join(dir, 'd.tar'), [{ name: '../x', size: 1, content: bytes }], mtime)).rejects.toThrow(/\.\./);
    await expect(
      writeTarAtomically(join(dir, 'd.tar'), [{ name: 'x', size: 1, content: bytes }, { name: 'x', size: 1, content: bytes }], mtime),
    ).rejects.toThrow(/duplicate/);
  });
});

describe('writeTarPayloadFirst', () => {
  const mtime = new Date('2026-11-23T12:00:00.000Z');
  const payloadChunks = [Buffer.alloc(100_000, 1), Buffer.from('tail of an odd length'), Buffer.alloc(70_000, 3)];
  const fill = async (sink: PayloadSink) => {
    for (const chunk of payloadChunks) await sink.write(chunk);
    return payloadChunks.length;
  };
  const tagFiles = () => [
    { name: 'z.txt', size: 3, content: new TextEncoder().encode('zzz') },
    { name: 'a.txt', size: 1, content: new TextEncoder().encode('a') },
  ];

  it('streams the payload in first, then the files made from it, sorted; tar and the reader take it; same bytes each time', async () => {
    const out = join(dir, 'p1');
    mkdirSync(out);
    const seen: { size: number; value: number }[] = [];
    const write = (name: string) =>
      writeTarPayloadFirst(join(out, `.${name}.partial`), mtime, { name: 'data/journal.ndjson', fill }, (written) => {
        seen.push(written);
        return Promise.resolve({ finalPath: join(out, name), files: tagFiles() });
      });
    const one = await write('one.tar');
    await write('two.tar');
    const size = payloadChunks.reduce((n, c) => n + c.byteLength, 0);
    expect(seen).toEqual([
      { size, value: 3 },
      { size, value: 3 },
    ]);
    expect(one.finalPath).toBe(join(out, 'one.tar'));
    expect(readdirSync(out).sort()).toEqual(['one.tar', 'two.tar']);
    const bytes = readFileSync(join(out, 'one.tar'));
    expect(bytes.equals(readFileSync(join(out, 'two.tar')))).toBe(true);
    expect(one.bytes).toBe(bytes.byteLength);
    expect(bytes.byteLength % 512).toBe(0);

    const listing = execFileSync('tar', ['--numeric-owner', '--full-time', '-tvf', join(out, 'one.tar')], { encoding: 'utf8', env: { ...process.env, TZ: 'UTC' } });
    expect(listing.trim().split('\n')).toEqual([
      `-rw-r--r-- 0/0          ${size} 2026-11-23 12:00:00 data/journal.ndjson`,
      '-rw-r--r-- 0/0               1 2026-11-23 12:00:00 a.txt',
      '-rw-r--r-- 0/0               3 2026-11-23 12:00:00 z.txt',
    ]);
    const extracted = join(out, 'x');
    mkdirSync(extracted);
    execFileSync('tar', ['-xf', join(out, 'one.tar'), '-C', extracted]);
    expect(readFileSync(join(extracted, 'data/journal.ndjson')).equals(Buffer.concat(payloadChunks))).toBe(true);
    expect(readFileSync(join(extracted, 'z.txt'), 'utf8')).toBe('zzz');
    const { verdict } = await read(bytes, { ...LIMITS, maxEntryBytes: 1024 * 1024 });
    expect(verdict.ok).toBe(true);
  });

  it('leaves nothing behind when the payload or the files after it fail', async () => {
    const out = join(dir, 'p2');
    mkdirSync(out);
    const failingFill = async (sink: PayloadSink) => {
      await sink.write(Buffer.alloc(10_000));
      throw new Error('the journal could not be read');
    };
    await expect(
      writeTarPayloadFirst(join(out, '.a.partial'), mtime, { name: 'data/journal.ndjson', fill: failingFill }, () => Promise.resolve({ finalPath: join(out, 'a.tar'), files: [] })),
    ).rejects.toThrow('could not be read');
    await expect(
      writeTarPayloadFirst(join(out, '.b.partial'), mtime, { name: 'data/journal.ndjson', fill }, () => Promise.reject(new Error('the signing key is locked'))),
    ).rejects.toThrow('signing key');
    const failingTag = { name: 'late.txt', size: 10, content: () => new Readable({ read() { this.destroy(new Error('device removed')); } }) };
    await expect(
      writeTarPayloadFirst(join(out, '.c.partial'), mtime, { name: 'data/journal.ndjson', fill }, () => Promise.resolve({ finalPath: join(out, 'c.tar'), files: [failingTag] })),
    ).rejects.toThrow('device removed');
    expect(readdirSync(out)).toEqual([]);
  });

  it('refuses unsafe names, a file named like the payload, and an existing partial file', async () => {
    const out = join(dir, 'p3');
    mkdirSync(out);
    const describe = (files: { name: string; size: number; content: Uint8Array }[]) => () => Promise.resolve({ finalPath: join(out, 'd.tar'), files });
    await expect(writeTarPayloadFirst(join(out, '.d.partial'), mtime, { name: '/etc/x', fill }, describe([]))).rejects.toThrow(/absolute|\//);
    await expect(
      writeTarPayloadFirst(join(out, '.d.partial'), mtime, { name: 'data/journal.ndjson', fill }, describe([{ name: 'data/journal.ndjson', size: 1, content: new Uint8Array(1) }])),
    ).rejects.toThrow(/duplicate/);
    writeFileSync(join(out, '.e.partial'), 'someone else is writing here');
    await expect(writeTarPayloadFirst(join(out, '.e.partial'), mtime, { name: 'data/journal.ndjson', fill }, describe([]))).rejects.toThrow(/EEXIST/);
    expect(readdirSync(out)).toEqual(['.e.partial']);
  });
});
