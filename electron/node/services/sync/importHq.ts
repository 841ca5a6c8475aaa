// Headquarters imports sites' bundles, in any order. Per bundle: verify (bundles.ts), then, with
// the connection to itself, one transaction that checks the chain against what headquarters
// holds and takes in the entries as the verify worker passes them (bundleIntake.ts), or nothing.
// Chain rules (docs/sync.md):
//   continuation (firstSeq = head + 1, previousHead = head)   apply
//   overlap (firstSeq <= head): hashes of the shared seqs agree  skip those, apply the rest
//   gap (firstSeq > head + 1)                                    hold; applied when the gap fills
//   fork (a shared seq or the previous head differs)             reject, alarm
//   the same bundle again, or nothing new                        no-op, saying so
import type { Database } from 'better-sqlite3';
import { canonicalJson } from '../../../common/canonicalJson.js';
import { GENESIS_HASH, type JournalEntry } from '../../../common/journal.js';
import type { ImportResult } from '../../../common/sync/model.js';
import { inAsyncTransaction } from '../../../../db/asyncTransaction.js';
import { chainHead } from '../../../../db/journal/append.js';
import { rowToCanonicalLine } from '../../../../db/journal/rows.js';
import {
  type HeldBundleRow,
  deleteHeldBundle,
  findHeldBundle,
  findTrust,
  hashAt,
  heldBundles,
  insertBundleEvent,
  insertHeldBundle,
  lastBundleEvent,
} from '../../../../db/queries/sync.js';
import type { HandlerContext } from '../../context.js';
import { withCheckpointAfter } from '../../db/walCheckpoints.js';
import type { BundleHeader } from '../../sync/bundleFile.js';
import { parseHeader } from '../../sync/bundleHeader.js';
import { checkPayloadHash } from '../../sync/payloadBatches.js';
import { rejection } from '../../sync/rejection.js';
import { raiseAlarm } from './alarms.js';
import { BundleIntake } from './bundleIntake.js';
import { type OpenedBundle, checkBundleLevel, openBundle, rejectedResult, rejectionOf, result } from './bundles.js';
import { type CheckedRow, checkedRow } from './checkedRows.js';
import { ImportRejected, rejectImport } from './importRejected.js';
import type { ProgressReporter } from './progress.js';
import { trustSet } from './trust.js';
import { type VerifyWorkers, startVerifyWorkers, verifiedRows } from './verifiedRows.js';

/** Held entries read back per page when a held bundle is released. */
const HELD_PAGE = 1000;

/** A bundle's checked rows in seq order, from the verify worker or from a held bundle. */
type RowBatches = AsyncIterable<CheckedRow[]> | Iterable<CheckedRow[]>;

/**
 * Verify every file against the sites' trust store; the good ones per site in chain order (so
 * any order of files on the medium gives the same result), the refused ones as results.
 */
export async function openInChainOrder(
  ctx: HandlerContext,
  paths: readonly string[],
  progress: ProgressReporter,
  options: { payloadHashWhileReading?: boolean } = {},
): Promise<{ opened: OpenedBundle[]; refused: ImportResult[] }> {
  const trust = trustSet(ctx, 'site');
  const refused: ImportResult[] = [];
  const opened: OpenedBundle[] = [];
  progress.update({ phase: 'verifying', total: paths.length, done: 0 });
  for (const [i, path] of paths.entries()) {
    progress.update({ file: path, done: i });
    const verdict = await openBundle(ctx, path, trust, options);
    if (verdict.ok) opened.push(verdict.bundle);
    else refused.push(rejectedResult(null, path, verdict.rejection));
  }
  opened.sort((a, b) => a.header.siteId.localeCompare(b.header.siteId) || a.header.firstSeq - b.header.firstSeq || b.header.lastSeq - a.header.lastSeq);
  return { opened, refused };
}

/** Import many bundles: verify each, then per site in seq order; release held bundles as gaps fill. */
export async function importAtHq(ctx: HandlerContext, paths: readonly string[], progress: ProgressReporter): Promise<ImportResult[]> {
  // The WAL the bundles leave is copied back into the database file by a worker thread.
  return withCheckpointAfter(ctx.db, () => importEach(ctx, paths, progress), {
    onWorkerUnavailable: (error) => ctx.options.logError?.('the checkpoint worker could not run; checkpointing in the importing thread', error),
  });
}

