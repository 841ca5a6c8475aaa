// Streaming reader for the bundle's POSIX tar, strict about everything a hostile archive could
// use: every limit is checked before the bytes it guards are read, and only plain files with
// safe, unique names are handed on. tar-stream parses the headers; this module decides.
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { Transform, type TransformCallback } from 'node:stream';
import * as tar from 'tar-stream';
import { BundleRejectedError, type Verdict, rejection } from './rejection.js';
import { collisionKey, unsafeNameReason } from './tarNames.js';

export interface TarLimits {
  /** The whole archive, checked against the file's size before reading and again as it streams. */
  maxTotalBytes: number;
  maxEntries: number;
  maxEntryBytes: number;
  /** A tighter limit for some names (small tag files), checked like maxEntryBytes. */
  maxEntryBytesFor?: (name: string) => number;
}

export interface TarEntryInfo {
  name: string;
  size: number;
  /** Offset of the entry's header block in the archive. */
  offset: number;
}

/** Receives one entry's bytes, in order; the reader reads every entry to its end either way. */
export interface TarEntrySink {
  update(chunk: Uint8Array): void | Promise<void>;
  end?(): void | Promise<void>;
}

export type TarEntryHandler = (entry: TarEntryInfo) => TarEntrySink | undefined | Promise<TarEntrySink | undefined>;

const BLOCK = 512;
const END_OF_ARCHIVE = 2 * BLOCK;

const COMPRESSED: readonly { name: string; magic: readonly number[] }[] = [
  { name: 'gzip', magic: [0x1f, 0x8b] },
  { name: 'bzip2', magic: [0x42, 0x5a, 0x68] },
  { name: 'xz', magic: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00] },
  { name: 'zstd', magic: [0x28, 0xb5, 0x2f, 0xfd] },
  { name: 'zip', magic: [0x50, 0x4b, 0x03, 0x04] },
];

/**
 * Read the tar at `path`, calling `onEntry` for each plain file. Returns the entries in archive
 * order, or the first rejection. A rejection thrown by a sink (BundleRejectedError) is returned.
 */
export async function readTar(path: string, limits: TarLimits, onEntry: TarEntryHandler): Promise<Verdict<TarEntryInfo[]>> {
  try {
    return { ok: true, value: await readTarOrThrow(path, limits, onEntry) };
  } catch (error) {
    if (error instanceof BundleRejectedError) return { ok: false, rejection: error.rejection };
    throw error;
  }
}

function fail(reason: Parameters<typeof rejection>[0], message: string, details: Record<string, unknown> = {}): never {
  throw new BundleRejectedError(rejection(reason, message, details));
}

async function readTarOrThrow(path: string, limits: TarLimits, onEntry: TarEntryHandler): Promise<TarEntryInfo[]> {
  const size = await checkFile(path, limits);
  await checkFormat(path, size);

  // Large reads: the payload streams through here on its way to its hash (or past it, when the
  // import hashes it later), and every chunk costs a pass through the tar parser.
  const source = createReadStream(path, { highWaterMark: 1024 * 1024 });
  const counter = new ByteCounter(limits.maxTotalBytes);
  const extract = tar.extract();
  source.on('error', (error) => counter.destroy(error));
  counter.on('error', (error) => extract.destroy(error));
  source.pipe(counter).pipe(extract);

  const entries: TarEntryInfo[] = [];
  const seen = new Map<string, string>();
  let expectedOffset = 0;
  try {
    for await (const stream of extract) {
      const header = stream.header;
      const name = header.name;
      const entry: TarEntryInfo = { name, size: header.size, offset: stream.offset };
      const where = { entry: name, offset: stream.offset };
      if (entries.length >= limits.maxEntries) fail('TOO_MANY_ENTRIES', `more than ${limits.maxEntries} entries (at "${name}")`, where);
      if (header.pax) fail('EXTENDED_HEADER', `entry "${name}" has a PAX extended header`, where);
      if (stream.offset !== expectedOffset) {
        fail('EXTENDED_HEADER', `entry "${name}" is preceded by ${stream.offset - expectedOffset} bytes of extended headers or blocks`, where);
      }
      // GNU tar writes directories as `name/`: judge the name without it, refuse the type below.
      const unsafe = unsafeNameReason(header.type === 'directory' && name.endsWith('/') ? name.slice(0, -1) : name);
      if (unsafe) fail('UNSAFE_PATH', `entry "${printable(name)}": ${unsafe}`, where);
      checkType(header, where);
      if ((header.mode & ~0o777) !== 0) fail('UNSAFE_MODE', `entry "${name}" has mode ${header.mode.toString(8)} (setuid, setgid or sticky)`, where);
      const earlier = seen.get(collisionKey(name));
      if (earlier !== undefined) {
        fail('DUPLICATE_ENTRY', earlier === name ? `entry "${name}" appears twice` : `entries "${earlier}" and "${name}" differ only in case`, where);
      }
      seen.set(collisionKey(name), name);
      const max = Math.min(limits.maxEntryBytes, limits.maxEntryBytesFor?.(name) ?? Number.POSITIVE_INFINITY);
      if (!(header.size >= 0) || header.size > max) fail('ENTRY_TOO_LARGE', `entry "${name}" is ${header.size} bytes, more than ${max}`, where);

      const sink = await onEntry(entry);
      let received = 0;
      for await (const chunk of stream as AsyncIterable<Uint8Array>) {
        received += chunk.byteLength;
        if (sink) await sink.update(chunk);
      }
      if (received !== header.size) fail('TRUNCATED', `entry "${name}" ends after ${received} of ${header.size} bytes`, where);
      if (sink?.end) await sink.end();
      entries.push(entry);
      expectedOffset = stream.offset + BLOCK + Math.ceil(header.size / BLOCK) * BLOCK;
    }
  } catch (error) {
    source.destroy();
    if (error instanceof BundleRejectedError) throw error;
    throw mapParseError(error, counter.bytes);
  }
  // tar-stream skips zero blocks after the last entry and fails on anything else, so what follows
  // is zeros; the end-of-archive marker is two of them.
  if (counter.bytes - expectedOffset < END_OF_ARCHIVE) {
    fail('TRUNCATED', 'the archive ends without its end-of-archive marker', { offset: expectedOffset });
  }
  return entries;
}

