// A large import writes hundreds of megabytes to the WAL. SQLite copies the log back into the
// database file (a checkpoint) as part of the commit that passes the auto-checkpoint threshold:
// for 100k entries, 0.6 s more on a commit of 0.5 s, during which the importing thread (the
// app's main thread) answers nothing. So the import holds its connection's automatic
// checkpoints, commits, and leaves the checkpoint to a worker thread on a connection of its own
// (checkpointWorker.ts), which readers and writers do not wait for (PASSIVE). Until it is done the
// connection's own checkpoints stay held; then they resume as before. Where the worker cannot
// run (the test runner loads sources, a packaging problem), the checkpoint runs on the
// connection right away, as the commit would have run it.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Database } from 'better-sqlite3';
import type { CheckpointDone, CheckpointJob } from './checkpointWorker.js';

const WORKER_SCRIPT = new URL('./checkpointWorker.js', import.meta.url);
/** The worker holds nothing but a connection: a small heap keeps the import's memory where it was. */
const WORKER_HEAP = { maxOldGenerationSizeMb: 16, maxYoungGenerationSizeMb: 4 };

interface Held {
  /** The connection's own wal_autocheckpoint, restored once nothing holds it. */
  autocheckpoint: number;
  holders: number;
  /** Settles when the checkpoints started meanwhile are done. */
  pending: Promise<void>[];
}

const held = new WeakMap<Database, Held>();

export interface CheckpointOptions {
  /** Another worker script (tests). */
  workerScript?: URL;
  /** Told when the worker could not checkpoint and the connection did it instead. */
  onWorkerUnavailable?: (error: unknown) => void;
}

/**
 * Run `work` (which commits a large transaction) with the connection's automatic checkpoints
 * held, then checkpoint the WAL in a worker thread. Connections not in WAL mode (in memory) just
 * run `work`.
 */
export async function withCheckpointAfter<T>(db: Database, work: () => Promise<T>, options: CheckpointOptions = {}): Promise<T> {
  if (db.memory || db.pragma('journal_mode', { simple: true }) !== 'wal') return work();
  hold(db);
  try {
    return await work();
  } finally {
    checkpointInBackground(db, options);
    release(db);
  }
}

/** Settles once the checkpoints started for this connection are done (tests; closing). */
export async function checkpointsSettled(db: Database): Promise<void> {
  for (let h = held.get(db); h && h.pending.length > 0; h = held.get(db)) await Promise.all(h.pending);
}

function hold(db: Database): void {
  let h = held.get(db);
  if (!h) {
    h = { autocheckpoint: db.pragma('wal_autocheckpoint', { simple: true }) as number, holders: 0, pending: [] };
    held.set(db, h);
    db.pragma('wal_autocheckpoint = 0');
  }
  h.holders += 1;
}

function release(db: Database): void {
  const h = held.get(db);
  if (!h) return;
  h.holders -= 1;
  if (h.holders > 0) return;
  held.delete(db);
  if (db.open) db.pragma(`wal_autocheckpoint = ${h.autocheckpoint}`);
}

function checkpointInBackground(db: Database, options: CheckpointOptions): void {
  const script = options.workerScript ?? WORKER_SCRIPT;
  const inThread = (error: unknown) => {
    if (error !== null) options.onWorkerUnavailable?.(error);
    if (db.open) db.pragma('wal_checkpoint(PASSIVE)');
  };
  if (!existsSync(fileURLToPath(script))) {
    inThread(null);
    return;
  }
  hold(db);
  const h = held.get(db) as Held;
  const done = new Promise<void>((resolve) => {
    let finished = false;
    const end = (error: unknown) => {
      if (finished) return;
      finished = true;
      // Not checkpointed there: here, before the connection's own checkpoints resume.
      if (error !== undefined) inThread(error);
      h.pending = h.pending.filter((p) => p !== done);
      release(db);
      resolve();
    };
    try {
      const worker = new Worker(script, { workerData: { path: db.name } satisfies CheckpointJob, resourceLimits: WORKER_HEAP });
      worker.on('message', (message: CheckpointDone) => {
        if (message.type === 'done') end(undefined);
      });
      worker.on('error', (error) => end(error));
      worker.on('exit', (code) => end(new Error(`the checkpoint worker exited with ${code} before it was done`)));
    } catch (error) {
      // After `done` is set.
      queueMicrotask(() => end(error));
    }
  });
  h.pending.push(done);
}
