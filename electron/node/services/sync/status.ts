// What the sync screens show: this installation's own state, and at headquarters each site's.
import type { SiteStatus } from '../../../common/sync/model.js';
import { chainHead } from '../../../../db/journal/append.js';
import { acknowledgedSeq, foreignHeads, heldBundles, lastEventFor, listTrust, openAlarmCount, readAck, readIdentity, toHeldView } from '../../../../db/queries/sync.js';
import type { HandlerContext } from '../../context.js';

export function ownStatus(ctx: HandlerContext) {
  const site = ctx.site;
  const identity = readIdentity(ctx.db)?.record;
  const head = chainHead(ctx.db, site.siteId);
  const ack = readAck(ctx.db);
  return {
    siteId: site.siteId,
    siteRole: site.siteRole,
    identity: identity ? { fingerprint: identity.fingerprint, keyId: identity.keyId } : null,
    head,
    acknowledged: ack ? { seq: ack.seq, hash: ack.hash, at: ack.importedAt, bundleId: ack.bundleId, notes: ack.notes } : null,
    unacknowledged: head.seq - (ack?.seq ?? 0),
    headquarters: listTrust(ctx.db)
      .filter((t) => t.role === 'hq' && t.revokedAt === null)
      .map((t) => ({ siteId: t.siteId, fingerprint: t.fingerprint })),
    openAlarms: openAlarmCount(ctx.db),
  };
}

/** Headquarters: every enrolled site and every site whose entries it holds. */
export function siteStatuses(ctx: HandlerContext): SiteStatus[] {
  const db = ctx.db;
  const own = ctx.site.siteId;
  const trust = listTrust(db).filter((t) => t.role === 'site');
  const heads = new Map(foreignHeads(db, own).map((h) => [h.siteId, h]));
  const siteIds = [...new Set([...trust.map((t) => t.siteId), ...heads.keys()])].filter((s) => s !== own).sort();
  return siteIds.map((siteId) => {
    const head = heads.get(siteId) ?? chainHead(db, siteId);
    const imported = lastEventFor(db, siteId, 'site-to-hq', ['imported', 'released']);
    const acked = lastEventFor(db, siteId, 'hq-to-site', ['exported']);
    return {
      siteId,
      activeCertificates: trust.filter((t) => t.siteId === siteId && t.revokedAt === null).length,
      lastSeq: head.seq,
      lastHash: head.hash,
      lastImportAt: imported?.at ?? null,
      lastBundleId: imported?.bundleId ?? null,
      held: heldBundles(db, siteId).map((b) => toHeldView(b, head.seq + 1)),
      openAlarms: openAlarmCount(db, siteId),
      lastAcknowledgement: acked ? { seq: acknowledgedSeq(db, acked.bundleId) ?? 0, at: acked.at, bundleId: acked.bundleId } : null,
    };
  });
}
