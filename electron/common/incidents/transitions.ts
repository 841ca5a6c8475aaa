// The incident status machine (117.8(d)): reported -> preliminary inquiry -> initial report ->
// investigation -> final report -> CSA review -> closed. A preliminary inquiry that discounts
// compromise closes the case at once. Reports to the CSA (initial, final), discounting and closing
// are the security officer's: 117.8(d) puts reporting on the contractor's FSO.
import { z } from 'zod';
import { isoDateSchema, reasonSchema, requiredText, text } from '../primitives.js';
import type { Role } from '../roles.js';
import type { IncidentStatus } from './steps.js';

export const incidentActionSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('begin_inquiry'), on: isoDateSchema }),
  z.strictObject({ type: z.literal('submit_initial_report'), on: isoDateSchema }),
  /** The inquiry shows no loss or compromise: record why and close. */
  z.strictObject({ type: z.literal('discount'), on: isoDateSchema, reasons: requiredText(4000) }),
  z.strictObject({ type: z.literal('begin_investigation'), on: isoDateSchema }),
  z.strictObject({ type: z.literal('submit_final_report'), on: isoDateSchema }),
  z.strictObject({ type: z.literal('csa_review'), on: isoDateSchema, reference: text(100).default('') }),
  z.strictObject({ type: z.literal('close'), on: isoDateSchema, csaDetermination: requiredText(4000) }),
  z.strictObject({ type: z.literal('void'), reason: reasonSchema }),
]);
export type IncidentAction = z.infer<typeof incidentActionSchema>;
export type IncidentActionInput = z.input<typeof incidentActionSchema>;
export type IncidentActionType = IncidentAction['type'];

interface IncidentTransitionRule {
  from: readonly IncidentStatus[];
  to: IncidentStatus;
  label: string;
  /** Only these roles may take this step (beyond the method's access). */
  roles?: readonly Role[];
}

const OFFICER: readonly Role[] = ['security_officer'];

export const INCIDENT_TRANSITIONS: Record<IncidentActionType, IncidentTransitionRule> = {
  begin_inquiry: { from: ['reported'], to: 'preliminary_inquiry', label: 'Begin preliminary inquiry' },
  submit_initial_report: { from: ['preliminary_inquiry'], to: 'initial_report', label: 'Record initial report to CSA', roles: OFFICER },
  discount: { from: ['preliminary_inquiry'], to: 'closed', label: 'Discount compromise and close', roles: OFFICER },
  begin_investigation: { from: ['initial_report'], to: 'investigation', label: 'Begin investigation' },
  submit_final_report: { from: ['investigation'], to: 'final_report', label: 'Record final report to CSA', roles: OFFICER },
  csa_review: { from: ['final_report'], to: 'csa_review', label: 'Record CSA review begun' },
  close: { from: ['csa_review'], to: 'closed', label: 'Close (CSA review complete)', roles: OFFICER },
  void: { from: ['reported', 'preliminary_inquiry'], to: 'void', label: 'Void (opened in error)' },
};

export const INCIDENT_ACTION_TYPES = Object.keys(INCIDENT_TRANSITIONS) as IncidentActionType[];

export function findIncidentTransition(from: IncidentStatus, action: IncidentActionType): IncidentTransitionRule | undefined {
  const rule = INCIDENT_TRANSITIONS[action];
  return rule.from.includes(from) ? rule : undefined;
}

/** Actions the state machine allows from here for someone holding `roles`. */
export function availableIncidentActions(status: IncidentStatus, roles: readonly Role[]): { type: IncidentActionType; label: string }[] {
  return INCIDENT_ACTION_TYPES.flatMap((type) => {
    const rule = findIncidentTransition(status, type);
    if (!rule) return [];
    if (rule.roles && !rule.roles.some((r) => roles.includes(r))) return [];
    return [{ type, label: rule.label }];
  });
}

/** Statuses in which the record's facts may still change. */
export const INCIDENT_OPEN_STATUSES: readonly IncidentStatus[] = ['reported', 'preliminary_inquiry', 'initial_report', 'investigation', 'final_report', 'csa_review'];
