import type { Incident, IncidentDraft, IncidentView } from '../../../common/incidents/model.js';
import { NO_STEPS_DONE } from '../../../common/incidents/steps.js';
import type { HandlerContext } from '../../context.js';
import { assertIncidentRules } from './rules.js';
import { assertIncidentNumberFree, nextIncidentNumber } from './store.js';
import { toIncidentView } from './view.js';

/** Open an incident. Step periods are frozen from local policy now; due dates count from the report date. */
export function createIncident(ctx: HandlerContext, draft: IncidentDraft): IncidentView {
  const today = ctx.today();
  assertIncidentRules(ctx, draft, today);
  const incidentNumber = draft.incidentNumber === '' ? nextIncidentNumber(ctx, today.slice(0, 4)) : draft.incidentNumber;
  assertIncidentNumberFree(ctx, incidentNumber);
  const now = ctx.nowIso();
  const actor = ctx.actor();
  const incident: Incident = {
    ...draft,
    incidentNumber,
    id: ctx.newId(),
    siteId: ctx.site.siteId,
    status: 'reported',
    version: 1,
    stepDays: ctx.settings().incidentStepDays,
    stepsDone: NO_STEPS_DONE,
    csaReviewReference: '',
    csaClosure: '',
    responsible: [],
    disciplinaryActions: [],
    voidReason: '',
    createdAt: now,
    createdBy: actor,
    updatedAt: now,
    updatedBy: actor,
  };
  ctx.record('incident', incident.id, 'create', { record: incident });
  return toIncidentView(ctx, incident, today);
}
