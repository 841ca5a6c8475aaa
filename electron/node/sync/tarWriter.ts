// Deterministic POSIX ustar writer: the same files and mtime always give the same bytes (sorted
// names, mode 0644, uid/gid 0, empty user and group names, no PAX or GNU headers). The archive
// is streamed to `<name>.partial`, flushed to the device, then renamed, so a file under its
// final name is always complete. Bundles put their payload first (writeTarPayloadFirst): it is
// streamed straight into the archive once, and the files that describe it follow.
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { type FileHandle, open, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import * as tar from 'tar-stream';
import { unsafeNameReason } from './tarNames.js';

export interface TarFileInput {
  name: string;
  size: number;
  /** Small files as bytes; large ones as a stream opened when their turn comes. */
  content: Uint8Array | (() => Readable);
}

export const PARTIAL_SUFFIX = '.partial';

/** tar-stream writes mtime through a 32-bit integer: keep it in range past 2038-01-19. */
const MAX_MTIME_SECONDS = 2 ** 31 - 1;

export async function writeTarAtomically(finalPath: string, files: readonly TarFileInput[], mtime: Date): Promise<{ bytes: number }> {
  const sorted = checkedAndSorted(files);
  const seconds = clampSeconds(mtime);
  const partial = finalPath + PARTIAL_SUFFIX;
  const out = createWriteStream(partial, { flags: 'w', mode: 0o644 });
  const pack = tar.pack();
  // Failures reach us through entry callbacks and `finished(out)`; these listeners only keep the
  // same errors, re-emitted as events by the streams, from counting as unhandled.
  pack.on('error', ignore);
  pack.pipe(out);
  try {
    for (const file of sorted) await addEntry(pack, file, new Date(seconds * 1000));
    pack.finalize();
    await finished(out);
    await fsyncPath(partial, 'r+');
    await rename(partial, finalPath);
    await fsyncDirectory(dirname(finalPath));
    return { bytes: out.bytesWritten };
  } catch (error) {
    pack.destroy();
    out.destroy();
    await rm(partial, { force: true });
    throw error;
  }
}

/** Where a payload streamed into an archive is written; resolves once the bytes are handed to the file. */
export interface PayloadSink {
  write(chunk: Uint8Array): Promise<void>;
}

const BLOCK = 512;

/**
 * One archive whose first entry is a payload of unknown size, streamed straight into the file by
 * `fill` (no staging copy: on removable media every byte is written once), followed by files made
 * from what the payload turned out to be (`describe`, given its size and whatever `fill`
 * returned), sorted by name. The payload's header is written last, into the block kept for it.
 * Written to `partialPath`, flushed, renamed to the path `describe` chose, directory flushed.
 */
export async function writeTarPayloadFirst<T>(
  partialPath: string,
  mtime: Date,
  payload: { name: string; fill: (sink: PayloadSink) => Promise<T> },
  describe: (written: { size: number; value: T }) => Promise<{ finalPath: string; files: TarFileInput[] }>,
): Promise<{ bytes: number; value: T; finalPath: string }> {
  const unsafe = unsafeNameReason(payload.name);
  if (unsafe) throw new Error(`cannot write tar entry "${payload.name}": ${unsafe}`);
  const when = new Date(clampSeconds(mtime) * 1000);
  const handle = await open(partialPath, 'wx', 0o644);
  let position = BLOCK;
  const writeAt = async (bytes: Uint8Array) => {
    for (let done = 0; done < bytes.byteLength; ) {
      const { bytesWritten } = await handle.write(bytes, done, bytes.byteLength - done, position);
      done += bytesWritten;
      position += bytesWritten;
    }
  };
  let closed = false;
  try {
    const value = await payload.fill({ write: writeAt });
    const size = position - BLOCK;
    await writeAt(new Uint8Array((BLOCK - (size % BLOCK)) % BLOCK));
    const { finalPath, files } = await describe({ size, value });
    const sorted = checkedAndSorted(files);
    if (sorted.some((f) => f.name === payload.name)) throw new Error(`duplicate tar entry "${payload.name}"`);
    await writeFileHeader(handle, entryHeader(payload.name, size, when));
    await appendPack(sorted, when, writeAt);
    await handle.sync();
    await handle.close();
    closed = true;
    await rename(partialPath, finalPath);
    await fsyncDirectory(dirname(finalPath));
    return { bytes: position, value, finalPath };
  } catch (error) {
    if (!closed) await handle.close().catch(ignore);
    await rm(partialPath, { force: true });
    throw error;
  }
}

function entryHeader(name: string, size: number, mtime: Date) {
  return { name, size, mode: 0o644, mtime, uid: 0, gid: 0, uname: '', gname: '', type: 'file' as const };
}

/** The payload's ustar header, encoded by tar-stream (the first block it emits for an entry). */
async function writeFileHeader(handle: FileHandle, header: ReturnType<typeof entryHeader>): Promise<void> {
  const pack = tar.pack();
  const block = await new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    pack.on('data', (chunk: unknown) => {
      chunks.push(chunk as Buffer);
      const all = Buffer.concat(chunks);
      if (all.byteLength >= BLOCK) resolve(all.subarray(0, BLOCK));
    });
    pack.on('error', reject);
    pack.entry(header, ignore).on('error', ignore);
  });
  pack.destroy();
  await handle.write(block, 0, BLOCK, 0);
}

