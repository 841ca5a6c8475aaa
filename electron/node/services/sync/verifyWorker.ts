// The verify workers: threads that check a verified bundle's payload while the importing thread
// writes it (verifiedRows.ts starts them and documents the protocol). Each is started with its
// role and sent its job once the bundle has been verified:
//   reader   reads the payload a second time, hashes it and cuts it into batches of whole lines
//            (sync/payloadBatches.ts), handing them to the checkers in turn, as many at a time
//            as the importing thread has given it credits for;
//   checker  checks each batch it is handed, as lines of the bundle and as records of the
//            sending site, and sends the importing thread the rows in the journal's columns.
import { type MessagePort, parentPort, workerData } from 'node:worker_threads';
import { entryHashOfCanonical } from '../../../../db/journal/hash.js';
import { payloadBatches } from '../../sync/payloadBatches.js';
import { BundleRejectedError } from '../../sync/rejection.js';
import { checkRowBatch } from './checkedRows.js';
import type { BatchMessage, CheckerJob, ReaderJob, WorkerMessage, WorkerRole } from './verifiedRows.js';

/**
 * Credits given by the importing thread, one per batch it has taken; `take` waits for one. Once
 * it holds a fault and only the payload's hash is still wanted, it says `hash-only`: no more
 * batches are sent (nor waited for).
 */
class Credits {
  private wake: (() => void) | null = null;
  hashOnly = false;

  constructor(
    private count: number,
    port: MessagePort,
  ) {
    port.on('message', (message: unknown) => {
      if (message === 'credit') this.count += 1;
      else if (message === 'hash-only') this.hashOnly = true;
      else return;
      this.wake?.();
      this.wake = null;
    });
  }

  async take(): Promise<void> {
    while (this.count === 0 && !this.hashOnly) await new Promise<void>((resolve) => (this.wake = resolve));
    if (!this.hashOnly) this.count -= 1;
  }
}

async function read(job: ReaderJob, toImporter: MessagePort): Promise<void> {
  const credits = new Credits(job.credits, toImporter);
  let sent = 0;
  try {
    for await (const batch of payloadBatches(job.payload)) {
      await credits.take();
      if (credits.hashOnly) continue;
      const to = job.checkers[sent % job.checkers.length] as MessagePort;
      to.postMessage({ index: sent, batch } satisfies BatchMessage, [batch.bytes.buffer]);
      sent += 1;
    }
    toImporter.postMessage({ type: 'end', batches: sent } satisfies WorkerMessage);
  } catch (error) {
    if (error instanceof BundleRejectedError) toImporter.postMessage({ type: 'rejected', batches: sent, rejection: error.rejection } satisfies WorkerMessage);
    else toImporter.postMessage({ type: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies WorkerMessage);
  }
  for (const checker of job.checkers) checker.close();
}

function check(job: CheckerJob, toImporter: MessagePort): void {
  const lineChecks = { siteId: job.siteId, maxJsonDepth: job.maxJsonDepth, entryHash: entryHashOfCanonical };
  job.port.on('message', ({ index, batch }: BatchMessage) => {
    try {
      toImporter.postMessage({ type: 'checked', index, checked: checkRowBatch(batch, lineChecks, job.checks) } satisfies WorkerMessage);
    } catch (error) {
      toImporter.postMessage({ type: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies WorkerMessage);
    }
  });
}

const port = parentPort;
if (port === null) throw new Error('verifyWorker.js runs as a worker thread');
const { role } = workerData as WorkerRole;
port.postMessage({ type: 'ready' } satisfies WorkerMessage);
// Started ahead of its payload: the job is the first message.
port.once('message', (job: ReaderJob | CheckerJob) => {
  if (role === 'reader') void read(job as ReaderJob, port);
  else check(job as CheckerJob, port);
});
