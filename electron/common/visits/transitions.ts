// The visit request status machine (DOMAIN.md): requested -> approved (with disclosure scope) |
// denied | non-sponsored | cancelled -> in progress -> completed. The core rejects anything not
// listed here; the UI offers only what `availableVisitActions` returns.
//
// A denied or non-sponsored visit may still take place (DOMAIN.md: "public-domain information only
// unless an export authorisation exists"), so it can be started; its view says publicDomainOnly.
import { z } from 'zod';
import { isoDateSchema, reasonSchema, text } from '../primitives.js';
import type { VisitStatus, VisitType } from './model.js';
import { disclosureSchema, securityAssuranceSchema, tripSchema } from './model.js';

export const visitActionSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('approve'),
    on: isoDateSchema,
    reference: text(100).default(''),
    /** Required for incoming visits: the level and scope of information authorised for disclosure, and its limits. */
    disclosure: disclosureSchema.nullable().default(null),
  }),
  z.strictObject({ type: z.literal('deny'), on: isoDateSchema, reference: text(100).default(''), reason: reasonSchema }),
  z.strictObject({ type: z.literal('non_sponsored'), on: isoDateSchema, reference: text(100).default(''), reason: reasonSchema }),
  z.strictObject({ type: z.literal('record_assurance'), assurance: securityAssuranceSchema }),
  z.strictObject({ type: z.literal('log_trip'), trip: tripSchema }),
  z.strictObject({ type: z.literal('cancel'), on: isoDateSchema, reason: reasonSchema }),
  z.strictObject({ type: z.literal('start'), on: isoDateSchema }),
  z.strictObject({ type: z.literal('complete'), on: isoDateSchema }),
  z.strictObject({ type: z.literal('void'), reason: reasonSchema }),
]);
export type VisitAction = z.infer<typeof visitActionSchema>;
export type VisitActionInput = z.input<typeof visitActionSchema>;
export type VisitActionType = VisitAction['type'];

interface VisitTransitionRule {
  from: readonly VisitStatus[];
  /** `null` keeps the status: an entry in the record, not a change of state. */
  to: VisitStatus | null;
  label: string;
  /** Only for these types (recurring visits log each trip). */
  types?: readonly VisitType[];
}

export const VISIT_TRANSITIONS: Record<VisitActionType, VisitTransitionRule> = {
  approve: { from: ['requested'], to: 'approved', label: 'Record approval' },
  deny: { from: ['requested'], to: 'denied', label: 'Record denial' },
  non_sponsored: { from: ['requested'], to: 'non_sponsored', label: 'Record as non-sponsored' },
  record_assurance: { from: ['requested'], to: null, label: 'Record security assurance' },
  log_trip: { from: ['approved', 'in_progress'], to: null, label: 'Log a trip', types: ['recurring'] },
  cancel: { from: ['requested', 'approved'], to: 'cancelled', label: 'Cancel' },
  start: { from: ['approved', 'denied', 'non_sponsored'], to: 'in_progress', label: 'Start visit' },
  complete: { from: ['in_progress'], to: 'completed', label: 'Complete visit' },
  void: { from: ['requested', 'approved', 'denied', 'non_sponsored', 'cancelled'], to: 'void', label: 'Void (entered in error)' },
};

export const VISIT_ACTION_TYPES = Object.keys(VISIT_TRANSITIONS) as VisitActionType[];

export function findVisitTransition(type: VisitType, from: VisitStatus, action: VisitActionType): VisitTransitionRule | undefined {
  const rule = VISIT_TRANSITIONS[action];
  if (!rule.from.includes(from)) return undefined;
  if (rule.types && !rule.types.includes(type)) return undefined;
  return rule;
}

export function availableVisitActions(type: VisitType, status: VisitStatus): { type: VisitActionType; label: string }[] {
  return VISIT_ACTION_TYPES.flatMap((action) => {
    const rule = findVisitTransition(type, status, action);
    return rule ? [{ type: action, label: rule.label }] : [];
  });
}

/** Amendments (names and dates) are possible while the visit is pending or under way; never for emergency requests. */
export const AMENDABLE_STATUSES: readonly VisitStatus[] = ['requested', 'approved', 'in_progress'];

export function isAmendable(type: VisitType, status: VisitStatus): boolean {
  return type !== 'emergency' && AMENDABLE_STATUSES.includes(status);
}