/** The remaining entries and the two end blocks, as tar-stream packs them, appended. */
async function appendPack(files: readonly TarFileInput[], mtime: Date, writeAt: (bytes: Uint8Array) => Promise<void>): Promise<void> {
  const pack = tar.pack();
  pack.on('error', ignore);
  const drained = (async () => {
    for await (const chunk of pack as AsyncIterable<Buffer>) await writeAt(chunk);
  })();
  try {
    for (const file of files) await addEntry(pack, file, mtime);
    pack.finalize();
  } catch (error) {
    pack.destroy(error instanceof Error ? error : new Error(String(error)));
    await drained.catch(ignore);
    throw error;
  }
  await drained;
}

function checkedAndSorted(files: readonly TarFileInput[]): TarFileInput[] {
  const sorted = [...files].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (let i = 0; i < sorted.length; i++) {
    const file = sorted[i] as TarFileInput;
    const unsafe = unsafeNameReason(file.name);
    if (unsafe) throw new Error(`cannot write tar entry "${file.name}": ${unsafe}`);
    if (i > 0 && sorted[i - 1]?.name === file.name) throw new Error(`duplicate tar entry "${file.name}"`);
  }
  return sorted;
}

function clampSeconds(mtime: Date): number {
  return Math.min(Math.max(Math.floor(mtime.getTime() / 1000), 0), MAX_MTIME_SECONDS);
}

async function addEntry(pack: tar.Pack, file: TarFileInput, mtime: Date): Promise<void> {
  const header = entryHeader(file.name, file.size, mtime);
  const done = new Promise<void>((resolve, reject) => {
    const callback = (error?: Error | null) => (error ? reject(error) : resolve());
    if (file.content instanceof Uint8Array) {
      if (file.content.byteLength !== file.size) {
        reject(new Error(`tar entry "${file.name}": ${file.content.byteLength} bytes given, ${file.size} declared`));
        return;
      }
      pack.entry(header, file.content, callback).on('error', ignore);
      return;
    }
    const sink = pack.entry(header, callback);
    sink.on('error', ignore);
    void pump(file.content(), sink).catch((error: unknown) => {
      sink.destroy(error instanceof Error ? error : new Error(String(error)));
      reject(error instanceof Error ? error : new Error(String(error)));
    });
  });
  await done;
}

async function pump(source: Readable, sink: ReturnType<tar.Pack['entry']>): Promise<void> {
  for await (const chunk of source as AsyncIterable<Uint8Array>) {
    if (!sink.write(chunk)) await once(sink as unknown as NodeJS.EventEmitter, 'drain');
  }
  sink.end(undefined);
}

function ignore(): void {}

export async function fsyncPath(path: string, flags: 'r' | 'r+'): Promise<void> {
  const handle = await open(path, flags);
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Make the rename itself durable. Windows cannot open a directory for syncing; NTFS journals it. */
export async function fsyncDirectory(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  try {
    await fsyncPath(dir, 'r');
  } catch (error) {
    // Some file systems (and FUSE drivers for removable media) refuse fsync on a directory.
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EINVAL' && code !== 'ENOTSUP' && code !== 'EPERM' && code !== 'EISDIR') throw error;
  }
}
