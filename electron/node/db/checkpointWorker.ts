// Checkpoints a database's WAL on a connection of its own, in a worker thread, so the thread that
// writes is not held up copying the log back into the database file (walCheckpoints.ts starts it).
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';

export interface CheckpointJob {
  path: string;
}

/** What the checkpoint did: frames in the log, and how many of them are now in the database file. */
export interface CheckpointDone {
  type: 'done';
  log: number;
  checkpointed: number;
}

const port = parentPort;
if (port === null) throw new Error('checkpointWorker.js runs as a worker thread');
const { path } = workerData as CheckpointJob;
const db = new Database(path, { fileMustExist: true });
try {
  db.pragma('busy_timeout = 5000');
  // PASSIVE: readers and writers on other connections go on meanwhile.
  const [result] = db.pragma('wal_checkpoint(PASSIVE)') as { busy: number; log: number; checkpointed: number }[];
  port.postMessage({ type: 'done', log: result?.log ?? 0, checkpointed: result?.checkpointed ?? 0 } satisfies CheckpointDone);
} finally {
  db.close();
}
