// The checked rows of a verified bundle, for the importer. Where the workers' compiled script is
// there, verify workers (verifyWorker.ts) check the payload while this thread writes it:
//
//                        +--> [checker 1] --+
//   payload --> [reader] +--> [checker 2] --+--> importer (this thread): the batches in order
//                  ^     +--> ...         --+        |
//                  |_________________credit__________|
//
// The reader cuts the payload into batches of whole lines and hands them to the checkers in
// turn; each checker checks its batches on its own (sync/lineBatch.ts, records.ts), and this
// thread takes the results back in file order and makes the checks that join them
// (checkedRows.ts). Credits bound the batches in flight, which keeps memory flat whichever side
// is slower. Where the script is not there (the test runner loads TypeScript sources) or the
// workers cannot start, the same checks run in this thread. Either way the batches and the
// rejections are the same, and the iteration completes only once the payload has been read to
// the end and matched its signed hash.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { MessageChannel, type MessagePort, Worker } from 'node:worker_threads';
import { entryHashOfCanonical } from '../../../../db/journal/hash.js';
import type { LineBatch } from '../../sync/payloadBatches.js';
import type { VerifiedPayload } from '../../sync/payloadLines.js';
import { type BundleRejection, BundleRejectedError } from '../../sync/rejection.js';
import { type CheckedBatch, CheckedBatches, type CheckedRow, type EntryChecks, checkedRowBatches } from './checkedRows.js';

/** The reader's job, sent once it has started. */
export interface ReaderJob {
  payload: VerifiedPayload;
  /** To each checker. */
  checkers: MessagePort[];
  /** Batches that may be in flight before this thread has taken them. */
  credits: number;
}

/** A checker's job, sent once it has started. */
export interface CheckerJob {
  siteId: string;
  maxJsonDepth: number;
  checks: EntryChecks;
  /** From the reader. */
  port: MessagePort;
}

/** What a worker is started as (its workerData). */
export interface WorkerRole {
  role: 'reader' | 'checker';
}

/** From the reader to a checker. */
export interface BatchMessage {
  index: number;
  batch: LineBatch;
}

/** From any worker to this thread; the reader's ending comes after `batches` batches. */
export type WorkerMessage =
  | { type: 'ready' }
  | { type: 'checked'; index: number; checked: CheckedBatch }
  | { type: 'end'; batches: number }
  | { type: 'rejected'; batches: number; rejection: BundleRejection }
  | { type: 'failed'; message: string };

type Event = (WorkerMessage & { from: string }) | { type: 'error'; from: string; error: unknown } | { type: 'exit'; from: string; code: number };

const WORKER_SCRIPT = new URL('./verifyWorker.js', import.meta.url);
/** Checkers to start: one per core beside this thread's, within bounds. */
const CHECKERS = Math.min(4, Math.max(1, availableParallelism() - 1));
/**
 * Each worker's heap, kept small: a worker holds a few batches at a time, and without a limit V8
 * lets every thread's heap grow with the garbage of a long import before it collects (three
 * heaps of a 1M-entry import passed 450 MB together). The young generation at 8 MB rather than
 * 16: a 300k-entry import peaked at 252 MB instead of 288, no slower (a smaller old generation
 * was slower).
 */
const WORKER_HEAP = { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 8 };

export interface VerifiedRowsOptions {
  /** Verify in this thread even where the workers could run. */
  inThread?: boolean;
  /** How many checker workers (default: one per core beside this thread's, 1 to 4). */
  checkers?: number;
  /** Another worker script (tests: one that cannot start). */
  workerScript?: URL;
  /** Told when the workers could not start and this thread verifies instead. */
  onWorkersUnavailable?: (error: unknown) => void;
}

/**
 * Start verify workers ahead of the payload they will check, so that loading them overlaps the
 * verification of the bundle (null where they cannot run: the checks will run in this thread).
 * Give them to verifiedRows, or close them.
 */
export function startVerifyWorkers(options: Omit<VerifiedRowsOptions, 'onWorkersUnavailable'> = {}): VerifyWorkers | null {
  const script = options.workerScript ?? WORKER_SCRIPT;
  if (options.inThread || !existsSync(fileURLToPath(script))) return null;
  return new VerifyWorkers(script, options.checkers ?? CHECKERS);
}

/**
 * The payload's rows, checked: by `workers` when given (used up; null: in this thread), else by
 * workers started for them where they can run, else in this thread.
 */
