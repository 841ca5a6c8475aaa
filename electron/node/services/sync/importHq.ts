// Headquarters imports sites' bundles, in any order. Per bundle: verify (bundles.ts), stream the
// entries into a temporary staging table while checking each record (records.ts), then one
// synchronous transaction checks the chain against what headquarters holds and applies the new
// entries, or nothing. Chain rules (docs/sync.md):
//   continuation (firstSeq = head + 1, previousHead = head)   apply
//   overlap (firstSeq <= head): hashes of the shared seqs agree  skip those, apply the rest
//   gap (firstSeq > head + 1)                                    hold; applied when the gap fills
//   fork (a shared seq or the previous head differs)             reject, alarm
//   the same bundle again, or nothing new                        no-op, saying so
import type { Database } from 'better-sqlite3';
import { canonicalJson } from '../../../common/canonicalJson.js';
import { GENESIS_HASH, type JournalEntry } from '../../../common/journal.js';
import type { ImportResult } from '../../../common/sync/model.js';
import { canonicalDataOf, chainHead, entryMarkingText } from '../../../../db/journal/append.js';
import { type JournalRow, rowToCanonicalLine, rowToEntry } from '../../../../db/journal/rows.js';
import { applyToProjections } from '../../../../db/projections/apply.js';
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
  REGISTERS,
} from '../../../../db/queries/sync.js';
import type { HandlerContext } from '../../context.js';
import type { BundleHeader } from '../../sync/bundleFile.js';
import { parseHeader } from '../../sync/bundleHeader.js';
import type { JournalLine } from '../../sync/journalLines.js';
import { type BundleRejection, rejection } from '../../sync/rejection.js';
import { raiseAlarm } from './alarms.js';
import {
  ImportRejected,
  type OpenedBundle,
  checkBundleLevel,
  openBundle,
  rejectImport,
  rejectedResult,
  rejectionOf,
  result,
} from './bundles.js';
import type { ProgressReporter } from './progress.js';
import { type RecordKind, isRecordKind, recordOf } from '../../../common/journalMarking.js';
import { checkForeignEntry } from './records.js';
import { trustSet } from './trust.js';

const STAGE_BATCH = 500;
const APPLY_PAGE = 1000;

/**
 * Staged entries of one bundle, in the journal's columns (`data` as canonical JSON text, taken
 * from the verified line as it stands), so the journal takes them in one statement. `record` = 1
 * when the entry carries a record's new state (what the registers apply); (kind, entity) finds
 * each record's last state in the bundle.
 */
function ensureStage(db: Database): void {
  db.exec(`CREATE TEMP TABLE IF NOT EXISTS sync_stage (
    token TEXT NOT NULL, seq INTEGER NOT NULL, site_id TEXT NOT NULL, id TEXT NOT NULL, at TEXT NOT NULL, actor TEXT NOT NULL,
    kind TEXT NOT NULL, entity_id TEXT NOT NULL, action TEXT NOT NULL, data TEXT NOT NULL, prev_hash TEXT NOT NULL, hash TEXT NOT NULL,
    marking TEXT NOT NULL, record INTEGER NOT NULL, PRIMARY KEY (token, seq)
  ) WITHOUT ROWID;
  CREATE INDEX IF NOT EXISTS temp.sync_stage_entity ON sync_stage (token, kind, entity_id, record, seq)`);
}

const STAGE_COLUMNS = 'seq, site_id, id, at, actor, kind, entity_id, action, data, prev_hash, hash, marking';

/** A statement staging one verified entry; `line` is its canonical JSON (the bundle's line). */
function stager(db: Database, token: string): (entry: JournalEntry, line: string) => void {
  const insert = db.prepare(
    `INSERT INTO temp.sync_stage (token, ${STAGE_COLUMNS}, record)
     VALUES (@token, @seq, @siteId, @id, @at, @actor, @kind, @entityId, @action, @data, @prevHash, @hash, @marking, @record)`,
  );
  return (entry, line) =>
    insert.run({
      ...entry,
      token,
      data: canonicalDataOf(entry, line) ?? canonicalJson(entry.data),
      marking: entryMarkingText(entry),
      record: carriesRecord(entry) ? 1 : 0,
    });
}

function carriesRecord(entry: JournalEntry): boolean {
  return isRecordKind(entry.kind) && recordOf(entry) !== null;
}

function clearStage(db: Database, token: string): void {
  db.prepare('DELETE FROM temp.sync_stage WHERE token = ?').run(token);
}

/**
 * Verify every file against the sites' trust store; the good ones per site in chain order (so
 * any order of files on the medium gives the same result), the refused ones as results.
 */
