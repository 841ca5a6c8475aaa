// Bundles out: a site's journal after the head headquarters acknowledged (so a lost medium costs
// nothing: the next bundle carries the entries again), and headquarters' signed acknowledgement
// to one site. Both are written by sync/bundleFile.ts: staged on the medium, renamed into place
// only once complete and flushed.
import { statSync } from 'node:fs';
import type { Database } from 'better-sqlite3';
import { type Classification, UNCLASSIFIED, bannerMarking, usLevelRank } from '../../../common/classification/index.js';
import { GENESIS_HASH, type JournalEntry } from '../../../common/journal.js';
import { LedgerError } from '../../../common/result.js';
import type { SiteConfig } from '../../../common/site.js';
import type { AckData } from '../../../common/sync/model.js';
import { APP_VERSION } from '../../../common/version.js';
import { chainHead } from '../../../../db/journal/append.js';
import { schemaVersion } from '../../../../db/migrate.js';
import { insertBundleEvent, journalLinesRange, listTrust, readAck } from '../../../../db/queries/sync.js';
import type { HandlerContext } from '../../context.js';
import { type WrittenBundle, writeBundle } from '../../sync/bundleFile.js';
import { bundleFileName } from '../../sync/bundleHeader.js';
import type { Signer } from '../../sync/keys.js';
import { unlockSigner } from './identity.js';
import type { ProgressReporter } from './progress.js';
import { entryClassification } from '../../../common/journalMarking.js';
import { trustSet } from './trust.js';

export interface ExportedBundle {
  path: string;
  fileName: string;
  bundleId: string;
  recipient: string;
  firstSeq: number;
  lastSeq: number;
  entryCount: number;
  head: string;
  classification: string;
  bytes: number;
  expiresAt: string | null;
}

function checkOutDir(outDir: string): void {
  let ok: boolean;
  try {
    ok = statSync(outDir).isDirectory();
  } catch {
    ok = false;
  }
  if (!ok) throw new LedgerError('INVALID_INPUT', `${outDir} is not a folder`, { issues: [{ path: ['outDir'], message: 'is not an existing folder' }] });
}

function describe(written: WrittenBundle): ExportedBundle {
  const h = written.header;
  return {
    path: written.path,
    fileName: written.fileName,
    bundleId: h.bundleId,
    recipient: h.recipient,
    firstSeq: h.firstSeq,
    lastSeq: h.lastSeq,
    entryCount: h.entryCount,
    head: h.head,
    classification: h.classification.banner,
    bytes: written.bytes,
    expiresAt: h.expiresAt,
  };
}

export interface SiteBundleOptions {
  db: Database;
  site: SiteConfig;
  signer: Signer;
  recipient: string;
  /** The chain position the bundle continues from (what the recipient acknowledged). */
  after: { seq: number; hash: string };
  /** The last seq to carry. */
  toSeq: number;
  outDir: string;
  clock: () => Date;
  onProgress?: (entriesWritten: number) => void;
}

/** One site-to-hq bundle of the site's own chain, seq after.seq+1 .. toSeq, marked with the highest record it carries. */
export function writeSiteBundle(options: SiteBundleOptions): Promise<WrittenBundle> {
  const { db, site } = options;
  return writeBundle({
    entries: journalLinesRange(db, site.siteId, options.after.seq, options.toSeq),
    header: {
      direction: 'site-to-hq',
      siteId: site.siteId,
      siteName: site.siteName,
      recipient: options.recipient,
      classification: UNCLASSIFIED,
      schemaVersion: schemaVersion(db),
      appVersion: APP_VERSION,
    },
    signer: options.signer,
    outDir: options.outDir,
    after: { seq: options.after.seq, head: options.after.hash },
    classify: entryClassification,
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    clock: options.clock,
  });
}

/** sync.export: everything headquarters has not acknowledged, to outDir. */
export async function exportToHq(ctx: HandlerContext, input: { outDir: string; passphrase: string }, progress: ProgressReporter): Promise<ExportedBundle> {
  const site = ctx.site;
  if (site.siteRole !== 'site') throw new LedgerError('CONFLICT', 'headquarters does not export its journal; it answers sites with sync.exportAck');
  checkOutDir(input.outDir);
  const hq = [...new Set(trustSet(ctx, 'hq').active.map((t) => t.siteId))];
  if (hq.length === 0) throw new LedgerError('CONFLICT', "headquarters is not in the trust store yet: enroll its certificate first (trust.enroll)");
  if (hq.length > 1) throw new LedgerError('CONFLICT', `certificates of more than one headquarters are trusted (${hq.join(', ')}): revoke the ones no longer in use`);
  const recipient = hq[0] as string;
  const ack = readAck(ctx.db);
  const after = ack ? { seq: ack.seq, hash: ack.hash } : { seq: 0, hash: GENESIS_HASH };
  const head = chainHead(ctx.db, site.siteId);
  if (head.seq <= after.seq) throw new LedgerError('CONFLICT', `nothing to export: headquarters has acknowledged every entry (up to seq ${after.seq})`);
  const signer = await unlockSigner(ctx, input.passphrase);
  progress.update({ phase: 'writing', total: head.seq - after.seq, done: 0, file: input.outDir });
  const written = await writeSiteBundle({
    db: ctx.db,
    site,
    signer,
    recipient,
    after,
    toSeq: head.seq,
    outDir: input.outDir,
    clock: () => ctx.now(),
    onProgress: (done) => progress.update({ done }),
  });
  const h = written.header;
  const message = `exported ${h.entryCount} entries (seq ${h.firstSeq}-${h.lastSeq}) for ${recipient}, marked ${h.classification.banner}`;
  ctx.record(
    'bundle',
    h.bundleId,
    'export',
    {
      bundleId: h.bundleId,
      fileName: written.fileName,
      direction: h.direction,
      recipient,
      firstSeq: h.firstSeq,
      lastSeq: h.lastSeq,
      previousHead: h.previousHead,
      head: h.head,
      entryCount: h.entryCount,
      counts: h.counts,
      classification: h.classification.banner,
      bytes: written.bytes,
      outcome: 'success',
    },
    (entry) => insertBundleEvent(ctx.db, exportedEvent(ctx, written, entry, message)),
  );
  progress.update({ phase: 'done', done: h.entryCount });
  return describe(written);
}

