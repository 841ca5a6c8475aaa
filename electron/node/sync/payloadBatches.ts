// The second read of a verified bundle's payload, cut into batches of whole lines: the part of
// the line checks that must see every byte in order (the payload's hash, line lengths, the line
// count) and nothing that parses. What is in the lines is checked a batch at a time
// (lineBatch.ts), by several threads at once where there are cores for them, and the batches are
// put back in order by entrySequence.ts.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { MANIFEST } from './bagit.js';
import { JOURNAL_FILE } from './bundleNames.js';
import type { VerifiedPayload } from './payloadLines.js';
import { BundleRejectedError, rejection, rejectWith } from './rejection.js';

/** Lines per batch: large enough that handing a batch between threads costs little, small enough to keep memory flat. */
export const LINES_PER_BATCH = 1000;
/**
 * And at most this many bytes per batch: lines may be up to a megabyte each, and a thousand of
 * those would not fit a verify worker's heap.
 */
export const BATCH_BYTES = 4 * 1024 * 1024;

/** Whole lines of data/journal.ndjson, each ending in a line feed. */
export interface LineBatch {
  /** Number of the batch's first line in the file (from 1). */
  firstLine: number;
  lines: number;
  /** Owns its buffer, so it can be handed to another thread without a copy. */
  bytes: Uint8Array<ArrayBuffer>;
}

const NEWLINE = 0x0a;

/**
 * The payload in batches of whole lines. Throws BundleRejectedError, after the batches of every
 * line before the fault: a line too long, more lines than bundle.json declares, a last line with
 * no line end, or a file that does not match its hash (one that changed since it was verified: a
 * hostile device can answer the second read differently). Where the verifier left the hash to
 * this read, a fault in the lines is thrown only once the rest has been hashed, and a payload
 * that does not match is refused as such instead. Apply nothing unless the iteration completes.
 */
export async function* payloadBatches(payload: VerifiedPayload): AsyncGenerator<LineBatch, void, undefined> {
  const { path, start, size, sha384: listedDigest, header, limits } = payload;
  const hash = createHash('sha384');
  const cutter = new BatchCutter(limits.maxLineBytes, header.entryCount);
  let bytes = 0;
  let fault: BundleRejectedError | null = null;
  if (size > 0) {
    const stream = createReadStream(path, { start, end: start + size - 1, highWaterMark: 256 * 1024 });
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        bytes += chunk.byteLength;
        hash.update(chunk);
        if (fault === null) fault = yield* cutInto(cutter, chunk);
        if (fault !== null && payload.hashChecked) throw fault;
      }
    } catch (error) {
      if (error instanceof BundleRejectedError) throw error;
      // The medium failed under the read. The lines before come first.
      if (fault === null) yield* cutter.flush();
      throw notAsVerified(payload, 'could not be read to its end');
    } finally {
      stream.destroy();
    }
  }
  // The last lines come before the verdict on the whole file: where the verifier hashed it, a
  // fault in them is the first fault; where it did not, a mismatch wins all the same (EntrySequence).
  if (fault === null) yield* cutter.flush();
  if (bytes !== size || hash.digest('hex') !== listedDigest) throw notAsVerified(payload, 'does not match its SHA-384');
  if (fault !== null) throw fault;
  cutter.end();
}

/**
 * For a payload whose lines will not be read (the import decided without them): its hash, when
 * the verifier left that to the read. Throws BundleRejectedError when it does not match.
 */
export async function checkPayloadHash(payload: VerifiedPayload): Promise<void> {
  if (payload.hashChecked) return;
  const hash = createHash('sha384');
  let bytes = 0;
  if (payload.size > 0) {
    try {
      for await (const chunk of createReadStream(payload.path, { start: payload.start, end: payload.start + payload.size - 1 }) as AsyncIterable<Buffer>) {
        bytes += chunk.byteLength;
        hash.update(chunk);
      }
    } catch {
      throw notAsVerified(payload, 'could not be read to its end');
    }
  }
  if (bytes !== payload.size || hash.digest('hex') !== payload.sha384) throw notAsVerified(payload, 'does not match its SHA-384');
}

/** The batches completed by a chunk; a fault in it after the batches of the lines before it. */
function* cutInto(cutter: BatchCutter, chunk: Uint8Array): Generator<LineBatch, BundleRejectedError | null, undefined> {
  try {
    yield* cutter.push(chunk);
    return null;
  } catch (error) {
    if (!(error instanceof BundleRejectedError)) throw error;
    yield* cutter.flush();
    return error;
  }
}