export async function openInChainOrder(ctx: HandlerContext, paths: readonly string[], progress: ProgressReporter): Promise<{ opened: OpenedBundle[]; refused: ImportResult[] }> {
  const trust = trustSet(ctx, 'site');
  const refused: ImportResult[] = [];
  const opened: OpenedBundle[] = [];
  progress.update({ phase: 'verifying', total: paths.length, done: 0 });
  for (const [i, path] of paths.entries()) {
    progress.update({ file: path, done: i });
    const verdict = await openBundle(ctx, path, trust);
    if (verdict.ok) opened.push(verdict.bundle);
    else refused.push(rejectedResult(null, path, verdict.rejection));
  }
  opened.sort((a, b) => a.header.siteId.localeCompare(b.header.siteId) || a.header.firstSeq - b.header.firstSeq || b.header.lastSeq - a.header.lastSeq);
  return { opened, refused };
}

/** Import many bundles: verify each, then per site in seq order; release held bundles as gaps fill. */
export async function importAtHq(ctx: HandlerContext, paths: readonly string[], progress: ProgressReporter): Promise<ImportResult[]> {
  const { opened, refused } = await openInChainOrder(ctx, paths, progress);
  const results = [...refused];
  progress.update({ phase: 'importing', total: opened.length, done: 0 });
  for (const [i, bundle] of opened.entries()) {
    progress.update({ file: bundle.path, done: i });
    const outcome = await importOne(ctx, bundle);
    results.push(outcome);
    // Also after a no-op: a re-run after an interrupted import finds the gap already filled and
    // must release what is held just as the uninterrupted import would have.
    results.push(...releaseHeld(ctx, bundle.header.siteId));
  }
  progress.update({ phase: 'done', done: opened.length });
  return results;
}