async function checkFile(path: string, limits: TarLimits): Promise<number> {
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    return fail('UNREADABLE', `cannot read the bundle: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!info.isFile()) fail('UNREADABLE', 'the bundle is not a regular file');
  if (info.size > limits.maxTotalBytes) fail('TOO_LARGE', `the bundle is ${info.size} bytes, more than ${limits.maxTotalBytes}`, { size: info.size });
  return info.size;
}

async function checkFormat(path: string, size: number): Promise<void> {
  const head = new Uint8Array(BLOCK);
  const handle = await open(path, 'r');
  try {
    await handle.read(head, 0, Math.min(BLOCK, size), 0);
  } finally {
    await handle.close();
  }
  for (const { name, magic } of COMPRESSED) {
    if (size >= magic.length && magic.every((byte, i) => head[i] === byte)) fail('NOT_A_TAR', `the bundle is ${name}-compressed, not a plain tar`);
  }
  if (size < END_OF_ARCHIVE) fail('TRUNCATED', `the bundle is ${size} bytes, too short for a tar archive`);
  if (size % BLOCK !== 0) fail('TRUNCATED', `the bundle is ${size} bytes, not a whole number of 512-byte tar blocks`);
}

function checkType(header: tar.Header, where: Record<string, unknown>): void {
  const type = header.type as tar.Header['type'] | null;
  const name = header.name;
  switch (type) {
    case 'file':
      return;
    case 'link':
      return fail('LINK_ENTRY', `entry "${name}" is a hard link to "${header.linkname}"`, where);
    case 'symlink':
      return fail('LINK_ENTRY', `entry "${name}" is a symbolic link to "${header.linkname}"`, where);
    case 'directory':
      return fail('DIRECTORY_ENTRY', `entry "${name}" is a directory; bundles hold files only`, where);
    case 'character-device':
    case 'block-device':
    case 'fifo':
    case 'contiguous-file':
      return fail('SPECIAL_ENTRY', `entry "${name}" is a ${type}`, where);
    case null:
      return fail('SPECIAL_ENTRY', `entry "${name}" has an unknown type`, where);
  }
}

function mapParseError(error: unknown, offset: number): BundleRejectedError {
  const message = error instanceof Error ? error.message : String(error);
  const details = { offset };
  if (error instanceof LimitError) return new BundleRejectedError(rejection('TOO_LARGE', message, details));
  if (/Unexpected end of data/i.test(message)) return new BundleRejectedError(rejection('TRUNCATED', 'the archive ends in the middle of an entry', details));
  if (/max size/i.test(message)) return new BundleRejectedError(rejection('EXTENDED_HEADER', 'an extended header is too large', details));
  if (/unknown format/i.test(message)) return new BundleRejectedError(rejection('NOT_A_TAR', `a header near byte ${offset} is not a POSIX ustar header`, details));
  if (/Invalid tar header|Invalid header/i.test(message)) {
    return new BundleRejectedError(rejection('NOT_A_TAR', `a header near byte ${offset} is corrupt (checksum or size field)`, details));
  }
  return new BundleRejectedError(rejection('UNREADABLE', `reading the archive failed: ${message}`, details));
}

function printable(name: string): string {
  // eslint-disable-next-line no-control-regex
  return name.replace(/[\u0000-\u001f\u007f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

class LimitError extends Error {}

/** Counts bytes on their way to the parser and stops the stream once it passes the limit. */
class ByteCounter extends Transform {
  bytes = 0;

  constructor(private readonly max: number) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.bytes += chunk.byteLength;
    if (this.bytes > this.max) callback(new LimitError(`the bundle grew past ${this.max} bytes while being read`));
    else callback(null, chunk);
  }
}