async function importEach(ctx: HandlerContext, paths: readonly string[], progress: ProgressReporter): Promise<ImportResult[]> {
  // The first bundle's verify workers load while the files are verified.
  let ahead = paths.length > 0 ? startVerifyWorkers() : null;
  try {
    // Each payload is hashed as its rows are read, not before as well: the import reads it once
    // more anyway (and hashes it first where it decides without its rows).
    const { opened, refused } = await openInChainOrder(ctx, paths, progress, { payloadHashWhileReading: true });
    const results = [...refused];
    progress.update({ phase: 'importing', total: opened.length, done: 0 });
    for (const [i, bundle] of opened.entries()) {
      progress.update({ file: bundle.path, done: i });
      const workers = ahead ?? startVerifyWorkers();
      ahead = null;
      const outcome = await importOne(ctx, bundle, workers);
      results.push(outcome);
      // Also after a no-op: a re-run after an interrupted import finds the gap already filled and
      // must release what is held just as the uninterrupted import would have.
      results.push(...(await releaseHeld(ctx, bundle.header.siteId)));
    }
    progress.update({ phase: 'done', done: opened.length });
    return results;
  } finally {
    ahead?.close();
  }
}

/** One bundle, checked by `workers` (stopped here, used or not) or in this thread when null. */
async function importOne(ctx: HandlerContext, bundle: OpenedBundle, workers: VerifyWorkers | null): Promise<ImportResult> {
  const h = bundle.header;
  try {
    const verified = bundle.verified as NonNullable<OpenedBundle['verified']>;
    const early = checkBundleLevel(ctx, h);
    const noop = alreadyHeld(ctx.db, h);
    if (early || noop) await checkPayloadHash(verified.payload);
    if (early) throw new ImportRejected(early);
    if (noop) return result(bundle, bundle.path, { outcome: 'already_imported', message: noop });
    return await ctx.exclusively(async () => {
      const rows = verifiedRows(verified.payload, { systemHigh: ctx.site.systemHigh, bundleLevel: h.classification.marking.level }, {
        workers,
        onWorkersUnavailable: (error) => ctx.options.logError?.('the verify workers could not start; verifying in the importing thread', error),
      });
      try {
        return await inAsyncTransaction(ctx.db, () => takeIn(ctx, bundle, rows, null));
      } finally {
        // Stops the verify workers when the import decided before reading every row (a no-op, a fork at the boundary).
        await rows.return(undefined);
      }
    });
  } catch (error) {
    return rejectionResult(ctx, bundle, error);
  } finally {
    workers?.close();
  }
}

/** A rejection as a result; an alarm first when it is a security event. */
function rejectionResult(ctx: HandlerContext, bundle: OpenedBundle, error: unknown): ImportResult {
  const why = rejectionOf(error);
  if (!why) throw error;
  let alarmId: string | null = null;
  if (error instanceof ImportRejected && error.alarm) {
    alarmId = raiseAlarm(ctx, { siteId: bundle.header.siteId, bundleId: bundle.header.bundleId, fileName: bundle.fileName }, why).id;
  }
  return rejectedResult(bundle, bundle.path, why, alarmId);
}

/** A no-op message when this bundle (or everything it carries) is already here. */
export function alreadyHeld(db: Database, h: BundleHeader): string | null {
  const imported = lastBundleEvent(db, h.bundleId, ['imported', 'released']);
  if (imported) return `bundle ${h.bundleId} was already imported on ${imported.at} by ${imported.actor}: nothing changed`;
  const held = findHeldBundle(db, h.bundleId);
  if (held) return `bundle ${h.bundleId} is already held back, waiting for seq ${chainHead(db, h.siteId).seq + 1}: nothing changed`;
  const head = chainHead(db, h.siteId);
  if (h.lastSeq <= head.seq && (h.lastSeq === 0 ? GENESIS_HASH : hashAt(db, h.siteId, h.lastSeq)) === h.head) {
    return `headquarters already holds ${h.siteId} up to seq ${head.seq}, which includes everything in this bundle (seq ${h.firstSeq}-${h.lastSeq}): nothing changed`;
  }
  if (h.entryCount === 0) return `the bundle carries no entries: nothing changed`;
  return null;
}


/**
 * The chain decision and the writing, inside the import's transaction. `held` is set when the
 * rows come from a held bundle (removed here on success). Throws ImportRejected or
 * BundleRejectedError; the caller rolls back.
 */
