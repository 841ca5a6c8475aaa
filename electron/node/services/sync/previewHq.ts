// Headquarters' preview of a set of bundles: what importing exactly these files would do, changing
// nothing. The files are judged together, in the order an import applies them (per site, in
// chain order), against the heads headquarters holds moved forward by the files before them: a
// bundle that starts after a gap another file of the set fills is shown as applied, not held,
// and bundles held back by earlier imports that the set would release are listed too.
import type { Database } from 'better-sqlite3';
import { chainHead } from '../../../../db/journal/append.js';
import { hashAt, heldBundles, heldEntryKinds, recordOwner } from '../../../../db/queries/sync.js';
import { GENESIS_HASH } from '../../../common/journal.js';
import type { ImportResult } from '../../../common/sync/model.js';
import type { HandlerContext } from '../../context.js';
import { BundleRejectedError } from '../../sync/bundleFile.js';
import { parseHeader } from '../../sync/bundleHeader.js';
import { type BundleRejection, rejection } from '../../sync/rejection.js';
import { type OpenedBundle, checkBundleLevel, rejectedResult, result } from './bundles.js';
import { alreadyHeld, openInChainOrder } from './importHq.js';
import type { ProgressReporter } from './progress.js';
import { isRecordKind, recordOf } from '../../../common/journalMarking.js';
import { checkForeignEntry } from './records.js';

/** A site's chain as it would stand after the files previewed so far. */
interface SimulatedHead {
  seq: number;
  hash: string;
  /** The seq up to which headquarters itself holds entries (hashes below it can be read). */
  heldSeq: number;
}

interface Simulation {
  heads: Map<string, SimulatedHead>;
  /** Bundle ids judged already in this set (a second copy of a file changes nothing). */
  seen: Set<string>;
}

export async function previewSetAtHq(ctx: HandlerContext, paths: readonly string[], progress: ProgressReporter): Promise<ImportResult[]> {
  const { opened, refused } = await openInChainOrder(ctx, paths, progress);
  const results = [...refused];
  const sim: Simulation = { heads: new Map(), seen: new Set() };
  progress.update({ phase: 'checking', total: opened.length, done: 0 });
  for (const [i, bundle] of opened.entries()) {
    progress.update({ file: bundle.path, done: i });
    const judged = await previewOne(ctx, bundle, sim);
    results.push(judged);
    if (judged.outcome === 'applied') results.push(...releasedFromHold(ctx, sim, bundle.header.siteId));
  }
  progress.update({ phase: 'done', done: opened.length });
  return results;
}

function headOf(db: Database, sim: Simulation, siteId: string): SimulatedHead {
  let head = sim.heads.get(siteId);
  if (!head) {
    const held = chainHead(db, siteId);
    head = { seq: held.seq, hash: held.hash, heldSeq: held.seq };
    sim.heads.set(siteId, head);
  }
  return head;
}

/**
 * Bundles held back by earlier imports that now continue the simulated chain, lowest first, as
 * the import's release would apply them (their entries were checked when they were held).
 */
function releasedFromHold(ctx: HandlerContext, sim: Simulation, siteId: string): ImportResult[] {
  const out: ImportResult[] = [];
  for (;;) {
    const head = headOf(ctx.db, sim, siteId);
    const next = heldBundles(ctx.db, siteId).find((b) => !sim.seen.has(b.bundleId) && b.firstSeq <= head.seq + 1);
    if (!next) return out;
    sim.seen.add(next.bundleId);
    const parsed = parseHeader(next.header);
    if (!parsed.ok) throw new Error(`held bundle ${next.bundleId} has an unreadable header`);
    const bundle: OpenedBundle = { path: null, fileName: next.fileName, header: parsed.value, signerKeyId: next.signerKeyId, verified: null };
    if (next.lastSeq <= head.seq) {
      out.push(result(bundle, null, { outcome: 'already_imported', fromHold: true, message: `held since ${next.heldAt}; everything in it arrives with the chosen files: it would be dropped as already held` }));
      continue;
    }
    const byKind = heldEntryKinds(ctx.db, next.bundleId, head.seq);
    const applied = Object.values(byKind).reduce((a, b) => a + b, 0);
    out.push(
      result(bundle, null, {
        outcome: 'applied',
        fromHold: true,
        applied,
        skipped: Math.max(0, head.seq - next.firstSeq + 1),
        appliedByKind: byKind,
        message: `held back since ${next.heldAt}: would be applied as the chosen files fill the gap before it (${applied} entries of ${siteId})`,
      }),
    );
    sim.heads.set(siteId, { ...head, seq: next.lastSeq, hash: next.head });
  }
}

