// Deterministic POSIX ustar writer: the same files and mtime always give the same bytes (sorted
// names, mode 0644, uid/gid 0, empty user and group names, no PAX or GNU headers). The archive
// is streamed to `<name>.partial`, flushed to the device, then renamed, so a file under its
// final name is always complete.
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
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
  const sorted = [...files].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (let i = 0; i < sorted.length; i++) {
    const file = sorted[i] as TarFileInput;
    const unsafe = unsafeNameReason(file.name);
    if (unsafe) throw new Error(`cannot write tar entry "${file.name}": ${unsafe}`);
    if (i > 0 && sorted[i - 1]?.name === file.name) throw new Error(`duplicate tar entry "${file.name}"`);
  }
  const seconds = Math.min(Math.max(Math.floor(mtime.getTime() / 1000), 0), MAX_MTIME_SECONDS);
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

async function addEntry(pack: tar.Pack, file: TarFileInput, mtime: Date): Promise<void> {
  const header = { name: file.name, size: file.size, mode: 0o644, mtime, uid: 0, gid: 0, uname: '', gname: '', type: 'file' as const };
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
