// Words for audit records: when (UTC, to the second), what (kind, action, record), outcome, and
// the integrity report.
import type { AuditRecord } from '../../../electron/common/contract/audit.js';
import type { VerifyReport } from '../../../electron/common/journal.js';
import { humanise, plural } from './labels.js';

/** "2026-03-02T09:15:07.123Z" -> "2026-03-02 09:15:07 UTC". */
export function formatUtcSeconds(at: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})/.exec(at);
  return match ? `${match[1]} ${match[2]} UTC` : at;
}

/** "Session: sign in failed". */
export function auditWhat(record: Pick<AuditRecord, 'kind' | 'action'>): string {
  return `${humanise(record.kind)}: ${humanise(record.action).toLowerCase()}`;
}

const FAILED_OUTCOMES = new Set(['failure', 'broken', 'refused', 'denied']);

export function isFailureOutcome(outcome: string): boolean {
  return FAILED_OUTCOMES.has(outcome);
}

export function outcomeLabel(outcome: string): string {
  return outcome === '' ? '—' : humanise(outcome);
}

export function verifySentence(report: VerifyReport): string {
  if (report.ok) return `Journal intact: ${plural(report.entries, 'entry', 'entries')}, ${plural(report.sites.length, 'site')}.`;
  const broken = report.firstBroken;
  return `Journal broken at site ${broken.siteId}, sequence ${broken.seq}: ${broken.reason}. ${plural(report.entries, 'entry', 'entries')} checked.`;
}