/** One file against the simulated chains; moves them on when it would apply. */
async function previewOne(ctx: HandlerContext, bundle: OpenedBundle, sim: Simulation): Promise<ImportResult> {
  const db = ctx.db;
  const h = bundle.header;
  const path = bundle.path;
  const level = checkBundleLevel(ctx, h);
  if (level) return rejectedResult(bundle, path, level);
  if (sim.seen.has(h.bundleId)) return result(bundle, path, { outcome: 'already_imported', message: `the same bundle (${h.bundleId}) is chosen twice: the second copy changes nothing` });
  const noop = alreadyHeld(db, h);
  if (noop) return result(bundle, path, { outcome: 'already_imported', message: noop });
  const head = headOf(db, sim, h.siteId);
  const hashBefore = (seq: number): string | undefined => (seq === 0 ? GENESIS_HASH : seq === head.seq ? head.hash : seq <= head.heldSeq ? hashAt(db, h.siteId, seq) : undefined);
  const gap = h.firstSeq > head.seq + 1;
  let pending: BundleRejection | null = null;
  if (!gap) {
    const expected = hashBefore(h.firstSeq - 1);
    if (expected !== undefined && expected !== h.previousHead) pending = rejection('FORK', `the bundle continues ${h.siteId} from another history at seq ${h.firstSeq - 1}`, { seq: h.firstSeq - 1 });
  }
  const limits = { systemHigh: ctx.site.systemHigh, bundleLevel: h.classification.marking.level };
  const byKind: Record<string, number> = {};
  let skipped = 0;
  try {
    for await (const entry of (bundle.verified as NonNullable<OpenedBundle['verified']>).entries()) {
      if (pending) continue;
      pending = checkForeignEntry(entry, limits);
      if (pending) continue;
      if (!gap && entry.seq <= head.seq) {
        // Entries headquarters holds are compared hash by hash; those another file of the set
        // would bring are compared by the import itself.
        const held = entry.seq <= head.heldSeq ? hashAt(db, h.siteId, entry.seq) : undefined;
        if (held !== undefined && held !== entry.hash) pending = rejection('FORK', `${h.siteId} seq ${entry.seq} differs from the entry headquarters holds`, { seq: entry.seq });
        else skipped += 1;
        continue;
      }
      const record = recordOf(entry);
      if (record !== null && isRecordKind(entry.kind)) {
        const owner = recordOwner(db, entry.kind, entry.entityId);
        if (owner !== undefined && owner !== h.siteId) pending = rejection('WRONG_SITE_RECORD', `entry seq ${entry.seq} changes ${entry.kind} ${entry.entityId}, which belongs to ${owner}`, { seq: entry.seq });
      }
      byKind[entry.kind] = (byKind[entry.kind] ?? 0) + 1;
    }
  } catch (error) {
    if (error instanceof BundleRejectedError) return rejectedResult(bundle, path, error.rejection);
    throw error;
  }
  if (pending) return rejectedResult(bundle, path, pending);
  sim.seen.add(h.bundleId);
  const applied = Object.values(byKind).reduce((a, b) => a + b, 0);
  if (gap) {
    return result(bundle, path, {
      outcome: 'held',
      message: `would be held back: ${h.siteId} seq ${h.firstSeq}-${h.lastSeq} starts after a gap (waiting for seq ${head.seq + 1}, which none of the chosen files brings)`,
      waitingForSeq: head.seq + 1,
      appliedByKind: byKind,
    });
  }
  if (h.lastSeq <= head.seq) {
    return result(bundle, path, { outcome: 'already_imported', message: `every entry of this bundle (seq ${h.firstSeq}-${h.lastSeq}) arrives with another chosen file or is already held: nothing would change`, skipped });
  }
  sim.heads.set(h.siteId, { ...head, seq: h.lastSeq, hash: h.head });
  return result(bundle, path, {
    outcome: 'applied',
    message: `would apply ${applied} entries of ${h.siteId}${skipped > 0 ? ` and skip ${skipped} already held or brought by another chosen file` : ''}`,
    applied,
    skipped,
    appliedByKind: byKind,
  });
}
