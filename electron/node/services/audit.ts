import type { AuditFilter, AuditRecord } from '../../common/contract/audit.js';
import type { JournalEntry } from '../../common/journal.js';
import type { Role } from '../../common/roles.js';
import { redactIncidentEntry } from './incidents/history.js';
import { redactVisitEntry } from './visits/history.js';
import { iterateAudit, journalSnapshot, listAudit } from '../../../db/queries/audit.js';
import type { HandlerContext } from '../context.js';
import { toCsv } from '../export/csv.js';

export const MAX_EXPORT_ROWS = 100_000;

/**
 * Personal identifiers, the disclosure scope and personnel findings are as sensitive in the audit
 * trail as in the records: the same redaction applies (the hash shown is of the stored entry).
 */
export function redactForReader(entry: JournalEntry, roles: readonly Role[]): JournalEntry {
  return redactIncidentEntry(redactVisitEntry(entry, roles), roles);
}

export function toAuditRecord(entry: JournalEntry): AuditRecord {
  const data = (entry.data ?? {}) as { workstation?: unknown; outcome?: unknown };
  return {
    ...entry,
    workstation: typeof data.workstation === 'string' ? data.workstation : '',
    outcome: typeof data.outcome === 'string' ? data.outcome : 'success',
  };
}

/** Reading the audit trail is itself an audit event (AU-9), recorded before the page is read. */
export function listAuditTrail(ctx: HandlerContext, filter: AuditFilter, page: { offset: number; limit: number }) {
  // One read is one audit entry: later pages of the same snapshot continue that read.
  if (filter.snapshot === undefined) ctx.record('session', ctx.requireSession().userId, 'audit_read', { filter, outcome: 'success' });
  const snapshot = filter.snapshot ?? journalSnapshot(ctx.db);
  const { items, total } = listAudit(ctx.db, { ...filter, snapshot }, page);
  const roles = ctx.requireSession().roles;
  return { items: items.map((entry) => toAuditRecord(redactForReader(entry, roles))), total, offset: page.offset, snapshot };
}

export function exportAuditCsv(ctx: HandlerContext, filter: AuditFilter) {
  ctx.record('session', ctx.requireSession().userId, 'audit_export', { filter, format: 'csv', outcome: 'success' });
  const header = ['site', 'seq', 'when (UTC)', 'who', 'workstation', 'kind', 'action', 'record', 'outcome', 'details', 'hash'];
  let rows = 0;
  const roles = ctx.requireSession().roles;
  const lines = (function* () {
    for (const stored of iterateAudit(ctx.db, filter, MAX_EXPORT_ROWS)) {
      rows++;
      const entry = redactForReader(stored, roles);
      const record = toAuditRecord(entry);
      yield [record.siteId, record.seq, record.at, record.actor, record.workstation, record.kind, record.action, record.entityId, record.outcome, summarise(entry.data), record.hash];
    }
  })();
  const csv = toCsv(header, lines);
  return { fileName: `audit_${ctx.site.siteId}_${ctx.today()}.csv`, csv, rows };
}

/** The details column: reasons and changed fields, not whole records (those stay in the journal). */
function summarise(data: unknown): string {
  if (data === null || typeof data !== 'object') return '';
  const d = data as Record<string, unknown>;
  const parts: string[] = [];
  for (const key of ['reason', 'changed', 'classificationChange', 'previousRoles', 'username', 'attempt', 'filter', 'request', 'rows', 'marking']) {
    if (d[key] !== undefined) parts.push(`${key}=${JSON.stringify(d[key])}`);
  }
  return parts.join('; ');
}
