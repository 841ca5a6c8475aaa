// A site imports headquarters' acknowledgement: signed by a headquarters key this site trusts,
// for this site, not expired, one `acknowledge` entry whose head is one this site's journal
// actually has (else an alarm: headquarters holds a history the site never wrote). Then the
// entries up to that head count as delivered: the next export starts after them.
import type { JournalEntry } from '../../../common/journal.js';
import { type AckData, type ImportResult, ackDataSchema } from '../../../common/sync/model.js';
import { findTrust, hashAt, insertBundleEvent, lastBundleEvent, readAck, writeAck } from '../../../../db/queries/sync.js';
import type { HandlerContext } from '../../context.js';
import { BundleRejectedError } from '../../sync/bundleFile.js';
import type { TrustRecord } from '../../../common/sync/model.js';
import { raiseAlarm } from './alarms.js';
import { type OpenedBundle, checkBundleLevel, openBundle, rejectedResult, rejectionOf, result } from './bundles.js';
import { ImportRejected, rejectImport } from './importRejected.js';
import type { ProgressReporter } from './progress.js';
import { trustSet } from './trust.js';

interface AckCheck {
  bundle: OpenedBundle;
  ack: AckData;
  hqEntry: JournalEntry;
  /** Set when the acknowledgement changes nothing. */
  noop: string | null;
}

/** Everything but the write; throws ImportRejected / BundleRejectedError. */
async function checkAck(ctx: HandlerContext, bundle: OpenedBundle): Promise<AckCheck> {
  const h = bundle.header;
  const level = checkBundleLevel(ctx, h);
  if (level) throw new ImportRejected(level);
  const seen = lastBundleEvent(ctx.db, h.bundleId, ['imported']);
  if (h.entryCount !== 1) rejectImport('ACK_INVALID', `an acknowledgement carries exactly one entry, this bundle ${h.entryCount}`);
  const entries: JournalEntry[] = [];
  for await (const entry of (bundle.verified as NonNullable<OpenedBundle['verified']>).entries()) entries.push(entry);
  const hqEntry = entries[0] as JournalEntry;
  if (hqEntry.kind !== 'bundle' || hqEntry.action !== 'acknowledge') rejectImport('ACK_INVALID', `the entry is ${hqEntry.kind}/${hqEntry.action}, not an acknowledgement`);
  const parsed = ackDataSchema.safeParse(hqEntry.data);
  if (!parsed.success) rejectImport('ACK_INVALID', `the acknowledgement is malformed: ${parsed.error.issues[0]?.path.join('.') ?? ''} ${parsed.error.issues[0]?.message ?? ''}`);
  const ack = parsed.data;
  const own = ctx.site.siteId;
  if (ack.siteId !== own || hqEntry.entityId !== own) rejectImport('ACK_INVALID', `the acknowledgement is for ${ack.siteId}, not ${own}`, { siteId: ack.siteId });
  if (ack.bundleId !== h.bundleId || ack.expiresAt !== h.expiresAt) rejectImport('ACK_INVALID', 'the acknowledgement does not match its bundle header (id or expiry)');
  if (seen) return { bundle, ack, hqEntry, noop: `acknowledgement ${h.bundleId} was already imported on ${seen.at}: nothing changed` };
  const current = readAck(ctx.db);
  if (current && ack.acknowledged.seq <= current.seq) {
    return { bundle, ack, hqEntry, noop: `headquarters acknowledges up to seq ${ack.acknowledged.seq}; seq ${current.seq} was already acknowledged: nothing changed` };
  }
  const mine = hashAt(ctx.db, own, ack.acknowledged.seq);
  if (mine !== ack.acknowledged.hash) {
    rejectImport(
      'ACK_MISMATCH',
      mine === undefined
        ? `headquarters acknowledges seq ${ack.acknowledged.seq}, which this site never wrote`
        : `headquarters acknowledges seq ${ack.acknowledged.seq} with a hash this site's journal does not have: headquarters holds another history`,
      { seq: ack.acknowledged.seq, acknowledged: ack.acknowledged.hash, held: mine ?? null },
    );
  }
  return { bundle, ack, hqEntry, noop: null };
}

