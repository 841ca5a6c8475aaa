// The verify workers: two threads that check a verified bundle's payload while the importing
// thread writes it, one batch behind the other (verifiedRows.ts starts them and documents the
// protocol):
//   lines    reads the payload a second time and checks every line: UTF-8, canonical JSON, a
//            complete entry of the bundle's site, its hash, the chain, the counts and the payload
//            hash at the end (bundleReader.ts); passes the checked lines on, a batch at a time;
//   records  takes those lines and checks each entry as a record of the sending site
//            (records.ts), then hands the importing thread rows in the journal's columns.
// At most `credits` batches wait at each hand-over: the receiver returns a credit per batch it
// has dealt with, which keeps memory flat whichever side is slower.
import { type MessagePort, parentPort, workerData } from 'node:worker_threads';
import type { JournalEntry } from '../../../common/journal.js';
import { entryHashOfCanonical } from '../../../../db/journal/hash.js';
import { readPayloadLines } from '../../sync/payloadLines.js';
import { BundleRejectedError } from '../../sync/rejection.js';
import { RecordChecks, inBatches } from './checkedRows.js';
import { ImportRejected } from './importRejected.js';
import type { Ending, LinesJob, LinesMessage, RecordsJob, VerifyJob, WorkerMessage } from './verifiedRows.js';

/** Messages in from one port, awaited one at a time in the order they came. */
class Inbox<T> {
  private readonly queue: T[] = [];
  private wake: (() => void) | null = null;

  constructor(port: MessagePort) {
    port.on('message', (message: T) => {
      this.queue.push(message);
      this.wake?.();
      this.wake = null;
    });
  }

  async next(): Promise<T> {
    while (this.queue.length === 0) await new Promise<void>((resolve) => (this.wake = resolve));
    return this.queue.shift() as T;
  }
}

/** Credits returned by the receiver; `take` waits for one. */
class Credits {
  private wake: (() => void) | null = null;

  constructor(
    private count: number,
    port: MessagePort,
  ) {
    port.on('message', (message: unknown) => {
      if (message !== 'credit') return;
      this.count += 1;
      this.wake?.();
      this.wake = null;
    });
  }

  async take(): Promise<void> {
    while (this.count === 0) await new Promise<void>((resolve) => (this.wake = resolve));
    this.count -= 1;
  }
}

function failure(error: unknown): Ending {
  if (error instanceof ImportRejected) return { type: 'rejected', by: 'records', rejection: error.rejection };
  if (error instanceof BundleRejectedError) return { type: 'rejected', by: 'verifier', rejection: error.rejection };
  return { type: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) };
}

async function checkLines(job: LinesJob, toRecords: MessagePort): Promise<void> {
  const credits = new Credits(job.credits, toRecords);
  const send = async (lines: string[]) => {
    await credits.take();
    toRecords.postMessage({ type: 'lines', lines } satisfies LinesMessage);
  };
  try {
    for await (const batch of inBatches(readPayloadLines(job.payload, entryHashOfCanonical), (read) => read.line)) {
      await send(batch.map((read) => read.line));
    }
    toRecords.postMessage({ type: 'end' } satisfies LinesMessage);
  } catch (error) {
    toRecords.postMessage(failure(error));
  }
  toRecords.close();
}

async function checkRecords(job: RecordsJob, fromLines: MessagePort, toImporter: MessagePort): Promise<void> {
  const inbox = new Inbox<LinesMessage>(fromLines);
  const credits = new Credits(job.credits, toImporter);
  const send = (message: WorkerMessage) => toImporter.postMessage(message);
  const records = new RecordChecks(job.checks);
  for (;;) {
    const message = await inbox.next();
    switch (message.type) {
      case 'lines': {
        const rows = [];
        for (const line of message.lines) {
          // The lines worker has checked this line is the canonical text of a well-formed entry.
          const row = records.take(JSON.parse(line) as JournalEntry, line);
          if (row !== null) rows.push(row);
        }
        fromLines.postMessage('credit');
        if (rows.length > 0) {
          await credits.take();
          send({ type: 'rows', rows });
        }
        break;
      }
      case 'end':
        try {
          records.finish();
          send({ type: 'end' });
        } catch (error) {
          send(failure(error));
        }
        return;
      case 'rejected':
      case 'failed':
        send(message);
        return;
    }
  }
}

const port = parentPort;
if (port === null) throw new Error('verifyWorker.js runs as a worker thread');
const job = workerData as VerifyJob;
port.postMessage({ type: 'ready' } satisfies WorkerMessage);
if (job.role === 'lines') await checkLines(job, job.port);
else await checkRecords(job, job.port, port);
