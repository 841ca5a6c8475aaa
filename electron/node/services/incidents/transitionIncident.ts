import type { Incident, IncidentView } from '../../../common/incidents/model.js';
import { INCIDENT_STATUS_LABELS } from '../../../common/incidents/steps.js';
import type { IncidentAction } from '../../../common/incidents/transitions.js';
import { findIncidentTransition } from '../../../common/incidents/transitions.js';
import { LedgerError, assertNever } from '../../../common/result.js';
import type { HandlerContext } from '../../context.js';
import { loadIncidentForChange } from './store.js';
import { toIncidentView } from './view.js';

export interface IncidentTransitionInput {
  id: string;
  expectedVersion: number;
  action: IncidentAction;
}

/** Take one step. The status machine says whether it may happen; the rules below whether the record is ready for it. */
export function transitionIncident(ctx: HandlerContext, input: IncidentTransitionInput): IncidentView {
  const current = loadIncidentForChange(ctx, input.id, input.expectedVersion);
  const { action } = input;
  const rule = findIncidentTransition(current.status, action.type);
  if (!rule) {
    throw new LedgerError('INVALID_TRANSITION', `cannot ${action.type.replaceAll('_', ' ')} an incident at ${INCIDENT_STATUS_LABELS[current.status].toLowerCase()}`, {
      details: { status: current.status, action: action.type },
    });
  }
  const roles = ctx.requireSession().roles;
  if (rule.roles && !rule.roles.some((r) => roles.includes(r))) {
    throw new LedgerError('FORBIDDEN', `only the security officer may ${rule.label.toLowerCase()}`, { details: { required: [...rule.roles] } });
  }
  const today = ctx.today();
  if (action.type !== 'void') assertStepDate(current, action.on, today);
  const next: Incident = { ...applyAction(current, action), version: current.version + 1, updatedAt: ctx.nowIso(), updatedBy: ctx.actor() };
  next.status = rule.to;
  if (action.type !== 'void') next.stepsDone = { ...next.stepsDone, [rule.to]: action.on };
  ctx.record('incident', current.id, action.type, { record: next, action });
  return toIncidentView(ctx, next, today);
}

function applyAction(i: Incident, action: IncidentAction): Incident {
  switch (action.type) {
    case 'begin_inquiry':
    case 'begin_investigation':
      return i;
    case 'submit_initial_report':
      assertValidated(i);
      if (i.determination === null || i.determination.outcome === 'compromise_discounted') {
        throw new LedgerError('INVALID_TRANSITION', 'record the determination (loss, compromise or suspected compromise) before the initial report; if compromise can be discounted, discount it instead');
      }
      return { ...i, csaNotifiedOn: i.csaNotifiedOn ?? action.on };
    case 'discount':
      assertValidated(i);
      return { ...i, determination: { outcome: 'compromise_discounted', reasons: action.reasons, on: action.on } };
    case 'submit_final_report': {
      if (i.determination === null) throw new LedgerError('INVALID_TRANSITION', 'record the determination with its reasons before the final report');
      const undetermined = i.responsible.filter((p) => p.culpability === 'undetermined');
      if (undetermined.length > 0) {
        throw new LedgerError('INVALID_TRANSITION', `determine the culpability of ${undetermined.map((p) => p.name).join(', ')} before the final report`);
      }
      if (i.foreignGovernment.involved && i.foreignRelease.findings === '') {
        throw new LedgerError('INVALID_TRANSITION', 'write the findings releasable to the foreign government before the final report');
      }
      return i;
    }
    case 'csa_review':
      return { ...i, csaReviewReference: action.reference };
    case 'close':
      return { ...i, csaClosure: action.csaDetermination };
    case 'void':
      return { ...i, voidReason: action.reason };
    default:
      return assertNever(action, 'incident action');
  }
}

function assertValidated(i: Incident): void {
  if (!i.classificationValidation.validated) {
    throw new LedgerError('INVALID_TRANSITION', 'validate the classification of the material first (the preliminary inquiry does this)');
  }
}

/** A step is dated today or earlier, and not before the report or the step before it. */
function assertStepDate(i: Incident, on: string, today: string): void {
  const fail = (message: string) => {
    throw new LedgerError('INVALID_INPUT', `action.on ${message}`, { issues: [{ path: ['action', 'on'], message }] });
  };
  if (on > today) fail('cannot be in the future');
  const previous = [i.reportedOn, ...Object.values(i.stepsDone).filter((d): d is string => d !== null)].sort().at(-1)!;
  if (on < previous) fail(`is before the previous step (${previous})`);
}
