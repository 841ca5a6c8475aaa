// Incidents for the renderer's tests (used by test/renderer/visits/fakeVisitsApi.ts): steps and
// overdue computed with the core's own incidentSteps at the fake's today, roles per step as in
// INCIDENT_TRANSITIONS, and openFromReceipt for overdue or escalated outgoing receipts only.
import { PERSONNEL_READERS } from '../../../electron/common/contract/incidents.js';
import type { IncidentDraft, IncidentView } from '../../../electron/common/incidents/model.js';
import { DEFAULT_INCIDENT_STEP_DAYS, NO_STEPS_DONE, incidentSteps } from '../../../electron/common/incidents/steps.js';
import { findIncidentTransition } from '../../../electron/common/incidents/transitions.js';
import { UNCLASSIFIED, foreignOrigins } from '../../../electron/common/classification/index.js';
import { fail, ok } from '../../../electron/common/result.js';
import type { Handlers } from '../fakeAccounts.js';
import { NOW, TODAY, recordEntry } from '../fakeAccounts.js';
import type { RecordsFake } from '../visits/fakeVisitsApi.js';

type Stored = Omit<IncidentView, 'steps' | 'overdue' | 'nextStep' | 'personnel'>;

export function incidentHandlers(r: RecordsFake): Handlers {
  const state = r.fake.state;
  const actor = () => state.session?.username ?? 'system';
  const notFound = () => fail<never>({ code: 'NOT_FOUND', message: 'no such incident' });

  /** Steps, overdue and next step at today; personnel only for the roles that may read it. */
  const view = (i: Stored): IncidentView => {
    const steps = incidentSteps({ status: i.status, reportedOn: i.reportedOn, stepDays: i.stepDays, stepsDone: i.stepsDone }, TODAY);
    const reader = state.session?.roles.some((role) => PERSONNEL_READERS.includes(role)) ?? false;
    return {
      ...i,
      steps,
      overdue: steps.some((s) => s.state === 'overdue'),
      nextStep: steps.find((s) => (s.state === 'pending' || s.state === 'overdue') && s.dueOn !== null) ?? null,
      personnel: reader ? { responsible: [], disciplinaryActions: [], patternAlert: false } : null,
    };
  };
  const store = (i: Stored, action: string, data: Record<string, unknown>) => {
    const v = view(i);
    r.incidents.set(i.id, v);
    recordEntry(state, 'incident', i.id, action, { record: v, ...data });
    return ok(v);
  };
  const open = (d: IncidentDraft, linked: IncidentView['linkedReceipts'] = []) => {
    if (d.reportedOn < d.discoveredOn) return fail<never>({ code: 'INVALID_INPUT', message: 'invalid', issues: [{ path: ['reportedOn'], message: 'is before the date it was discovered' }] });
    const id = state.newId();
    const incident: Stored = {
      ...d,
      incidentNumber: d.incidentNumber || `INC-2026-${String(r.incidents.size + 1).padStart(4, '0')}`,
      id,
      siteId: 'SITE-A',
      status: 'reported',
      version: 1,
      stepDays: DEFAULT_INCIDENT_STEP_DAYS,
      stepsDone: NO_STEPS_DONE,
      csaReviewReference: '',
      csaClosure: '',
      voidReason: '',
      createdAt: NOW,
      createdBy: actor(),
      updatedAt: NOW,
      updatedBy: actor(),
      responsibleCount: 0,
      linkedReceipts: linked,
    };
    return store(incident, 'create', {});
  };
  const changed = (i: IncidentView, patch: Partial<Stored>): Stored => ({ ...i, ...patch, version: i.version + 1, updatedAt: NOW, updatedBy: actor() });

  return {
    'incidents.create': (d) => open(d),
    'incidents.get': ({ id }) => {
      const i = r.incidents.get(id);
      return i ? ok(view(i)) : notFound();
    },
    'incidents.history': ({ id }) => ok(state.journal.filter((e) => e.entityId === id)),
    'incidents.list': (q) => {
      let rows = [...r.incidents.values()].map(view);
      if (q.overdueOnly) rows = rows.filter((i) => i.overdue);
      if (q.statuses) rows = rows.filter((i) => q.statuses?.includes(i.status));
      return ok({ items: rows.slice(q.offset, q.offset + q.limit), total: rows.length, offset: q.offset });
    },
    'incidents.update': ({ id, expectedVersion, changes, reason }) => {
      const i = r.incidents.get(id);
      if (!i) return notFound();
      if (i.version !== expectedVersion) return fail({ code: 'CONFLICT', message: `incident is at version ${i.version}` });
      // As the core does: nested objects merged into the stored ones, lists and the marking whole.
      const merged = Object.fromEntries(
        Object.entries(changes).map(([key, value]) => {
          const stored: unknown = i[key as keyof IncidentView];
          const nested = key !== 'classification' && value !== null && typeof value === 'object' && !Array.isArray(value) && stored !== null && typeof stored === 'object';
          return [key, nested ? { ...stored, ...value } : value];
        }),
      ) as Partial<Stored>;
      return store(changed(i, merged), 'update', { reason, changed: Object.keys(changes) });
    },
    'incidents.transition': ({ id, expectedVersion, action }) => {
      const i = r.incidents.get(id);
      if (!i) return notFound();
      if (i.version !== expectedVersion) return fail({ code: 'CONFLICT', message: `incident is at version ${i.version}` });
      const rule = findIncidentTransition(i.status, action.type);
      if (!rule) return fail({ code: 'INVALID_TRANSITION', message: `cannot ${action.type.replaceAll('_', ' ')} an incident at ${i.status}` });
      if (rule.roles && !rule.roles.some((role) => state.session?.roles.includes(role))) return fail({ code: 'FORBIDDEN', message: `only the security officer may ${rule.label.toLowerCase()}` });
      if (action.type === 'submit_initial_report' && !i.classificationValidation.validated) {
        return fail({ code: 'INVALID_TRANSITION', message: 'validate the classification of the material first (the preliminary inquiry does this)' });
      }
      const stepsDone = action.type === 'void' ? i.stepsDone : { ...i.stepsDone, [rule.to]: action.on };
      return store(changed(i, { status: rule.to, stepsDone }), action.type, { action });
    },
    'incidents.openFromReceipt': ({ receiptId, incidentNumber, reportedTo }) => {
      const receipt = r.fake.receipts.get(receiptId);
      if (!receipt) return fail({ code: 'NOT_FOUND', message: 'no such receipt' });
      const overdue = ['dispatched', 'tracer_sent', 'escalated'].includes(receipt.status) && receipt.suspenseDueOn !== null && receipt.suspenseDueOn < TODAY;
      if (receipt.direction !== 'outgoing' || !(overdue || receipt.status === 'escalated')) {
        return fail({ code: 'INVALID_TRANSITION', message: `receipt ${receipt.controlNumber} is not an overdue or escalated outgoing receipt` });
      }
      const existing = [...r.incidents.values()].find((i) => i.linkedReceipts.some((l) => l.id === receiptId));
      if (existing) return fail({ code: 'CONFLICT', message: `incident ${existing.incidentNumber} is already linked to receipt ${receipt.controlNumber}`, details: { incidentId: existing.id } });
      const origins = foreignOrigins(receipt.classification);
      return open(
        {
          incidentNumber,
          unclassifiedTitle: `Signed receipt not returned: ${receipt.controlNumber}`,
          classification: receipt.classification,
          description: `Outgoing ${receipt.controlNumber}: the signed receipt was due ${receipt.suspenseDueOn ?? '?'}`,
          location: 'In transit',
          occurredOn: null,
          discoveredOn: TODAY,
          reportedBy: state.session?.displayName ?? 'someone',
          reportedTo: reportedTo || 'Facility Security Officer',
          reportedOn: TODAY,
          material: [{ receiptId, description: receipt.unclassifiedTitle, classification: receipt.classification, originator: origins.join(', '), materialDate: null, materialType: '' }],
          exposure: { from: receipt.dispatchedOn, to: null, circumstances: '' },
          unauthorisedPersons: [],
          classificationValidation: { validated: false, on: null, by: '', notes: '' },
          determination: null,
          correctiveActions: [],
          csaNotifiedOn: null,
          foreignGovernment: { involved: origins.length > 0, countries: origins, notifiedOn: null, notifiedVia: '' },
          foreignRelease: { classification: UNCLASSIFIED, circumstances: '', findings: '' },
          internalFindings: '',
          notes: '',
        },
        [{ id: receipt.id, controlNumber: receipt.controlNumber, status: receipt.status }],
      );
    },
  };
}
