import type { syncMethods } from '../../common/contract/sync.js';
import { LedgerError } from '../../common/result.js';
import { entryProvenance, listAlarms, listBundleEvents, listTrust } from '../../../db/queries/sync.js';
import { resolveAlarm } from '../services/sync/alarms.js';
import { exportAck, exportToHq } from '../services/sync/exportBundles.js';
import { createIdentity, getIdentity } from '../services/sync/identity.js';
import { importAcks, previewAcks } from '../services/sync/importAck.js';
import { importAtHq } from '../services/sync/importHq.js';
import { previewSetAtHq } from '../services/sync/previewHq.js';
import { currentProgress, startProgress } from '../services/sync/progress.js';
import { ownStatus, siteStatuses } from '../services/sync/status.js';
import { enroll, revoke } from '../services/sync/trust.js';
import type { HandlersFor } from './types.js';

export const syncHandlers: HandlersFor<keyof typeof syncMethods> = {
  'sync.identity': (ctx) => ({ identity: getIdentity(ctx) }),
  'sync.createIdentity': (ctx, { passphrase }) => createIdentity(ctx, passphrase),
  'sync.status': (ctx) => ownStatus(ctx),
  'trust.list': (ctx) => listTrust(ctx.db),
  'trust.enroll': (ctx, input) => enroll(ctx, input),
  'trust.revoke': (ctx, { siteId, fingerprint, reason }) => revoke(ctx, { siteId, fingerprint }, reason),
  'sync.export': async (ctx, input) => {
    const progress = startProgress(ctx.conn, 'export', ctx.nowIso());
    try {
      return await exportToHq(ctx, input, progress);
    } finally {
      progress.end();
    }
  },
  'sync.preview': async (ctx, { paths }) => {
    const progress = startProgress(ctx.conn, 'preview', ctx.nowIso());
    try {
      return { results: ctx.site.siteRole === 'hq' ? await previewSetAtHq(ctx, paths, progress) : await previewAcks(ctx, paths) };
    } finally {
      progress.end();
    }
  },
  'sync.import': async (ctx, { paths }) => {
    const progress = startProgress(ctx.conn, 'import', ctx.nowIso());
    try {
      const results = ctx.site.siteRole === 'hq' ? await importAtHq(ctx, paths, progress) : await importAcks(ctx, paths, progress);
      return { results };
    } finally {
      progress.end();
    }
  },
  'sync.exportAck': async (ctx, input) => {
    const progress = startProgress(ctx.conn, 'acknowledge', ctx.nowIso());
    try {
      return await exportAck(ctx, input, progress);
    } finally {
      progress.end();
    }
  },
  'sync.sites': (ctx) => {
    if (ctx.site.siteRole !== 'hq') throw new LedgerError('CONFLICT', 'per-site status is kept at headquarters; a site sees its own in sync.status');
    return siteStatuses(ctx);
  },
  'sync.alarms': (ctx, { includeResolved }) => listAlarms(ctx.db, includeResolved),
  'sync.resolveAlarm': (ctx, { id, resolution }) => resolveAlarm(ctx, id, resolution),
  'sync.bundles': (ctx, query) => ({ ...listBundleEvents(ctx.db, query), offset: query.offset }),
  'sync.provenance': (ctx, { entries }) =>
    entries.flatMap(({ siteId, seq }) => {
      const found = siteId === ctx.site.siteId ? undefined : entryProvenance(ctx.db, siteId, seq);
      return found ? [found] : [];
    }),
  'sync.progress': (ctx) => currentProgress(ctx.conn),
};
