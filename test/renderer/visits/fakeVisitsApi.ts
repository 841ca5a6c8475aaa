// Visits and incidents for the renderer's tests, on top of the shared fake api (test/renderer/
// fakeApi.ts, left as it is): a wrapper answers visits.* and incidents.* the way the core's
// dispatch does (session, roles and the contract's input schema first), with a few of the core's
// rules (emergency fields, 30 visitors, no amending an emergency request, openFromReceipt only
// for an overdue or escalated receipt); every other call goes to the shared fake.
import { makeApi } from '../../../electron/common/api.js';
import type { LedgerApi } from '../../../electron/common/api.js';
import type { MethodName } from '../../../electron/common/contract/index.js';
import { contract } from '../../../electron/common/contract/index.js';
import type { IncidentView } from '../../../electron/common/incidents/model.js';
import type { Result } from '../../../electron/common/result.js';
import { fail, ok } from '../../../electron/common/result.js';
import type { VisitCreateInput } from '../../../electron/common/contract/visits.js';
import { maskDateOfBirth, maskIdentifier } from '../../../electron/common/visits/identifiers.js';
import type { VisitorDraft, VisitView } from '../../../electron/common/visits/model.js';
import { disposeAfter, latestEndDate, visitDurationDays } from '../../../electron/common/visits/rules.js';
import { findVisitTransition, isAmendable } from '../../../electron/common/visits/transitions.js';
import { RootStore } from '../../../renderer/src/stores/RootStore.js';
import type { FakeApi } from '../fakeApi.js';
import { PASSWORD, TODAY, createFakeApi } from '../fakeApi.js';
import type { Handlers } from '../fakeAccounts.js';
import { NOW, recordEntry } from '../fakeAccounts.js';
import { incidentHandlers } from '../incidents/fakeIncidents.js';

export interface RecordsFake {
  fake: FakeApi;
  api: LedgerApi;
  visits: Map<string, VisitView>;
  incidents: Map<string, IncidentView>;
  /** Passport numbers and dates of birth as entered, for revealVisitor. */
  identities: Map<string, { dateOfBirth: string; document: VisitorDraft['document'] }>;
}

const problem = (path: (string | number)[], message: string) => ({ path, message });

