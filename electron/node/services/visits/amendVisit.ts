// Amendments (MISWG Document 7): only add, change or remove names and change dates, never to an
// earlier start; an emergency approval is never amended. Each amendment is a new version of the
// request that keeps the previous one (dates and names) beside it.
import type { VisitAmendmentInput } from '../../../common/contract/visits.js';
import { canonicalJson } from '../../../common/canonicalJson.js';
import type { FieldIssue } from '../../../common/result.js';
import { LedgerError } from '../../../common/result.js';
import type { Amendment, Visitor, VisitorDraft, VisitRequest, VisitVersion, VisitView } from '../../../common/visits/model.js';
import { VISIT_STATUS_LABELS, visitorDraftSchema } from '../../../common/visits/model.js';
import { AMENDABLE_STATUSES } from '../../../common/visits/transitions.js';
import { visitorsOfRequest } from '../../../../db/queries/visits.js';
import type { HandlerContext } from '../../context.js';
import { toFieldIssues } from '../../zodIssues.js';
import { assertNoIssues, dateIssues, duplicateDocumentIssues, visitorCountIssues, visitorIssues, windowIssues } from './rules.js';
import { inOneTransaction, loadVisitForChange } from './store.js';
import { toVisitView } from './view.js';

export interface AmendInput {
  id: string;
  expectedVersion: number;
  amendment: VisitAmendmentInput;
}

export function amendVisit(ctx: HandlerContext, input: AmendInput): VisitView {
  const current = loadVisitForChange(ctx, input.id, input.expectedVersion);
  if (current.type === 'emergency') {
    throw new LedgerError('INVALID_TRANSITION', 'an emergency visit cannot be amended: submit a new request instead', { details: { type: current.type } });
  }
  if (!AMENDABLE_STATUSES.includes(current.status)) {
    throw new LedgerError('INVALID_TRANSITION', `a visit request that is ${VISIT_STATUS_LABELS[current.status].toLowerCase()} cannot be amended`, {
      details: { status: current.status },
    });
  }
  const a = input.amendment;
  const today = ctx.today();
  const visitors = visitorsOfRequest(ctx.db, current.id);
  const active = visitors.filter((v) => v.status === 'active');
  const activeById = new Map(active.map((v) => [v.id, v]));
  const issues: FieldIssue[] = [];

  const startDate = a.startDate ?? current.startDate;
  const endDate = a.endDate ?? current.endDate;
  issues.push(...amendedDateIssues(current, active, startDate, endDate, today));

  const removed = new Set<string>();
  a.removeVisitors.forEach((id, i) => {
    const visitor = activeById.get(id);
    if (!visitor) issues.push({ path: ['amendment', 'removeVisitors', i], message: 'is not a visitor on this request' });
    else if (visitor.log.some((e) => e.departedAt === null)) issues.push({ path: ['amendment', 'removeVisitors', i], message: `${visitor.fullName} is on site: log the departure first` });
    else removed.add(id);
  });

  const changed: { visitor: Visitor; draft: VisitorDraft; fields: string[] }[] = [];
  a.changeVisitors.forEach(({ visitorId, changes }, i) => {
    const path = ['amendment', 'changeVisitors', i];
    const visitor = activeById.get(visitorId);
    if (!visitor || removed.has(visitorId)) return void issues.push({ path: [...path, 'visitorId'], message: 'is not a visitor on this request' });
    const merged = visitorDraftSchema.safeParse({ ...draftOfVisitor(visitor), ...definedOnly(changes) });
    if (!merged.success) return void issues.push(...toFieldIssues(merged.error).map((issue) => ({ ...issue, path: [...path, 'changes', ...issue.path] })));
    const before = draftOfVisitor(visitor);
    const fields = (Object.keys(merged.data) as (keyof VisitorDraft)[]).filter((k) => canonicalJson(merged.data[k]) !== canonicalJson(before[k]));
    if (fields.length === 0) return void issues.push({ path: [...path, 'changes'], message: 'changes nothing' });
    issues.push(...visitorIssues(merged.data, current.accessLevel, today, [...path, 'changes']));
    changed.push({ visitor, draft: merged.data, fields });
  });
  a.addVisitors.forEach((v, i) => issues.push(...visitorIssues(v, current.accessLevel, today, ['amendment', 'addVisitors', i])));

  const kept = active.filter((v) => !removed.has(v.id));
  const remaining = kept.map((v) => changed.find((c) => c.visitor.id === v.id)?.draft ?? v);
  const finalCount = remaining.length + a.addVisitors.length;
  issues.push(...visitorCountIssues(finalCount, ['amendment', 'addVisitors']));
  if (finalCount === 0) issues.push({ path: ['amendment', 'removeVisitors'], message: 'would leave no visitor on the request: cancel it instead' });
  const pathOf = (i: number): (string | number)[] => {
    if (i >= kept.length) return ['amendment', 'addVisitors', i - kept.length];
    const changeIndex = a.changeVisitors.findIndex((c) => c.visitorId === kept[i]!.id);
    return changeIndex >= 0 ? ['amendment', 'changeVisitors', changeIndex, 'changes'] : ['amendment'];
  };
  issues.push(...duplicateDocumentIssues([...remaining, ...a.addVisitors], pathOf));

  assertNoIssues(issues, 'invalid amendment');
  const datesChanged = startDate !== current.startDate || endDate !== current.endDate;
  if (!datesChanged && removed.size === 0 && changed.length === 0 && a.addVisitors.length === 0) {
    throw new LedgerError('INVALID_INPUT', 'nothing to amend: change the dates or add, change or remove a visitor', { issues: [{ path: ['amendment'], message: 'changes nothing' }] });
  }

  const number = current.amendmentNumber + 1;
  const now = ctx.nowIso();
  const actor = ctx.actor();
  const touch = { updatedAt: now, updatedBy: actor };
  const nextVisitors = new Map<string, { record: Visitor; action: 'add_visitor' | 'change_visitor' | 'remove_visitor' }>();
  for (const id of removed) {
    const v = activeById.get(id)!;
    nextVisitors.set(id, { record: { ...v, status: 'removed', removedInAmendment: number, version: v.version + 1, ...touch }, action: 'remove_visitor' });
  }
  for (const c of changed) nextVisitors.set(c.visitor.id, { record: { ...c.visitor, ...c.draft, version: c.visitor.version + 1, ...touch }, action: 'change_visitor' });
  const added: Visitor[] = a.addVisitors.map((v) => ({
    ...v,
    id: ctx.newId(),
    siteId: ctx.site.siteId,
    requestId: current.id,
    status: 'active',
    version: 1,
    addedInAmendment: number,
    removedInAmendment: null,
    log: [],
    createdAt: now,
    createdBy: actor,
    ...touch,
  }));
  for (const v of added) nextVisitors.set(v.id, { record: v, action: 'add_visitor' });

  const after = [...visitors.map((v) => nextVisitors.get(v.id)?.record ?? v), ...added];
  const amendment: Amendment = {
    number,
    on: today,
    by: actor,
    reference: a.reference,
    reason: a.reason,
    previous: versionOf(current.startDate, current.endDate, active),
    current: versionOf(startDate, endDate, after.filter((v) => v.status === 'active')),
    added: added.map(nameRef),
    changed: changed.map((c) => ({ ...nameRef({ id: c.visitor.id, fullName: c.draft.fullName }), fields: c.fields })),
    removed: [...removed].map((id) => nameRef(activeById.get(id)!)),
  };
  const next: VisitRequest = {
    ...current,
    startDate,
    endDate,
    amendmentNumber: number,
    amendments: [...current.amendments, amendment],
    version: current.version + 1,
    ...touch,
  };
  inOneTransaction(ctx, () => {
    ctx.record('visit', next.id, 'amend', { record: next, amendment: { number, reason: a.reason, reference: a.reference } });
    for (const { record, action } of nextVisitors.values()) ctx.record('visitor', record.id, action, { record, requestId: next.id, amendment: number });
  });
  return toVisitView(next, after, today, ctx.requireSession().roles);
}

