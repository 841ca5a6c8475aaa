// The checks on the lines of one batch of data/journal.ndjson (payloadBatches.ts) that need
// nothing outside it, in the order a reader of the whole file would make them: UTF-8, canonical
// JSON within the depth limit, a complete entry of the bundle's site, seq and hash links from
// each line to the one before, and each entry's own hash. The link from a batch's first line to
// the batch before it is the one check left to entrySequence.ts, which sees the batches in order.
import { z } from 'zod';
import { CanonicalJsonError, parseCanonicalJson } from '../../common/canonicalJson.js';
import { type JournalEntry, journalEntrySchema } from '../../common/journal.js';
import { JOURNAL_FILE } from './bundleNames.js';
import type { LineBatch } from './payloadBatches.js';
import { type BundleRejectReason, type BundleRejection, rejection } from './rejection.js';

/**
 * Unknown fields are refused, not stripped: they would change the entry's hash. Compiled (zod's
 * ahead-of-time fast path): every line of every bundle passes here.
 */
export const strictEntrySchema = z.compile(journalEntrySchema.strict());

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

export interface LineChecks {
  siteId: string;
  maxJsonDepth: number;
  /** The journal's hash rule; when given, every entry's hash is recomputed and compared. */
  entryHash?: EntryHashRule;
}

/** What the batch's lines add up to: plain data, so a verify worker can send it back. */
export interface LineBatchSummary {
  firstLine: number;
  /** Lines that passed every check: the whole batch, or those before `failure`. */
  passed: number;
  /** The first line's seq and link, once it is known to be an entry of the site (to link it to the batch before). */
  first: { seq: number; prevHash: string } | null;
  /** The hash of the last line that passed. */
  lastHash: string | null;
  /** Entries that passed, per kind. */
  counts: Record<string, number>;
  /** The first line that failed, if any: nothing after it was checked. */
  failure: BundleRejection | null;
}

export interface CheckedLines {
  summary: LineBatchSummary;
  /** The lines that passed, in order. */
  lines: JournalLine[];
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function checkLineBatch(batch: LineBatch, checks: LineChecks): CheckedLines {
  const texts = linesOf(batch);
  const lines: JournalLine[] = [];
  const counts: Record<string, number> = {};
  let first: LineBatchSummary['first'] = null;
  let failure: BundleRejection | null = null;
  let previous: JournalEntry | null = null;
  for (const [i, text] of texts.entries()) {
    const lineNo = batch.firstLine + i;
    const fail = (reason: BundleRejectReason, message: string) => rejection(reason, message, { file: JOURNAL_FILE, line: lineNo });
    if (text === null) {
      failure = fail('ENTRY_NOT_CANONICAL', `line ${lineNo} is not UTF-8`);
      break;
    }
    const parsed = entryOf(text, lineNo, checks);
    if (!parsed.ok) {
      failure = fail(parsed.reason, parsed.message);
      break;
    }
    const entry = parsed.entry;
    if (entry.siteId !== checks.siteId) {
      failure = fail('ENTRY_SITE_MISMATCH', `line ${lineNo} belongs to site ${entry.siteId}, the bundle is from ${checks.siteId}`);
      break;
    }
    if (previous === null) {
      first = { seq: entry.seq, prevHash: entry.prevHash };
    } else {
      if (entry.seq !== previous.seq + 1) {
        failure = fail('ENTRY_OUT_OF_SEQUENCE', `line ${lineNo} has seq ${entry.seq}, expected ${previous.seq + 1}`);
        break;
      }
      if (entry.prevHash !== previous.hash) {
        failure = fail('ENTRY_CHAIN_BROKEN', `entry seq ${entry.seq} does not link to the entry before it`);
        break;
      }
    }
    if (checks.entryHash && checks.entryHash(entry, text) !== entry.hash) {
      failure = fail('ENTRY_HASH_MISMATCH', `entry seq ${entry.seq} does not match its hash`);
      break;
    }
    counts[entry.kind] = (counts[entry.kind] ?? 0) + 1;
    lines.push({ entry, line: text });
    previous = entry;
  }
  const summary = { firstLine: batch.firstLine, passed: lines.length, first, lastHash: previous?.hash ?? null, counts, failure };
  return { summary, lines };
}

/** The batch's lines as text, without their line ends; null for a line that is not UTF-8 (and every line after it). */
function linesOf(batch: LineBatch): (string | null)[] {
  try {
    // One decode for the batch: a line feed never occurs inside a multi-byte UTF-8 sequence.
    const lines = utf8.decode(batch.bytes).split('\n');
    lines.pop();
    return lines;
  } catch {
    // Find the line at fault.
    const lines: (string | null)[] = [];
    for (let from = 0; from < batch.bytes.byteLength; ) {
      const nl = batch.bytes.indexOf(0x0a, from);
      try {
        lines.push(utf8.decode(batch.bytes.subarray(from, nl)));
      } catch {
        lines.push(null);
        return lines;
      }
      from = nl + 1;
    }
    return lines;
  }
}

type ParsedLine = { ok: true; entry: JournalEntry } | { ok: false; reason: BundleRejectReason; message: string };

function entryOf(text: string, lineNo: number, checks: LineChecks): ParsedLine {
  let raw: unknown;
  try {
    raw = parseCanonicalJson(text, checks.maxJsonDepth);
  } catch (error) {
    const message = error instanceof CanonicalJsonError ? error.message : String(error);
    return { ok: false, reason: 'ENTRY_NOT_CANONICAL', message: `line ${lineNo}: ${message}` };
  }
  if (typeof raw !== 'object' || raw === null || !Object.hasOwn(raw, 'data')) {
    return { ok: false, reason: 'ENTRY_INVALID', message: `line ${lineNo} is not a journal entry with data` };
  }
  // The schema has no defaults or transforms: what passes is the entry as parsed. validate()
  // builds no copy (the compiled schema's check-only path); the issues only for a refusal.
  if (strictEntrySchema.validate(raw)) return { ok: true, entry: raw };
  const parsed = strictEntrySchema.safeParse(raw);
  const issue = parsed.success ? undefined : parsed.error.issues[0];
  return { ok: false, reason: 'ENTRY_INVALID', message: `line ${lineNo}: ${issue ? `${issue.path.join('.') || '(entry)'} ${issue.message}` : 'invalid entry'}` };
}
