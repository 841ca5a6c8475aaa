import { canonicalJson } from '../../../common/canonicalJson.js';
import { bannerMarking } from '../../../common/classification/index.js';
import type { Incident, IncidentDraft, IncidentView } from '../../../common/incidents/model.js';
import { incidentDraftSchema } from '../../../common/incidents/model.js';
import { INCIDENT_STATUS_LABELS } from '../../../common/incidents/steps.js';
import { INCIDENT_OPEN_STATUSES } from '../../../common/incidents/transitions.js';
import { LedgerError } from '../../../common/result.js';
import type { IncidentChanges } from '../../../common/contract/incidents.js';
import type { HandlerContext } from '../../context.js';
import { toFieldIssues } from '../../zodIssues.js';
import { assertIncidentRules } from './rules.js';
import { assertIncidentNumberFree, draftOfIncident, loadIncidentForChange } from './store.js';
import { toIncidentView } from './view.js';

export interface UpdateIncidentInput {
  id: string;
  expectedVersion: number;
  changes: IncidentChanges;
  reason: string;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * The stored draft with the changes laid over it: a field left out keeps its value, and so does
 * a field left out of a nested object; lists and the marking are replaced whole (the contract
 * lets the marking through only whole).
 */
function applyChanges(before: IncidentDraft, changes: IncidentChanges): Record<string, unknown> {
  const out: Record<string, unknown> = { ...before };
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) continue;
    const stored = out[key];
    out[key] = key !== 'classification' && isPlainObject(value) && isPlainObject(stored) ? { ...stored, ...Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) } : value;
  }
  return out;
}

export function assertOpen(incident: Incident): void {
  if (!INCIDENT_OPEN_STATUSES.includes(incident.status)) {
    throw new LedgerError('INVALID_TRANSITION', `incident ${incident.incidentNumber} is ${INCIDENT_STATUS_LABELS[incident.status].toLowerCase()}: it cannot be changed`);
  }
}

/** Change the facts of an open incident. A change of its marking is journalled as a security-relevant reclassify. */
export function updateIncident(ctx: HandlerContext, input: UpdateIncidentInput): IncidentView {
  const current = loadIncidentForChange(ctx, input.id, input.expectedVersion);
  assertOpen(current);
  const before = draftOfIncident(current);
  const merged = incidentDraftSchema.safeParse(applyChanges(before, input.changes));
  if (!merged.success) throw new LedgerError('INVALID_INPUT', 'the changed incident is not valid', { issues: toFieldIssues(merged.error).map((i) => ({ ...i, path: ['changes', ...i.path] })) });
  const draft = merged.data;
  const changed = (Object.keys(draft) as (keyof IncidentDraft)[]).filter((key) => canonicalJson(draft[key]) !== canonicalJson(before[key]));
  if (changed.length === 0) throw new LedgerError('INVALID_INPUT', 'nothing to change: every field already has that value');
  if (draft.incidentNumber === '') {
    throw new LedgerError('INVALID_INPUT', 'changes.incidentNumber is required', { issues: [{ path: ['changes', 'incidentNumber'], message: 'is required' }] });
  }
  const today = ctx.today();
  try {
    assertIncidentRules(ctx, draft, today);
  } catch (error) {
    if (error instanceof LedgerError && error.issues) throw new LedgerError(error.code, error.message, { issues: error.issues.map((i) => ({ ...i, path: ['changes', ...i.path] })) });
    throw error;
  }
  if (changed.includes('incidentNumber')) assertIncidentNumberFree(ctx, draft.incidentNumber, current.id);
  const next: Incident = { ...current, ...draft, version: current.version + 1, updatedAt: ctx.nowIso(), updatedBy: ctx.actor() };
  const reclassified = changed.includes('classification');
  ctx.record('incident', current.id, reclassified ? 'reclassify' : 'update', {
    record: next,
    reason: input.reason,
    changed,
    ...(reclassified ? { securityRelevant: true, classificationChange: { from: bannerMarking(current.classification), to: bannerMarking(next.classification) } } : {}),
  });
  return toIncidentView(ctx, next, today);
}