/** The payload is not what the manifest lists: changed since the verifier hashed it, or never hashed before this read. */
function notAsVerified(payload: VerifiedPayload, what: string): BundleRejectedError {
  return new BundleRejectedError(
    payload.hashChecked
      ? rejection('PAYLOAD_CHANGED', `${JOURNAL_FILE} changed after it was verified`, { file: JOURNAL_FILE })
      : rejection('HASH_MISMATCH', `${JOURNAL_FILE} ${what} in ${MANIFEST}`, { file: JOURNAL_FILE }),
  );
}

/** Bytes in, batches of whole lines out; line lengths and the declared count enforced as the bytes come. */
class BatchCutter {
  private pieces: Uint8Array[] = [];
  private pieceBytes = 0;
  /** Bytes of complete lines at the front of `pieces`. */
  private wholeBytes = 0;
  /** Lines completed since the last batch. */
  private lines = 0;
  /** Lines handed out in batches before. */
  private linesBefore = 0;
  /** Bytes of the line not yet ended. */
  private open = 0;

  constructor(
    private readonly maxLineBytes: number,
    private readonly declaredLines: number,
  ) {}

  *push(chunk: Uint8Array): Generator<LineBatch, void, undefined> {
    let from = 0;
    for (let nl = chunk.indexOf(NEWLINE); nl !== -1; nl = chunk.indexOf(NEWLINE, from)) {
      this.open += nl - from;
      this.checkOpenLine();
      const line = this.linesBefore + this.lines + 1;
      if (line > this.declaredLines) {
        rejectWith('HEADER_DATA_MISMATCH', `${JOURNAL_FILE} has more entries than the ${this.declaredLines} bundle.json declares`, { file: JOURNAL_FILE, line });
      }
      this.keep(chunk.subarray(from, nl + 1));
      this.wholeBytes = this.pieceBytes;
      this.open = 0;
      this.lines += 1;
      from = nl + 1;
      if (this.lines >= LINES_PER_BATCH || this.wholeBytes >= BATCH_BYTES) yield this.cut();
    }
    if (from < chunk.byteLength) {
      this.open += chunk.byteLength - from;
      this.checkOpenLine();
      this.keep(chunk.subarray(from));
    }
    // Copied: the stream may reuse the chunk's memory once we return.
    this.pieces = this.pieces.map((piece) => (piece.buffer === chunk.buffer ? piece.slice() : piece));
  }

  /** The whole lines not yet handed out (a line not yet ended stays). */
  *flush(): Generator<LineBatch, void, undefined> {
    if (this.lines > 0) yield this.cut();
  }

  /** After the last byte: the file must end with a line end. */
  end(): void {
    if (this.open > 0) {
      const line = this.linesBefore + 1;
      rejectWith('ENTRY_NOT_CANONICAL', `line ${line} of ${JOURNAL_FILE} has no line end`, { file: JOURNAL_FILE, line });
    }
  }

  private checkOpenLine(): void {
    if (this.open > this.maxLineBytes) {
      const line = this.linesBefore + this.lines + 1;
      rejectWith('LINE_TOO_LONG', `line ${line} of ${JOURNAL_FILE} is longer than ${this.maxLineBytes} bytes`, { file: JOURNAL_FILE, line });
    }
  }

  private keep(bytes: Uint8Array): void {
    this.pieces.push(bytes);
    this.pieceBytes += bytes.byteLength;
  }

  /** The complete lines kept so far, as one batch in a buffer of its own; the start of an unfinished line stays. */
  private cut(): LineBatch {
    const whole = this.wholeBytes;
    const bytes = new Uint8Array(whole);
    const rest: Uint8Array[] = [];
    let at = 0;
    for (const piece of this.pieces) {
      const take = Math.min(piece.byteLength, whole - at);
      if (take > 0) bytes.set(take === piece.byteLength ? piece : piece.subarray(0, take), at);
      at += take;
      if (take < piece.byteLength) rest.push(piece.subarray(take));
    }
    const batch = { firstLine: this.linesBefore + 1, lines: this.lines, bytes };
    this.linesBefore += this.lines;
    this.lines = 0;
    this.pieces = rest;
    this.pieceBytes -= whole;
    this.wholeBytes = 0;
    return batch;
  }
}
