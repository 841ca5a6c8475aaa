// The checked rows of a verified bundle, for the importer. Where the workers' compiled script is
// there, two verify workers (verifyWorker.ts) check the payload while this thread writes it:
//
//   payload --> [lines worker] --lines--> [records worker] --rows--> importer (this thread)
//                    ^______credit___________|     ^______credit_________|
//
// so reading and checking lines, checking records and writing run at once on three cores, or
// share two. Where the script is not there (the test runner loads TypeScript sources) or the
// workers cannot start, the same checks run in this thread. Either way the batches and the
// rejections are the same, and the iteration completes only once the payload has been read to
// the end and matched its signed hash.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MessageChannel, type MessagePort, Worker } from 'node:worker_threads';
import { entryHashOfCanonical } from '../../../../db/journal/hash.js';
import { type VerifiedPayload, readPayloadLines } from '../../sync/payloadLines.js';
import { type BundleRejection, BundleRejectedError } from '../../sync/rejection.js';
import { type CheckedRow, type EntryChecks, checkedRowBatches } from './checkedRows.js';
import { ImportRejected } from './importRejected.js';

export interface LinesJob {
  role: 'lines';
  payload: VerifiedPayload;
  /** To the records worker. */
  port: MessagePort;
  /** Batches that may wait at the records worker. */
  credits: number;
}

export interface RecordsJob {
  role: 'records';
  checks: EntryChecks;
  /** From the lines worker. */
  port: MessagePort;
  /** Batches that may wait at the importer. */
  credits: number;
}

export type VerifyJob = LinesJob | RecordsJob;

export type Ending = { type: 'end' } | { type: 'rejected'; by: 'verifier' | 'records'; rejection: BundleRejection } | { type: 'failed'; message: string };

/** From the lines worker to the records worker. */
export type LinesMessage = { type: 'lines'; lines: string[] } | Ending;

/** From either worker to this thread. */
export type WorkerMessage = { type: 'ready' } | { type: 'rows'; rows: CheckedRow[] } | Ending;

type Event = (WorkerMessage & { from: 'lines' | 'records' }) | { type: 'error'; from: 'lines' | 'records'; error: unknown } | { type: 'exit'; from: 'lines' | 'records'; code: number };

const WORKER_SCRIPT = new URL('./verifyWorker.js', import.meta.url);
const CREDITS = 2;
/**
 * Each worker's heap, kept small: a worker holds a few batches at a time, and without a limit V8
 * lets every thread's heap grow with the garbage of a long import before it collects (three
 * heaps of a 1M-entry import passed 450 MB together).
 */
const WORKER_HEAP = { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 16 };

export interface VerifiedRowsOptions {
  /** Verify in this thread even where the workers could run. */
  inThread?: boolean;
  /** Another worker script (tests: one that cannot start). */
  workerScript?: URL;
  /** Told when the workers could not start and this thread verifies instead. */
  onWorkersUnavailable?: (error: unknown) => void;
}

export function verifiedRows(payload: VerifiedPayload, checks: EntryChecks, options: VerifiedRowsOptions = {}): AsyncGenerator<CheckedRow[], void, undefined> {
  const inThread = () => checkedRowBatches(readPayloadLines(payload, entryHashOfCanonical), checks);
  const script = options.workerScript ?? WORKER_SCRIPT;
  if (options.inThread || !existsSync(fileURLToPath(script))) return inThread();
  return fromWorkers(script, payload, checks, inThread, options.onWorkersUnavailable);
}

async function* fromWorkers(
  script: URL,
  payload: VerifiedPayload,
  checks: EntryChecks,
  inThread: () => AsyncGenerator<CheckedRow[], void, undefined>,
  onWorkersUnavailable: ((error: unknown) => void) | undefined,
): AsyncGenerator<CheckedRow[], void, undefined> {
  const events: Event[] = [];
  let wake: (() => void) | null = null;
  const deliver = (event: Event) => {
    events.push(event);
    wake?.();
    wake = null;
  };
  const workers: Worker[] = [];
  const start = (from: 'lines' | 'records', job: VerifyJob) => {
    const worker = new Worker(script, { workerData: job, transferList: [job.port], resourceLimits: WORKER_HEAP });
    worker.on('message', (message: WorkerMessage) => deliver({ ...message, from }));
    worker.on('error', (error) => deliver({ type: 'error', from, error }));
    worker.on('exit', (code) => deliver({ type: 'exit', from, code }));
    workers.push(worker);
    return worker;
  };
  const channel = new MessageChannel();
  const ready = new Set<Event['from']>();
  try {
    try {
      start('lines', { role: 'lines', payload, port: channel.port1, credits: CREDITS });
      start('records', { role: 'records', checks, port: channel.port2, credits: CREDITS });
    } catch (error) {
      onWorkersUnavailable?.(error);
      yield* inThread();
      return;
    }
    const records = workers[1] as Worker;
    for (;;) {
      while (events.length === 0) await new Promise<void>((resolve) => (wake = resolve));
      const event = events.shift() as Event;
      switch (event.type) {
        case 'ready':
          ready.add(event.from);
          break;
        case 'rows':
          yield event.rows;
          records.postMessage('credit');
          break;
        case 'end':
          return;
        case 'rejected':
          throw event.by === 'records' ? new ImportRejected(event.rejection) : new BundleRejectedError(event.rejection);
        case 'failed':
          throw new Error(`a verify worker failed: ${event.message}`);
        case 'exit':
        case 'error':
          // The lines worker ends on its own once it has passed everything on; the records
          // worker waits to be stopped.
          if (event.type === 'exit' && event.from === 'lines' && event.code === 0 && ready.has('lines')) break;
          if (!ready.has(event.from)) {
            // The script could not load here (a packaging problem): the same checks, in this thread.
            onWorkersUnavailable?.(event.type === 'error' ? event.error : new Error(`the ${event.from} verify worker exited with ${event.code}`));
            yield* inThread();
            return;
          }
          throw event.type === 'error' ? event.error : new Error(`the ${event.from} verify worker exited with ${event.code} before it finished`);
      }
    }
  } finally {
    for (const worker of workers) void worker.terminate();
  }
}
