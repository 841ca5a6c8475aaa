// The history of an incident as the caller may see it: identifiers masked for everyone, personnel
// (responsible persons, culpability, disciplinary actions, and the reasons given for personnel
// changes) removed for roles that may not see it. The raw journal stays untouched and verifiable.
import type { Incident } from '../../../common/incidents/model.js';
import type { JournalEntry } from '../../../common/journal.js';
import type { Role } from '../../../common/roles.js';
import { maskIdentifier } from '../../../common/visits/identifiers.js';
import { entriesForEntity } from '../../../../db/journal/read.js';
import type { HandlerContext } from '../../context.js';
import { loadIncident } from './store.js';
import { canSeePersonnel } from './view.js';

export function incidentHistory(ctx: HandlerContext, id: string): JournalEntry[] {
  const incident = loadIncident(ctx, id);
  const roles = ctx.requireSession().roles;
  return entriesForEntity(ctx.db, incident.id).map((entry) => redactIncidentEntry(entry, roles));
}

export function redactIncidentEntry(entry: JournalEntry, roles: readonly Role[]): JournalEntry {
  if (entry.kind !== 'incident' || entry.data === null || typeof entry.data !== 'object') return entry;
  const data = { ...(entry.data as Record<string, unknown>) };
  const redacted: string[] = [];
  const personnel = canSeePersonnel(roles);
  if (data.record !== null && typeof data.record === 'object') {
    const record = data.record as Incident;
    if (personnel) {
      data.record = { ...record, responsible: record.responsible.map((p) => ({ ...p, identifier: maskIdentifier(p.identifier) })) };
      if (record.responsible.length > 0) redacted.push('record.responsible.identifier');
    } else {
      data.record = { ...record, responsible: [], disciplinaryActions: [] };
      redacted.push('record.responsible', 'record.disciplinaryActions');
    }
  }
  if (!personnel && entry.action === 'personnel') {
    delete data.reason;
    data.change = { op: (data.change as { op?: unknown } | undefined)?.op };
    redacted.push('reason', 'change.personId');
  }
  if (!personnel && entry.action === 'reveal_identifier') {
    delete data.reason;
    delete data.personId;
    redacted.push('reason', 'personId');
  }
  if (redacted.length === 0) return entry;
  return { ...entry, data: { ...data, redacted } };
}
