// The history of a request and its visitors as the caller may see it: identifiers masked for
// everyone, the disclosure scope removed for roles that may not see it. The raw journal stays
// untouched (and verifiable); this is a redacted read of it.
import type { JournalEntry } from '../../../common/journal.js';
import type { Role } from '../../../common/roles.js';
import { maskDateOfBirth, maskIdentifier } from '../../../common/visits/identifiers.js';
import type { Visitor, VisitRequest } from '../../../common/visits/model.js';
import { entriesForEntity } from '../../../../db/journal/read.js';
import { visitorsOfRequest } from '../../../../db/queries/visits.js';
import type { HandlerContext } from '../../context.js';
import { loadVisit } from './store.js';
import { canSeeDisclosure } from './view.js';

export function visitHistory(ctx: HandlerContext, id: string): JournalEntry[] {
  const request = loadVisit(ctx, id);
  const roles = ctx.requireSession().roles;
  const entries = [request.id, ...visitorsOfRequest(ctx.db, request.id).map((v) => v.id)].flatMap((entity) => entriesForEntity(ctx.db, entity));
  entries.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.siteId < b.siteId ? -1 : a.siteId > b.siteId ? 1 : a.seq - b.seq));
  return entries.map((entry) => redactVisitEntry(entry, roles));
}

/** Redact one visit or visitor journal entry for a reader holding `roles`. */
export function redactVisitEntry(entry: JournalEntry, roles: readonly Role[]): JournalEntry {
  if (entry.data === null || typeof entry.data !== 'object') return entry;
  const data = { ...(entry.data as Record<string, unknown>) };
  const redacted: string[] = [];
  if (entry.kind === 'visitor' && isObject(data.record)) {
    const v = data.record as unknown as Visitor;
    data.record = { ...v, dateOfBirth: maskDateOfBirth(v.dateOfBirth), document: { ...v.document, number: maskIdentifier(v.document.number) } };
    redacted.push('record.dateOfBirth', 'record.document.number');
  }
  if (entry.kind === 'visit' && !canSeeDisclosure(roles)) {
    if (isObject(data.record) && (data.record as unknown as VisitRequest).disclosure !== null) {
      data.record = { ...data.record, disclosure: null };
      redacted.push('record.disclosure');
    }
    if (isObject(data.action) && 'disclosure' in data.action && data.action.disclosure !== null) {
      data.action = { ...data.action, disclosure: null };
      redacted.push('action.disclosure');
    }
  }
  if (redacted.length === 0) return entry;
  return { ...entry, data: { ...data, redacted } };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