function amendedDateIssues(current: VisitRequest, active: readonly Visitor[], startDate: string, endDate: string, today: string): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const start = ['amendment', 'startDate'];
  const end = ['amendment', 'endDate'];
  if (startDate < current.startDate) issues.push({ path: start, message: `may not be earlier than the current start (${current.startDate})` });
  else if (startDate !== current.startDate && current.status === 'in_progress') issues.push({ path: start, message: 'cannot change once the visit has started' });
  issues.push(...dateIssues(current.type, startDate, endDate, { start, end }));
  if (startDate !== current.startDate) issues.push(...windowIssues(today, startDate, start));
  const lastArrival = active.flatMap((v) => v.log.map((e) => e.date)).sort().at(-1);
  if (lastArrival !== undefined && endDate < lastArrival) issues.push({ path: end, message: `is before a logged arrival (${lastArrival})` });
  const outside = current.trips.find((t) => t.from < startDate || t.to > endDate);
  if (outside) issues.push({ path: end, message: `leaves the logged trip ${outside.from}..${outside.to} outside the visit dates` });
  return issues;
}

function versionOf(startDate: string, endDate: string, visitors: readonly Pick<Visitor, 'id' | 'fullName'>[]): VisitVersion {
  return { startDate, endDate, visitors: visitors.map(nameRef) };
}

function nameRef(v: Pick<Visitor, 'id' | 'fullName'>): { id: string; fullName: string } {
  return { id: v.id, fullName: v.fullName };
}

export function draftOfVisitor(v: Visitor): VisitorDraft {
  return {
    fullName: v.fullName,
    dateOfBirth: v.dateOfBirth,
    placeOfBirth: v.placeOfBirth,
    nationality: v.nationality,
    document: v.document,
    clearance: v.clearance,
    position: v.position,
    employer: v.employer,
  };
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