async function takeIn(ctx: HandlerContext, bundle: OpenedBundle, batches: RowBatches, held: HeldBundleRow | null): Promise<ImportResult> {
  const db = ctx.db;
  const h = bundle.header;
  const siteId = h.siteId;
  const head = chainHead(db, siteId);
  const fromHold = held !== null;
  const done = (message: string): ImportResult => {
    if (held) dropHeld(ctx, held, message, 'released');
    return result(bundle, bundle.path, { outcome: 'already_imported', message, fromHold });
  };
  const nothingNew = alreadyHeld(db, h);
  const gap = h.firstSeq > head.seq + 1;
  const expectedPrevious = gap ? null : h.firstSeq === 1 ? GENESIS_HASH : hashAt(db, siteId, h.firstSeq - 1);
  const fork = !gap && expectedPrevious !== h.previousHead;
  // Decided without reading the rows: a payload not yet hashed is hashed first, so that a changed
  // file is refused as such and not, say, reported as a fork.
  if (((nothingNew && !fromHold) || h.entryCount === 0 || fork) && !held && bundle.verified) await checkPayloadHash(bundle.verified.payload);
  if (nothingNew && !fromHold) return result(bundle, bundle.path, { outcome: 'already_imported', message: nothingNew });
  if (h.entryCount === 0) return done('the bundle carries no entries: nothing changed');
  if (gap) return hold(ctx, bundle, batches, head.seq + 1);
  if (fork) {
    rejectImport('FORK', `the bundle continues ${siteId} from another history: its previous head at seq ${h.firstSeq - 1} is not the one headquarters holds`, {
      seq: h.firstSeq - 1,
      held: expectedPrevious,
      bundle: h.previousHead,
    });
  }
  const intake = new BundleIntake(db, siteId, head);
  // The iteration ends only once the payload matched its signed hash (or throws).
  for await (const rows of batches) intake.add(rows);
  const clash = intake.clash;
  if (clash) rejectImport('FORK', `${siteId} seq ${clash.seq} in the bundle differs from the entry headquarters already holds: two histories for one seq`, { ...clash });
  const skipped = Math.max(0, Math.min(head.seq, h.lastSeq) - h.firstSeq + 1);
  if (h.lastSeq <= head.seq) return done(`headquarters already holds every entry of this bundle (seq ${h.firstSeq}-${h.lastSeq}), and they agree: nothing changed`);

  intake.finish();
  const appliedByKind = intake.appliedByKind();
  const applied = h.lastSeq - head.seq;
  const message = `applied ${applied} entries of ${siteId} (seq ${head.seq + 1}-${h.lastSeq})${skipped > 0 ? `, skipped ${skipped} already held` : ''}${fromHold ? ', from a held bundle' : ''}`;
  ctx.record('bundle', h.bundleId, 'import', { ...eventData(bundle), applied, skipped, appliedByKind, fromHold, outcome: 'success' }, (entry) =>
    insertBundleEvent(db, {
      ...eventRow(bundle, ctx, entry),
      event: fromHold ? 'released' : 'imported',
      applied,
      skipped,
      message,
    }),
  );
  if (held) deleteHeldBundle(db, held.bundleId);
  return result(bundle, bundle.path, { outcome: 'applied', message, applied, skipped, appliedByKind, fromHold });
}

/**
 * Keep a bundle that starts after a gap: its entries as the canonical lines it carried (rebuilt
 * from the checked rows as export builds them), read to the end so only a payload that matched
 * its signed hash is held.
 */
async function hold(ctx: HandlerContext, bundle: OpenedBundle, batches: RowBatches, waitingForSeq: number): Promise<ImportResult> {
  const db = ctx.db;
  const h = bundle.header;
  // The entries go in before the bundle's row they refer to: the key is checked at commit.
  db.pragma('defer_foreign_keys = ON');
  const keep = db.prepare('INSERT INTO held_entries (bundle_id, seq, entry) VALUES (?, ?, ?)');
  for await (const rows of batches) for (const row of rows) keep.run(h.bundleId, row.seq, rowToCanonicalLine(row));
  const message = `held back: ${h.siteId} seq ${h.firstSeq}-${h.lastSeq} starts after a gap; waiting for seq ${waitingForSeq}, then it is applied automatically`;
  ctx.record('bundle', h.bundleId, 'hold', { ...eventData(bundle), waitingForSeq, outcome: 'held' }, (entry) => {
    insertHeldBundle(db, {
      bundleId: h.bundleId,
      siteId: h.siteId,
      fileName: bundle.fileName,
      firstSeq: h.firstSeq,
      lastSeq: h.lastSeq,
      previousHead: h.previousHead,
      head: h.head,
      header: canonicalJson(h),
      signerKeyId: bundle.signerKeyId,
      classification: h.classification.banner,
      heldAt: entry.at,
      heldBy: entry.actor,
    });
    insertBundleEvent(db, { ...eventRow(bundle, ctx, entry), event: 'held', message });
  });
  return result(bundle, bundle.path, { outcome: 'held', message, waitingForSeq });
}