function visitHandlers(r: RecordsFake): Handlers {
  const state = r.fake.state;
  const actor = () => state.session?.username ?? 'system';
  const notFound = () => fail<never>({ code: 'NOT_FOUND', message: 'no such visit request' });
  const save = (v: VisitView, action: string, data: Record<string, unknown>) => {
    const next = { ...v, version: v.version + 1, updatedAt: NOW, updatedBy: actor(), activeVisitorCount: v.visitors.filter((x) => x.status === 'active').length };
    next.onSiteCount = next.visitors.filter((x) => x.onSite).length;
    next.amendable = isAmendable(next.type, next.status);
    r.visits.set(v.id, next);
    recordEntry(state, 'visit', v.id, action, { record: next, ...data });
    return ok(next);
  };
  const visitorView = (d: VisitorDraft, requestId: string, end: string) => {
    const id = state.newId();
    r.identities.set(id, { dateOfBirth: d.dateOfBirth, document: d.document });
    const { dateOfBirth, document, ...rest } = d;
    return {
      ...rest,
      id,
      siteId: 'SITE-A',
      requestId,
      status: 'active' as const,
      version: 1,
      addedInAmendment: 0,
      removedInAmendment: null,
      log: [],
      createdAt: NOW,
      createdBy: actor(),
      updatedAt: NOW,
      updatedBy: actor(),
      dateOfBirthMasked: maskDateOfBirth(dateOfBirth),
      document: { type: document.type, numberMasked: maskIdentifier(document.number), issuingCountry: document.issuingCountry },
      onSite: false,
      disposeAfter: disposeAfter(end, false),
    };
  };
  const create = (d: VisitCreateInput) => {
    const issues = [];
    if (d.type === 'emergency') {
      for (const f of ['personVisited', 'foreignGovernmentPoc', 'emergencyJustification'] as const) if (d[f] === '') issues.push(problem([f], 'is required for an emergency visit'));
    }
    if (d.endDate > latestEndDate(d.type, d.startDate)) issues.push(problem(['endDate'], `end by ${latestEndDate(d.type, d.startDate)}`));
    if (d.visitors.length > 30) issues.push(problem(['visitors'], `a request may name at most 30 visitors: split it into separate requests (this one would name ${d.visitors.length})`));
    if (issues.length > 0) return fail<never>({ code: 'INVALID_INPUT', message: 'invalid visit request', issues });
    const id = state.newId();
    const { visitors, ...draft } = d;
    const view: VisitView = {
      ...draft,
      id,
      siteId: 'SITE-A',
      status: 'requested',
      version: 1,
      amendmentNumber: 0,
      amendments: [],
      decision: null,
      disclosure: null,
      trips: [],
      cancellation: null,
      startedOn: null,
      completedOn: null,
      voidReason: '',
      createdAt: NOW,
      createdBy: actor(),
      updatedAt: NOW,
      updatedBy: actor(),
      durationDays: visitDurationDays(d.startDate, d.endDate),
      retentionYears: d.natoVisit ? 3 : 1,
      disposeAfter: disposeAfter(d.endDate, d.natoVisit),
      publicDomainOnly: false,
      disclosureWithheld: false,
      upcoming: d.startDate > TODAY,
      current: false,
      activeVisitorCount: visitors.length,
      onSiteCount: 0,
      amendable: isAmendable(d.type, 'requested'),
      visitors: visitors.map((v) => visitorView(v, id, d.endDate)),
    };
    r.visits.set(id, view);
    recordEntry(state, 'visit', id, 'create', { record: view });
    return ok(view);
  };
  return {
    'visits.create': create,
    'visits.get': ({ id }) => {
      const v = r.visits.get(id);
      return v ? ok(v) : notFound();
    },
    'visits.history': ({ id }) => {
      const ids = new Set([id, ...(r.visits.get(id)?.visitors.map((v) => v.id) ?? [])]);
      return ok(state.journal.filter((e) => ids.has(e.entityId)));
    },
    'visits.list': (q) => {
      let rows = [...r.visits.values()];
      if (q.when === 'upcoming') rows = rows.filter((v) => v.upcoming);
      if (q.country) rows = rows.filter((v) => v.country === q.country);
      if (q.statuses) rows = rows.filter((v) => q.statuses?.includes(v.status));
      if (q.types) rows = rows.filter((v) => q.types?.includes(v.type));
      return ok({ items: rows.slice(q.offset, q.offset + q.limit), total: rows.length, offset: q.offset });
    },
    'visits.transition': ({ id, expectedVersion, action }) => {
      const v = r.visits.get(id);
      if (!v) return notFound();
      if (v.version !== expectedVersion) return fail({ code: 'CONFLICT', message: `visit request is at version ${v.version}` });
      const rule = findVisitTransition(v.type, v.status, action.type);
      if (!rule) return fail({ code: 'INVALID_TRANSITION', message: `cannot ${action.type} a visit request that is ${v.status}` });
      const next: VisitView = { ...v, status: rule.to ?? v.status };
      if (action.type === 'approve') {
        if (v.direction === 'incoming' && action.disclosure === null) {
          return fail({ code: 'INVALID_INPUT', message: 'no disclosure', issues: [problem(['action', 'disclosure'], 'state the level and scope authorised for disclosure')] });
        }
        Object.assign(next, { decision: { outcome: 'approved', on: action.on, reference: action.reference, reason: '' }, disclosure: action.disclosure });
      }
      if (action.type === 'start') next.startedOn = action.on;
      return save(next, action.type, { action });
    },
    'visits.amend': ({ id, expectedVersion, amendment }) => {
      const v = r.visits.get(id);
      if (!v) return notFound();
      if (v.type === 'emergency') return fail({ code: 'INVALID_TRANSITION', message: 'an emergency visit cannot be amended: submit a new request instead', details: { type: v.type } });
      if (v.version !== expectedVersion) return fail({ code: 'CONFLICT', message: `visit request is at version ${v.version}` });
      if (amendment.startDate && amendment.startDate < v.startDate) {
        return fail({ code: 'INVALID_INPUT', message: 'earlier', issues: [problem(['amendment', 'startDate'], `cannot be earlier than the start on record (${v.startDate})`)] });
      }
      const renamed = new Map(amendment.changeVisitors.map((c) => [c.visitorId, c.changes.fullName]));
      const visitors = v.visitors.map((x) =>
        amendment.removeVisitors.includes(x.id) ? { ...x, status: 'removed' as const, removedInAmendment: v.amendmentNumber + 1 } : { ...x, fullName: renamed.get(x.id) ?? x.fullName },
      );
      const previous = { startDate: v.startDate, endDate: v.endDate, visitors: v.visitors.filter((x) => x.status === 'active').map((x) => ({ id: x.id, fullName: x.fullName })) };
      const next: VisitView = { ...v, startDate: amendment.startDate ?? v.startDate, endDate: amendment.endDate ?? v.endDate, visitors, amendmentNumber: v.amendmentNumber + 1 };
      const current = { startDate: next.startDate, endDate: next.endDate, visitors: visitors.filter((x) => x.status === 'active').map((x) => ({ id: x.id, fullName: x.fullName })) };
      next.amendments = [...v.amendments, { number: next.amendmentNumber, on: TODAY, by: actor(), reference: amendment.reference, reason: amendment.reason, previous, current, added: [], changed: [], removed: [] }];
      return save(next, 'amend', { amendment });
    },
    'visits.logArrival': ({ visitorId, expectedVersion, arrival }) => {
      const v = [...r.visits.values()].find((x) => x.visitors.some((y) => y.id === visitorId));
      const visitor = v?.visitors.find((y) => y.id === visitorId);
      if (!v || !visitor) return notFound();
      if (v.status !== 'in_progress') return fail({ code: 'INVALID_TRANSITION', message: 'start the visit before logging arrivals' });
      if (visitor.version !== expectedVersion) return fail({ code: 'CONFLICT', message: `visitor is at version ${visitor.version}` });
      const entry = { date: arrival.date, arrivedAt: arrival.arrivedAt, departedAt: null, badgeNumber: arrival.badgeNumber, identityCheckedBy: arrival.identityCheckedBy, escort: arrival.escort, badgeReturned: null };
      const next = { ...visitor, version: visitor.version + 1, onSite: true, log: [...visitor.log, entry] };
      r.visits.set(v.id, { ...v, visitors: v.visitors.map((y) => (y.id === visitorId ? next : y)), onSiteCount: v.onSiteCount + 1 });
      recordEntry(state, 'visitor', visitorId, 'arrival', { record: next });
      return ok(next);
    },
    'visits.revealVisitor': ({ visitorId, reason }) => {
      const identity = r.identities.get(visitorId);
      const visitor = [...r.visits.values()].flatMap((v) => v.visitors).find((x) => x.id === visitorId);
      if (!identity || !visitor) return notFound();
      recordEntry(state, 'visitor', visitorId, 'reveal_identifiers', { reason });
      return ok({ visitorId, fullName: visitor.fullName, ...identity });
    },
  };
}