export function verifiedRows(
  payload: VerifiedPayload,
  checks: EntryChecks,
  options: VerifiedRowsOptions & { workers?: VerifyWorkers | null } = {},
): AsyncGenerator<CheckedRow[], void, undefined> {
  const inThread = () =>
    checkedRowBatches(payload, { siteId: payload.header.siteId, maxJsonDepth: payload.limits.maxJsonDepth, entryHash: entryHashOfCanonical }, checks);
  if (options.workers !== undefined) return options.workers === null ? inThread() : options.workers.rows(payload, checks, inThread, options.onWorkersUnavailable);
  // Started once the rows are asked for: a generator never started leaves nothing running.
  return (async function* () {
    const workers = startVerifyWorkers(options);
    if (workers === null) yield* inThread();
    else yield* workers.rows(payload, checks, inThread, options.onWorkersUnavailable);
  })();
}

/** One reader and its checkers, for one payload. */
export class VerifyWorkers {
  private readonly workers = new Map<string, Worker>();
  private readonly events: Event[] = [];
  private wake: (() => void) | null = null;
  private startError: unknown = null;

  constructor(script: URL, checkers: number) {
    try {
      for (let i = 1; i <= checkers; i++) this.start(script, `checker ${i}`, { role: 'checker' });
      this.start(script, 'reader', { role: 'reader' });
    } catch (error) {
      this.startError = error;
    }
  }

  /** Stop the workers (when they were not used, or once their payload is done). */
  close(): void {
    for (const worker of this.workers.values()) void worker.terminate();
  }

  async *rows(
    payload: VerifiedPayload,
    checks: EntryChecks,
    inThread: () => AsyncGenerator<CheckedRow[], void, undefined>,
    onWorkersUnavailable: ((error: unknown) => void) | undefined,
  ): AsyncGenerator<CheckedRow[], void, undefined> {
    try {
      if (this.startError !== null) {
        onWorkersUnavailable?.(this.startError);
        yield* inThread();
        return;
      }
      const reader = this.workers.get('reader') as Worker;
      const checkerNames = [...this.workers.keys()].filter((name) => name !== 'reader');
      const channels = checkerNames.map(() => new MessageChannel());
      for (const [i, name] of checkerNames.entries()) {
        const port = (channels[i] as MessageChannel).port2;
        const job: CheckerJob = { siteId: payload.header.siteId, maxJsonDepth: payload.limits.maxJsonDepth, checks, port };
        (this.workers.get(name) as Worker).postMessage(job, [port]);
      }
      const ports = channels.map((channel) => channel.port1);
      reader.postMessage({ payload, checkers: ports, credits: checkerNames.length + 2 } satisfies ReaderJob, ports);

      const ready = new Set<string>();
      const batches = new CheckedBatches(payload);
      const checked = new Map<number, CheckedBatch>();
      let next = 0;
      let ended = 0;
      let hashOnly = false;
      let ending: { batches: number; rejection: BundleRejection | null } | null = null;
      for (;;) {
        // Nothing is taken before every worker has started: one that cannot start gives way to
        // the checks in this thread, which must begin from the first batch.
        if (ready.size === this.workers.size) {
          const batch = checked.get(next);
          if (batch) {
            checked.delete(next);
            next += 1;
            const rows = batches.accept(batch);
            // A fault held until the payload's hash is known: the reader need only hash the rest.
            if (batches.holding && !hashOnly) {
              hashOnly = true;
              reader.postMessage('hash-only');
            }
            reader.postMessage('credit');
            if (rows.length > 0) yield rows;
            continue;
          }
          if (ending && next === ending.batches) {
            batches.end(ending.rejection ? new BundleRejectedError(ending.rejection) : undefined);
            return;
          }
        }
        if (this.events.length === 0 && ended === this.workers.size) throw new Error('the verify workers ended before the payload was checked');
        while (this.events.length === 0) await new Promise<void>((resolve) => (this.wake = resolve));
        const event = this.events.shift() as Event;
        switch (event.type) {
          case 'ready':
            ready.add(event.from);
            break;
          case 'checked':
            checked.set(event.index, event.checked);
            break;
          case 'end':
            ending = { batches: event.batches, rejection: null };
            break;
          case 'rejected':
            ending = { batches: event.batches, rejection: event.rejection };
            break;
          case 'failed':
            throw new Error(`a verify worker failed: ${event.message}`);
          case 'exit':
          case 'error':
            // A worker ends on its own once its work is handed on: the reader after the last batch,
            // a checker once the reader has gone (its results come before its exit).
            if (event.type === 'exit' && event.code === 0 && ready.has(event.from)) {
              ended += 1;
              break;
            }
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
      this.close();
    }
  }

  private start(script: URL, name: string, role: WorkerRole): void {
    const worker = new Worker(script, { workerData: role, resourceLimits: WORKER_HEAP });
    const deliver = (event: Event) => {
      this.events.push(event);
      this.wake?.();
      this.wake = null;
    };
    worker.on('message', (message: WorkerMessage) => deliver({ ...message, from: name }));
    worker.on('error', (error) => deliver({ type: 'error', from: name, error }));
    worker.on('exit', (code) => deliver({ type: 'exit', from: name, code }));
    this.workers.set(name, worker);
  }
}
