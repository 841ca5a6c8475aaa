// The receipt status machines. The core rejects any transition not listed here; the UI only
// offers what `availableActions` returns, from the same table.
import { z } from 'zod';
import { isoDateSchema, reasonSchema, requiredText, text } from '../primitives.js';
import type { Direction, ReceiptStatus } from './model.js';
import { destructionSchema, inspectionSchema, reproductionSchema } from './model.js';

export const receiptActionSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('dispatch'), dispatchedOn: isoDateSchema }),
  z.strictObject({ type: z.literal('acknowledge'), signedBy: requiredText(200), returnedOn: isoDateSchema }),
  z.strictObject({ type: z.literal('tracer'), sentOn: isoDateSchema }),
  z.strictObject({ type: z.literal('escalate'), on: isoDateSchema, reason: reasonSchema }),
  z.strictObject({ type: z.literal('inspect'), inspection: inspectionSchema }),
  z.strictObject({ type: z.literal('sign'), signedBy: requiredText(200), returnedOn: isoDateSchema }),
  z.strictObject({ type: z.literal('report_improper'), reportedOn: isoDateSchema }),
  z.strictObject({ type: z.literal('reproduce'), reproduction: reproductionSchema }),
  z.strictObject({ type: z.literal('inventory'), on: isoDateSchema }),
  z.strictObject({ type: z.literal('transfer'), on: isoDateSchema, to: requiredText(200), outgoingControlNumber: text(60).default('') }),
  z.strictObject({ type: z.literal('destroy'), destruction: destructionSchema }),
  z.strictObject({ type: z.literal('archive') }),
  z.strictObject({ type: z.literal('void'), reason: reasonSchema }),
]);
export type ReceiptAction = z.infer<typeof receiptActionSchema>;
export type ReceiptActionInput = z.input<typeof receiptActionSchema>;
export type ReceiptActionType = ReceiptAction['type'];

interface TransitionRule {
  direction: Direction;
  from: readonly ReceiptStatus[];
  /** `null` keeps the current status (an entry in the record, not a change of state). */
  to: ReceiptStatus | null;
  label: string;
}

export const RECEIPT_TRANSITIONS: Record<ReceiptActionType, readonly TransitionRule[]> = {
  dispatch: [{ direction: 'outgoing', from: ['prepared'], to: 'dispatched', label: 'Dispatch' }],
  acknowledge: [
    { direction: 'outgoing', from: ['dispatched', 'tracer_sent', 'escalated'], to: 'acknowledged', label: 'Record signed receipt' },
  ],
  tracer: [{ direction: 'outgoing', from: ['dispatched', 'tracer_sent'], to: 'tracer_sent', label: 'Send tracer' }],
  escalate: [{ direction: 'outgoing', from: ['tracer_sent'], to: 'escalated', label: 'Escalate' }],
  inspect: [{ direction: 'incoming', from: ['received'], to: 'inspected', label: 'Record inspection' }],
  sign: [{ direction: 'incoming', from: ['inspected'], to: 'in_accountability', label: 'Sign and return receipt' }],
  report_improper: [
    {
      direction: 'incoming',
      from: ['received', 'inspected', 'in_accountability', 'transferred', 'destroyed'],
      to: null,
      label: 'Record report of improper receipt to CSA',
    },
  ],
  reproduce: [{ direction: 'incoming', from: ['in_accountability'], to: null, label: 'Record reproduction' }],
  inventory: [{ direction: 'incoming', from: ['in_accountability'], to: null, label: 'Record inventory' }],
  transfer: [{ direction: 'incoming', from: ['in_accountability'], to: 'transferred', label: 'Transfer' }],
  destroy: [{ direction: 'incoming', from: ['in_accountability'], to: 'destroyed', label: 'Record destruction' }],
  archive: [
    { direction: 'outgoing', from: ['acknowledged'], to: 'archived', label: 'Archive' },
    { direction: 'incoming', from: ['transferred', 'destroyed'], to: 'archived', label: 'Archive' },
  ],
  void: [
    { direction: 'outgoing', from: ['prepared', 'dispatched', 'tracer_sent', 'escalated', 'acknowledged'], to: 'void', label: 'Void' },
    { direction: 'incoming', from: ['received', 'inspected', 'in_accountability'], to: 'void', label: 'Void' },
  ],
};

export const ACTION_TYPES = Object.keys(RECEIPT_TRANSITIONS) as ReceiptActionType[];

export function findTransition(direction: Direction, from: ReceiptStatus, action: ReceiptActionType): TransitionRule | undefined {
  return RECEIPT_TRANSITIONS[action].find((rule) => rule.direction === direction && rule.from.includes(from));
}

/** Actions the state machine allows from here (the core may still refuse one on a business rule). */
export function availableActions(direction: Direction, status: ReceiptStatus): { type: ReceiptActionType; label: string }[] {
  const result: { type: ReceiptActionType; label: string }[] = [];
  for (const type of ACTION_TYPES) {
    const rule = findTransition(direction, status, type);
    if (rule) result.push({ type, label: rule.label });
  }
  return result;
}

export const INITIAL_STATUS: Record<Direction, ReceiptStatus> = { outgoing: 'prepared', incoming: 'received' };