function exportedEvent(ctx: HandlerContext, written: WrittenBundle, entry: JournalEntry, message: string) {
  const h = written.header;
  return {
    bundleId: h.bundleId,
    event: 'exported' as const,
    direction: h.direction,
    siteId: h.siteId,
    recipient: h.recipient,
    firstSeq: h.firstSeq,
    lastSeq: h.lastSeq,
    head: h.head,
    classification: h.classification.banner,
    fileName: written.fileName,
    applied: 0,
    skipped: 0,
    at: entry.at,
    actor: entry.actor,
    message,
    journalSite: ctx.site.siteId,
    journalSeq: entry.seq,
  };
}

export interface AckInput {
  siteId: string;
  outDir: string;
  passphrase: string;
  notes: string;
  classification?: Classification | undefined;
  expiresInDays: number;
}

/**
 * sync.exportAck: headquarters' answer to one site, one journal entry of headquarters' chain
 * (kind bundle, action acknowledge) carrying the head received from the site, revocations of the
 * site's keys, notes and an expiry; signed by headquarters, for that site only.
 */
export async function exportAck(ctx: HandlerContext, input: AckInput, progress: ProgressReporter): Promise<ExportedBundle> {
  const own = ctx.site;
  if (own.siteRole !== 'hq') throw new LedgerError('CONFLICT', 'only headquarters acknowledges bundles');
  const marking = input.classification ?? UNCLASSIFIED;
  if (usLevelRank(marking.level) > usLevelRank(own.systemHigh)) {
    throw new LedgerError('INVALID_INPUT', `classification ${marking.level} is above this installation's system-high (${own.systemHigh})`, {
      issues: [{ path: ['classification', 'level'], message: `may not be above ${own.systemHigh}` }],
    });
  }
  checkOutDir(input.outDir);
  const trusted = trustSet(ctx, 'site').active.filter((t) => t.siteId === input.siteId);
  if (trusted.length === 0) throw new LedgerError('NOT_FOUND', `${input.siteId} is not an enrolled site (or its certificates were revoked)`);
  const head = chainHead(ctx.db, input.siteId);
  if (head.seq === 0) throw new LedgerError('CONFLICT', `nothing received from ${input.siteId} yet: there is nothing to acknowledge`);
  const signer = await unlockSigner(ctx, input.passphrase);
  progress.update({ phase: 'writing', total: 1, done: 0, file: input.outDir });

  const bundleId = ctx.newId();
  const expiresAt = new Date(ctx.now().getTime() + input.expiresInDays * 86_400_000);
  const revocations = listTrust(ctx.db)
    .filter((t) => t.siteId === input.siteId && t.revokedAt !== null)
    .map((t) => ({ keyId: t.keyId, siteId: t.siteId, reason: t.revokeReason ?? '', revokedAt: t.revokedAt as string }));
  const data: AckData = {
    siteId: input.siteId,
    acknowledged: { seq: head.seq, hash: head.hash },
    notes: input.notes,
    revocations,
    bundleId,
    expiresAt: expiresAt.toISOString(),
  };
  const banner = bannerMarking(marking);
  const message = `acknowledged ${input.siteId} up to seq ${head.seq}; valid until ${data.expiresAt}`;
  const entry = ctx.record('bundle', input.siteId, 'acknowledge', data, (e) =>
    insertBundleEvent(ctx.db, {
      bundleId,
      event: 'exported',
      direction: 'hq-to-site',
      siteId: own.siteId,
      recipient: input.siteId,
      firstSeq: e.seq,
      lastSeq: e.seq,
      head: e.hash,
      classification: banner,
      fileName: bundleFileName({ siteId: own.siteId, firstSeq: e.seq, lastSeq: e.seq, level: marking.level }),
      applied: 0,
      skipped: 0,
      at: e.at,
      actor: e.actor,
      message,
      journalSite: own.siteId,
      journalSeq: e.seq,
    }),
  );
  const written = await writeBundle({
    entries: [entry],
    header: {
      direction: 'hq-to-site',
      siteId: own.siteId,
      siteName: own.siteName,
      recipient: input.siteId,
      classification: marking,
      schemaVersion: schemaVersion(ctx.db),
      appVersion: APP_VERSION,
      bundleId,
      expiresAt,
    },
    signer,
    outDir: input.outDir,
    clock: () => ctx.now(),
  });
  progress.update({ phase: 'done', done: 1 });
  return describe(written);
}