/** The rows of a held bundle, read back from the lines kept when it was held (checked then). */
function* heldRows(db: Database, bundleId: string): Generator<CheckedRow[], void, undefined> {
  const page = db.prepare('SELECT seq, entry FROM held_entries WHERE bundle_id = ? AND seq > ? ORDER BY seq LIMIT ?');
  for (let after = 0; ; ) {
    const rows = page.all(bundleId, after, HELD_PAGE) as { seq: number; entry: string }[];
    yield rows.map((row) => checkedRow(JSON.parse(row.entry) as JournalEntry, row.entry));
    if (rows.length < HELD_PAGE) return;
    after = (rows[rows.length - 1] as { seq: number }).seq;
  }
}

/** Apply the held bundles of a site that now continue its chain, lowest first, until none does. */
async function releaseHeld(ctx: HandlerContext, siteId: string): Promise<ImportResult[]> {
  const db = ctx.db;
  const out: ImportResult[] = [];
  for (;;) {
    const head = chainHead(db, siteId);
    const next = heldBundles(db, siteId).find((b) => b.firstSeq <= head.seq + 1);
    if (!next) return out;
    const parsed = parseHeader(next.header);
    if (!parsed.ok) throw new Error(`held bundle ${next.bundleId} has an unreadable header`);
    const bundle: OpenedBundle = { path: null, fileName: next.fileName, header: parsed.value, signerKeyId: next.signerKeyId, verified: null };
    const signer = findTrust(db, next.signerKeyId);
    if (!signer || signer.revokedAt !== null) {
      const why = rejection('SIGNER_REVOKED', `held bundle ${next.fileName} was signed by a key revoked since it arrived; dropped`, { bundleId: next.bundleId });
      dropHeld(ctx, next, why.message, 'dropped');
      out.push({ ...rejectedResult(bundle, null, why), fromHold: true });
      continue;
    }
    try {
      out.push(await ctx.exclusively(() => inAsyncTransaction(db, () => takeIn(ctx, bundle, heldRows(db, next.bundleId), next))));
    } catch (error) {
      const failed = rejectionResult(ctx, bundle, error);
      dropHeld(ctx, next, failed.message, 'dropped');
      out.push({ ...failed, fromHold: true });
    }
  }
}

function dropHeld(ctx: HandlerContext, held: HeldBundleRow, message: string, event: 'released' | 'dropped'): void {
  const db = ctx.db;
  const parsed = parseHeader(held.header);
  if (!parsed.ok) throw new Error(`held bundle ${held.bundleId} has an unreadable header`);
  const bundle: OpenedBundle = { path: null, fileName: held.fileName, header: parsed.value, signerKeyId: held.signerKeyId, verified: null };
  ctx.record('bundle', held.bundleId, event === 'dropped' ? 'drop_held' : 'release_held', { ...eventData(bundle), reason: message }, (entry) => {
    deleteHeldBundle(db, held.bundleId);
    insertBundleEvent(db, { ...eventRow(bundle, ctx, entry), event, message });
  });
}

function eventData(bundle: OpenedBundle): Record<string, unknown> {
  const h = bundle.header;
  return {
    bundleId: h.bundleId,
    fileName: bundle.fileName,
    direction: h.direction,
    siteId: h.siteId,
    recipient: h.recipient,
    firstSeq: h.firstSeq,
    lastSeq: h.lastSeq,
    previousHead: h.previousHead,
    head: h.head,
    entryCount: h.entryCount,
    classification: h.classification.banner,
    signerKeyId: bundle.signerKeyId,
  };
}

function eventRow(bundle: OpenedBundle, ctx: HandlerContext, entry: JournalEntry) {
  const h = bundle.header;
  return {
    bundleId: h.bundleId,
    direction: h.direction,
    siteId: h.siteId,
    recipient: h.recipient,
    firstSeq: h.firstSeq,
    lastSeq: h.lastSeq,
    head: h.head,
    classification: h.classification.banner,
    fileName: bundle.fileName,
    applied: 0,
    skipped: 0,
    at: entry.at,
    actor: entry.actor,
    journalSite: ctx.site.siteId,
    journalSeq: entry.seq,
  };
}
