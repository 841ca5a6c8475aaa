// Alarms: security events an import found (a fork, a record of another site, a spillage above
// system-high). Raised in their own transaction after the bundle's was rolled back, so the
// registers stay as they were and only the alarm (and its journal entry) is added.
import { LedgerError } from '../../../common/result.js';
import type { AlarmRecord } from '../../../common/sync/model.js';
import { findAlarm } from '../../../../db/queries/sync.js';
import type { HandlerContext } from '../../context.js';
import type { BundleRejection } from '../../sync/rejection.js';

export interface AlarmSource {
  siteId: string;
  bundleId: string | null;
  fileName: string | null;
}

export function raiseAlarm(ctx: HandlerContext, source: AlarmSource, why: BundleRejection): AlarmRecord {
  const alarm: AlarmRecord = {
    id: ctx.newId(),
    siteId: source.siteId,
    reason: why.reason,
    message: why.message,
    details: why.details,
    bundleId: source.bundleId,
    fileName: source.fileName,
    status: 'open',
    raisedAt: ctx.nowIso(),
    raisedBy: ctx.actor(),
    resolvedAt: null,
    resolvedBy: null,
    resolution: null,
  };
  ctx.record('alarm', alarm.id, 'raise', { record: alarm, securityRelevant: true });
  return alarm;
}

export function resolveAlarm(ctx: HandlerContext, id: string, resolution: string): AlarmRecord {
  const alarm = findAlarm(ctx.db, id);
  if (!alarm) throw new LedgerError('NOT_FOUND', `no alarm ${id}`);
  if (alarm.status === 'resolved') throw new LedgerError('CONFLICT', `alarm ${id} was already resolved on ${alarm.resolvedAt ?? '?'}`);
  const resolved: AlarmRecord = { ...alarm, status: 'resolved', resolvedAt: ctx.nowIso(), resolvedBy: ctx.actor(), resolution };
  ctx.record('alarm', id, 'resolve', { record: resolved, securityRelevant: true });
  return resolved;
}