/** The shared fake with visits and incidents answered here. */
export function withRecords(fake: FakeApi): RecordsFake {
  const records: RecordsFake = { fake, api: fake.api, visits: new Map(), incidents: new Map(), identities: new Map() };
  const handlers: Handlers = { ...visitHandlers(records), ...incidentHandlers(records) };
  records.api = makeApi(async (method: MethodName, input: unknown): Promise<Result<unknown>> => {
    const handler = handlers[method] as ((input: unknown) => Result<unknown>) | undefined;
    if (!handler) return (fake.api[method] as (input: unknown) => Promise<Result<unknown>>)(input);
    fake.calls.push({ method, input });
    await Promise.resolve();
    const session = fake.state.session;
    if (session === null) return fail({ code: 'UNAUTHENTICATED', message: 'sign in first' });
    if (fake.state.locked) return fail({ code: 'SESSION_LOCKED', message: 'the session is locked after idle time' });
    const access = contract[method].access;
    if (Array.isArray(access) && !session.roles.some((role) => access.includes(role))) return fail({ code: 'FORBIDDEN', message: `needs one of: ${access.join(', ')}` });
    const parsed = contract[method].input.safeParse(input);
    if (!parsed.success) {
      return fail({ code: 'INVALID_INPUT', message: 'invalid input', issues: parsed.error.issues.map((i) => ({ path: i.path.map((p) => (typeof p === 'symbol' ? String(p) : p)), message: i.message })) });
    }
    return handler(parsed.data);
  });
  return records;
}

/** A RootStore over the fake with visits and incidents, signed in as one of the fake's accounts. */
export async function recordsRig(username: 'custodian' | 'admin' | 'auditor' = 'custodian'): Promise<{ root: RootStore; records: RecordsFake; fake: FakeApi }> {
  const fake = createFakeApi();
  const records = withRecords(fake);
  const root = new RootStore(records.api, { statusPollMs: null });
  await root.session.load();
  root.session.acceptConsent();
  root.session.setField('username', username);
  root.session.setField('password', PASSWORD);
  if (!(await root.session.signIn())) throw new Error('sign-in failed in test set-up');
  fake.calls.length = 0;
  return { root, records, fake };
}