export async function importAcks(ctx: HandlerContext, paths: readonly string[], progress: ProgressReporter): Promise<ImportResult[]> {
  const trust = trustSet(ctx, 'hq');
  const results: ImportResult[] = [];
  progress.update({ phase: 'importing', total: paths.length, done: 0 });
  for (const [i, path] of paths.entries()) {
    progress.update({ file: path, done: i });
    const opened = await openBundle(ctx, path, trust);
    if (!opened.ok) {
      results.push(rejectedResult(null, path, opened.rejection));
      continue;
    }
    results.push(await importOne(ctx, opened.bundle));
  }
  progress.update({ phase: 'done', done: paths.length });
  return results;
}

async function importOne(ctx: HandlerContext, bundle: OpenedBundle): Promise<ImportResult> {
  let check: AckCheck;
  try {
    check = await checkAck(ctx, bundle);
  } catch (error) {
    const why = rejectionOf(error);
    if (!why) throw error;
    const alarmId = error instanceof ImportRejected && error.alarm ? raiseAlarm(ctx, { siteId: bundle.header.siteId, bundleId: bundle.header.bundleId, fileName: bundle.fileName }, why).id : null;
    return rejectedResult(bundle, bundle.path, why, alarmId);
  }
  const { ack, hqEntry } = check;
  const acknowledged = { seq: ack.acknowledged.seq, hash: ack.acknowledged.hash, notes: ack.notes };
  if (check.noop) return result(bundle, bundle.path, { outcome: 'already_imported', message: check.noop, acknowledged });
  const h = bundle.header;
  const message = `headquarters (${h.siteId}) acknowledged this site's journal up to seq ${ack.acknowledged.seq}`;
  const db = ctx.db;
  db.transaction(() => {
    ctx.record(
      'bundle',
      h.bundleId,
      'ack_import',
      {
        bundleId: h.bundleId,
        fileName: bundle.fileName,
        hqSiteId: h.siteId,
        acknowledged: ack.acknowledged,
        notes: ack.notes,
        expiresAt: ack.expiresAt,
        hqEntry: { seq: hqEntry.seq, hash: hqEntry.hash },
        signerKeyId: bundle.signerKeyId,
        outcome: 'success',
      },
      (entry) => {
        writeAck(db, { seq: ack.acknowledged.seq, hash: ack.acknowledged.hash, bundleId: h.bundleId, hqSiteId: h.siteId, notes: ack.notes, importedAt: entry.at });
        insertBundleEvent(db, {
          bundleId: h.bundleId,
          event: 'imported',
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
          message,
          journalSite: ctx.site.siteId,
          journalSeq: entry.seq,
        });
      },
    );
    // Revocations only ever take trust away, so they apply from a signed bundle; new keys never do.
    for (const revocation of ack.revocations) {
      const trusted = findTrust(db, revocation.keyId);
      if (!trusted || trusted.revokedAt !== null) continue;
      const revoked: TrustRecord = { ...trusted, revokedAt: ctx.nowIso(), revokedBy: ctx.actor(), revokeReason: `revoked by headquarters: ${revocation.reason}` };
      ctx.record('trust', trusted.keyId, 'revoke', { record: revoked, reason: revoked.revokeReason, fromBundle: h.bundleId, securityRelevant: true });
    }
  }).immediate();
  return result(bundle, bundle.path, { outcome: 'applied', message, acknowledged });
}

/** What importing each acknowledgement would do; acknowledgements do not depend on each other. */
export async function previewAcks(ctx: HandlerContext, paths: readonly string[]): Promise<ImportResult[]> {
  const out: ImportResult[] = [];
  for (const path of paths) out.push(await previewAck(ctx, path));
  return out;
}

async function previewAck(ctx: HandlerContext, path: string): Promise<ImportResult> {
  const opened = await openBundle(ctx, path, trustSet(ctx, 'hq'));
  if (!opened.ok) return rejectedResult(null, path, opened.rejection);
  try {
    const check = await checkAck(ctx, opened.bundle);
    const acknowledged = { seq: check.ack.acknowledged.seq, hash: check.ack.acknowledged.hash, notes: check.ack.notes };
    if (check.noop) return result(opened.bundle, path, { outcome: 'already_imported', message: check.noop, acknowledged });
    return result(opened.bundle, path, {
      outcome: 'applied',
      message: `would mark this site's journal acknowledged up to seq ${check.ack.acknowledged.seq}`,
      acknowledged,
    });
  } catch (error) {
    if (error instanceof BundleRejectedError || error instanceof ImportRejected) return rejectedResult(opened.bundle, path, error.rejection);
    throw error;
  }
}