async function importOne(ctx: HandlerContext, bundle: OpenedBundle): Promise<ImportResult> {
  const h = bundle.header;
  const path = bundle.path;
  try {
    const early = checkBundleLevel(ctx, h) ?? null;
    if (early) throw new ImportRejected(early);
    const noop = alreadyHeld(ctx.db, h);
    if (noop) return result(bundle, path, { outcome: 'already_imported', message: noop });
    const token = ctx.newId();
    ensureStage(ctx.db);
    try {
      await stage(ctx, bundle, token);
      return commit(ctx, bundle, token, null);
    } finally {
      clearStage(ctx.db, token);
    }
  } catch (error) {
    return rejectionResult(ctx, bundle, error);
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
 * Read every entry (each checked by the verifier, then as a record of the sending site) into the
 * staging table. A record check that would raise an alarm waits until the whole payload has
 * been read and matched its signed hash, so a medium that answers the second read differently
 * cannot raise alarms in the site's name.
 */
async function stage(ctx: HandlerContext, bundle: OpenedBundle, token: string): Promise<void> {
  const db = ctx.db;
  const stageOne = stager(db, token);
  const flush = db.transaction((lines: JournalLine[]) => {
    for (const { entry, line } of lines) stageOne(entry, line);
  });
  const limits = { systemHigh: ctx.site.systemHigh, bundleLevel: bundle.header.classification.marking.level };
  let batch: JournalLine[] = [];
  let pending: BundleRejection | null = null;
  for await (const read of (bundle.verified as NonNullable<OpenedBundle['verified']>).lines()) {
    if (pending) continue;
    const bad = checkForeignEntry(read.entry, limits);
    if (bad) {
      pending = bad;
      continue;
    }
    batch.push(read);
    if (batch.length >= STAGE_BATCH) {
      flush(batch);
      batch = [];
    }
  }
  if (pending) throw new ImportRejected(pending);
  flush(batch);
}

/**
 * The chain decision and the application, in one immediate transaction: everything or nothing.
 * `held` is set when the staged entries come from a held bundle (removed here on success).
 */
function commit(ctx: HandlerContext, bundle: OpenedBundle, token: string, held: HeldBundleRow | null): ImportResult {
  const db = ctx.db;
  const h = bundle.header;
  const siteId = h.siteId;
  return db
    .transaction((): ImportResult => {
      const head = chainHead(db, siteId);
      const fromHold = held !== null;
      const done = (message: string): ImportResult => {
        if (held) dropHeld(ctx, held, message, 'released');
        return result(bundle, bundle.path, { outcome: 'already_imported', message, fromHold });
      };
      const nothingNew = alreadyHeld(db, h);
      if (nothingNew && !fromHold) return result(bundle, bundle.path, { outcome: 'already_imported', message: nothingNew });
      if (h.entryCount === 0) return done('the bundle carries no entries: nothing changed');

      if (h.firstSeq > head.seq + 1) return hold(ctx, bundle, token, head.seq + 1);

      const expectedPrevious = h.firstSeq === 1 ? GENESIS_HASH : hashAt(db, siteId, h.firstSeq - 1);
      if (expectedPrevious !== h.previousHead) {
        rejectImport('FORK', `the bundle continues ${siteId} from another history: its previous head at seq ${h.firstSeq - 1} is not the one headquarters holds`, {
          seq: h.firstSeq - 1,
          held: expectedPrevious,
          bundle: h.previousHead,
        });
      }
      const clash = db
        .prepare(
          `SELECT s.seq AS seq, j.hash AS held, s.hash AS theirs FROM temp.sync_stage s
           JOIN journal j ON j.site_id = ? AND j.seq = s.seq
           WHERE s.token = ? AND j.hash <> s.hash ORDER BY s.seq LIMIT 1`,
        )
        .get(siteId, token) as { seq: number; held: string; theirs: string } | undefined;
      if (clash) {
        rejectImport('FORK', `${siteId} seq ${clash.seq} in the bundle differs from the entry headquarters already holds: two histories for one seq`, clash);
      }
      const skipped = Math.max(0, Math.min(head.seq, h.lastSeq) - h.firstSeq + 1);
      if (h.lastSeq <= head.seq) return done(`headquarters already holds every entry of this bundle (seq ${h.firstSeq}-${h.lastSeq}), and they agree: nothing changed`);

      const appliedByKind = applyStaged(db, siteId, token, head.seq);
      const applied = h.lastSeq - head.seq;
      const message = `applied ${applied} entries of ${siteId} (seq ${head.seq + 1}-${h.lastSeq})${skipped > 0 ? `, skipped ${skipped} already held` : ''}${fromHold ? ', from a held bundle' : ''}`;
      ctx.record(
        'bundle',
        h.bundleId,
        'import',
        { ...eventData(bundle), applied, skipped, appliedByKind, fromHold, outcome: 'success' },
        (entry) =>
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
    })
    .immediate();
}

/**
 * Insert the staged entries after `afterSeq` (after checking that none changes a record another
 * site owns), then bring the registers to each record's last state in the bundle. Registers hold
 * a record's whole current state, so applying its last entry gives what applying every entry in
 * turn gives, with a fraction of the writes when a bundle carries a record's several steps.
 * Should the registers refuse the last states (a constraint only an intermediate order
 * satisfies), they are rolled back and every entry is applied in turn, which finds the entry to
 * blame.
 */
function applyStaged(db: Database, siteId: string, token: string, afterSeq: number): Record<string, number> {
  const params = { token, after: afterSeq, site: siteId };
  const foreign = db
    .prepare(
      `SELECT s.seq, s.kind, s.entity_id AS entityId, r.site_id AS owner FROM temp.sync_stage s JOIN (${REGISTER_OWNERS}) r ON r.kind = s.kind AND r.id = s.entity_id
       WHERE s.token = @token AND s.seq > @after AND s.record = 1 AND r.site_id <> @site ORDER BY s.seq LIMIT 1`,
    )
    .get(params) as { seq: number; kind: string; entityId: string; owner: string } | undefined;
  if (foreign) {
    rejectImport('WRONG_SITE_RECORD', `entry seq ${foreign.seq} of ${siteId} changes ${foreign.kind} ${foreign.entityId}, which belongs to ${foreign.owner}`, foreign);
  }
  const ord = (db.prepare('SELECT coalesce(max(ord), 0) AS n FROM journal').get() as { n: number }).n;
  db.prepare(
    `INSERT INTO journal (${STAGE_COLUMNS}, ord)
     SELECT ${STAGE_COLUMNS}, @ord + row_number() OVER (ORDER BY seq) FROM temp.sync_stage WHERE token = @token AND seq > @after ORDER BY seq`,
  ).run({ token, after: afterSeq, ord });
  const byKind = Object.fromEntries(
    (db.prepare('SELECT kind, count(*) AS n FROM temp.sync_stage WHERE token = @token AND seq > @after GROUP BY kind ORDER BY kind').all({ token, after: afterSeq }) as { kind: string; n: number }[]).map(
      (r) => [r.kind, r.n],
    ),
  );
  // Only records travel into headquarters' registers; the site's own sessions, users, settings,
  // identity, trust and alarms stay audit entries in its chain.
  db.exec('SAVEPOINT last_states');
  try {
    forEachStaged(db, LAST_STATES_SQL, token, afterSeq, (entry) => applyToProjections(db, entry));
    db.exec('RELEASE last_states');
  } catch (error) {
    db.exec('ROLLBACK TO last_states; RELEASE last_states');
    if (!isConstraintError(error)) throw error;
    forEachStaged(db, `SELECT ${STAGE_COLUMNS} FROM temp.sync_stage WHERE token = @token AND seq > @after AND record = 1 ORDER BY seq LIMIT @limit`, token, afterSeq, (entry) =>
      applyRecord(db, entry),
    );
  }
  return byKind;
}

/** Every register's records with their owner, for the ownership check. */
const REGISTER_OWNERS = (Object.entries(REGISTERS) as [RecordKind, string][]).map(([kind, table]) => `SELECT '${kind}' AS kind, id, site_id FROM ${table}`).join(' UNION ALL ');

/** Each record's last staged state, in seq order. */
const LAST_STATES_SQL = `SELECT ${STAGE_COLUMNS
  .split(', ')
  .map((c) => `s.${c}`)
  .join(', ')} FROM temp.sync_stage s
  WHERE s.token = @token AND s.seq > @after AND s.record = 1
    AND NOT EXISTS (SELECT 1 FROM temp.sync_stage t WHERE t.token = s.token AND t.kind = s.kind AND t.entity_id = s.entity_id AND t.record = 1 AND t.seq > s.seq)
  ORDER BY s.seq LIMIT @limit`;

/** Page through staged rows in seq order (a page at a time: flat memory, and no statement left open while writing). */
function forEachStaged(db: Database, sql: string, token: string, afterSeq: number, visit: (entry: JournalEntry, row: JournalRow) => void): void {
  const page = db.prepare(sql);
  let after = afterSeq;
  for (;;) {
    const rows = page.all({ token, after, limit: APPLY_PAGE }) as JournalRow[];
    for (const row of rows) visit(rowToEntry(row), row);
    if (rows.length < APPLY_PAGE) return;
    after = (rows[rows.length - 1] as JournalRow).seq;
  }
}

function isConstraintError(error: unknown): boolean {
  return error instanceof Error && 'code' in error && String(error.code).startsWith('SQLITE_CONSTRAINT');
}

/** A record the registers refuse (a second live control number, say) refuses the bundle, not the whole call. */
function applyRecord(db: Database, entry: JournalEntry): void {
  try {
    applyToProjections(db, entry);
  } catch (error) {
    if (error instanceof Error && isConstraintError(error)) {
      rejectImport('RECORD_INVALID', `entry seq ${entry.seq}: the ${entry.kind} record breaks a rule of the registers (${error.message})`, {
        seq: entry.seq,
        kind: entry.kind,
        entityId: entry.entityId,
      });
    }
    throw error;
  }
}

function hold(ctx: HandlerContext, bundle: OpenedBundle, token: string, waitingForSeq: number): ImportResult {
  const db = ctx.db;
  const h = bundle.header;
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
    // Kept as the canonical lines the bundle carried, rebuilt from the staged columns as export builds them.
    const keep = db.prepare('INSERT INTO held_entries (bundle_id, seq, entry) VALUES (?, ?, ?)');
    forEachStaged(db, `SELECT ${STAGE_COLUMNS} FROM temp.sync_stage WHERE token = @token AND seq > @after ORDER BY seq LIMIT @limit`, token, 0, (_entry, row) =>
      keep.run(h.bundleId, row.seq, rowToCanonicalLine(row)),
    );
    insertBundleEvent(db, { ...eventRow(bundle, ctx, entry), event: 'held', message });
  });
  return result(bundle, bundle.path, { outcome: 'held', message, waitingForSeq });
}

/** Apply the held bundles of a site that now continue its chain, lowest first, until none does. */
function releaseHeld(ctx: HandlerContext, siteId: string): ImportResult[] {
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
    const token = ctx.newId();
    ensureStage(db);
    try {
      const stageOne = stager(db, token);
      const page = db.prepare('SELECT seq, entry FROM held_entries WHERE bundle_id = ? AND seq > ? ORDER BY seq LIMIT ?');
      for (let after = 0; ; ) {
        const rows = page.all(next.bundleId, after, APPLY_PAGE) as { seq: number; entry: string }[];
        for (const row of rows) stageOne(JSON.parse(row.entry) as JournalEntry, row.entry);
        if (rows.length < APPLY_PAGE) break;
        after = (rows[rows.length - 1] as { seq: number }).seq;
      }
      out.push(commit(ctx, bundle, token, next));
    } catch (error) {
      const failed = rejectionResult(ctx, bundle, error);
      dropHeld(ctx, next, failed.message, 'dropped');
      out.push({ ...failed, fromHold: true });
    } finally {
      clearStage(db, token);
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
