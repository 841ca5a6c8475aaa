// data/journal.ndjson, one canonical-JSON journal entry a line, read as a stream of chunks with
// flat memory: lines are bounded, each is parsed depth-limited, must be canonical and a complete
// entry, and the entries must be exactly what bundle.json declares (site, seq range, chain from
// previousHead to head, counts per kind).
import { CanonicalJsonError, parseCanonicalJson } from '../../common/canonicalJson.js';
import { type JournalEntry, type JournalKind, journalEntrySchema } from '../../common/journal.js';
import type { BundleHeader } from './bundleHeader.js';
import { JOURNAL_FILE } from './bundleNames.js';
import { rejectWith } from './rejection.js';

/** Unknown fields are refused, not stripped: they would change the entry's hash. */
const strictEntrySchema = journalEntrySchema.strict();

/** An entry and the canonical line it was read from (its exact bytes as text, without the line end). */
export interface JournalLine {
  entry: JournalEntry;
  line: string;
}

/**
 * The journal's hash rule, given the entry and its canonical text (db/journal/hash.ts provides
 * both a rule over the entry and a faster one over the text).
 */
export type EntryHashRule = (entry: JournalEntry, canonicalLine: string) => string;

export interface JournalLineLimits {
  maxLineBytes: number;
  maxJsonDepth: number;
}

const NEWLINE = 0x0a;
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export class JournalLineReader {
  private pending: Uint8Array[] = [];
  private pendingBytes = 0;
  private line = 0;
  private expectedSeq: number;
  private previousHash: string;
  private readonly counts = new Map<JournalKind, number>();

  constructor(
    private readonly header: BundleHeader,
    private readonly limits: JournalLineLimits,
    /** The journal's hash rule; when given, every entry's hash is recomputed and compared. */
    private readonly entryHash?: EntryHashRule,
  ) {
    this.expectedSeq = header.firstSeq;
    this.previousHash = header.previousHead;
  }

  /** Feed bytes; returns the entries completed by them. Throws BundleRejectedError. */
  push(chunk: Uint8Array): JournalLine[] {
    const out: JournalLine[] = [];
    let start = 0;
    for (let nl = chunk.indexOf(NEWLINE); nl !== -1; nl = chunk.indexOf(NEWLINE, start)) {
      this.take(chunk.subarray(start, nl));
      out.push(this.entry(this.drain()));
      start = nl + 1;
    }
    if (start < chunk.byteLength) this.take(chunk.subarray(start));
    return out;
  }

  /** Call after the last chunk: checks the file ended cleanly and matched the header. */
  end(): void {
    if (this.pendingBytes > 0) rejectWith('ENTRY_NOT_CANONICAL', `line ${this.line + 1} of ${JOURNAL_FILE} has no line end`, this.at(this.line + 1));
    const h = this.header;
    if (this.line !== h.entryCount) {
      rejectWith('HEADER_DATA_MISMATCH', `${JOURNAL_FILE} has ${this.line} entries, bundle.json declares ${h.entryCount}`, { file: JOURNAL_FILE });
    }
    if (this.previousHash !== h.head) rejectWith('HEADER_DATA_MISMATCH', `the last entry's hash is not the head in bundle.json`, { file: JOURNAL_FILE });
    for (const [kind, count] of this.counts) {
      if (h.counts[kind] !== count) {
        rejectWith('HEADER_DATA_MISMATCH', `${count} ${kind} entries, bundle.json declares ${h.counts[kind] ?? 0}`, { file: JOURNAL_FILE, kind });
      }
    }
  }

  private take(bytes: Uint8Array): void {
    if (bytes.byteLength === 0) return;
    this.pendingBytes += bytes.byteLength;
    if (this.pendingBytes > this.limits.maxLineBytes) {
      rejectWith('LINE_TOO_LONG', `line ${this.line + 1} of ${JOURNAL_FILE} is longer than ${this.limits.maxLineBytes} bytes`, this.at(this.line + 1));
    }
    // Copy: the chunk's buffer may be reused by the stream after we return.
    this.pending.push(bytes.slice());
  }

  private drain(): Uint8Array {
    const line = this.pending.length === 1 ? (this.pending[0] as Uint8Array) : Buffer.concat(this.pending);
    this.pending = [];
    this.pendingBytes = 0;
    return line;
  }

  private at(line: number): Record<string, unknown> {
    return { file: JOURNAL_FILE, line };
  }

  private entry(bytes: Uint8Array): JournalLine {
    this.line += 1;
    const where = this.at(this.line);
    if (this.line > this.header.entryCount) {
      rejectWith('HEADER_DATA_MISMATCH', `${JOURNAL_FILE} has more entries than the ${this.header.entryCount} bundle.json declares`, where);
    }
    let text: string;
    try {
      text = utf8.decode(bytes);
    } catch {
      return rejectWith('ENTRY_NOT_CANONICAL', `line ${this.line} is not UTF-8`, where);
    }
    let raw: unknown;
    try {
      raw = parseCanonicalJson(text, this.limits.maxJsonDepth);
    } catch (error) {
      const message = error instanceof CanonicalJsonError ? error.message : String(error);
      return rejectWith('ENTRY_NOT_CANONICAL', `line ${this.line}: ${message}`, where);
    }
    if (typeof raw !== 'object' || raw === null || !Object.hasOwn(raw, 'data')) {
      return rejectWith('ENTRY_INVALID', `line ${this.line} is not a journal entry with data`, where);
    }
    const parsed = strictEntrySchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return rejectWith('ENTRY_INVALID', `line ${this.line}: ${issue ? `${issue.path.join('.') || '(entry)'} ${issue.message}` : 'invalid entry'}`, where);
    }
    const entry = parsed.data;
    if (entry.siteId !== this.header.siteId) {
      rejectWith('ENTRY_SITE_MISMATCH', `line ${this.line} belongs to site ${entry.siteId}, the bundle is from ${this.header.siteId}`, where);
    }
    if (entry.seq !== this.expectedSeq) rejectWith('ENTRY_OUT_OF_SEQUENCE', `line ${this.line} has seq ${entry.seq}, expected ${this.expectedSeq}`, where);
    if (entry.prevHash !== this.previousHash) rejectWith('ENTRY_CHAIN_BROKEN', `entry seq ${entry.seq} does not link to the entry before it`, where);
    if (this.entryHash && this.entryHash(entry, text) !== entry.hash) rejectWith('ENTRY_HASH_MISMATCH', `entry seq ${entry.seq} does not match its hash`, where);
    this.expectedSeq += 1;
    this.previousHash = entry.hash;
    this.counts.set(entry.kind, (this.counts.get(entry.kind) ?? 0) + 1);
    return { entry, line: text };
  }
}
