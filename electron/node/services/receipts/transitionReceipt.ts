import { addDays } from '../../../common/primitives.js';
import type { Receipt, ReceiptView } from '../../../common/receipts/model.js';
import { STATUS_LABELS } from '../../../common/receipts/model.js';
import type { ReceiptAction } from '../../../common/receipts/transitions.js';
import { findTransition } from '../../../common/receipts/transitions.js';
import { LedgerError, assertNever } from '../../../common/result.js';
import type { HandlerContext } from '../../context.js';
import { assertNotFuture, needsWitnessedDestruction } from './rules.js';
import { loadForChange } from './store.js';
import { suspenseDaysFor, toView } from './view.js';

export interface TransitionInput {
  id: string;
  expectedVersion: number;
  action: ReceiptAction;
}

/** Apply one workflow action. The status machine decides if it may happen at all; the rules below decide if it makes sense. */
export function transitionReceipt(ctx: HandlerContext, input: TransitionInput): ReceiptView {
  const current = loadForChange(ctx, input.id, input.expectedVersion);
  const { action } = input;
  const rule = findTransition(current.direction, current.status, action.type);
  if (!rule) {
    throw new LedgerError(
      'INVALID_TRANSITION',
      `cannot ${action.type.replace('_', ' ')} an ${current.direction} receipt that is ${STATUS_LABELS[current.status].toLowerCase()}`,
      { details: { status: current.status, action: action.type } },
    );
  }
  const today = ctx.today();
  const next: Receipt = { ...applyAction(ctx, current, action, today), version: current.version + 1, updatedAt: ctx.nowIso(), updatedBy: ctx.actor() };
  next.status = rule.to ?? current.status;
  ctx.record('receipt', current.id, action.type, { record: next, action });
  return toView(next, today, ctx.settings());
}

function applyAction(ctx: HandlerContext, r: Receipt, action: ReceiptAction, today: string): Receipt {
  switch (action.type) {
    case 'dispatch': {
      assertNotFuture(action.dispatchedOn, today, ['action', 'dispatchedOn']);
      const suspenseDays = suspenseDaysFor(r, ctx.settings());
      return { ...r, dispatchedOn: action.dispatchedOn, suspenseDays, suspenseDueOn: addDays(action.dispatchedOn, suspenseDays) };
    }
    case 'acknowledge':
      assertNotFuture(action.returnedOn, today, ['action', 'returnedOn']);
      assertNotBefore(action.returnedOn, r.dispatchedOn, ['action', 'returnedOn'], 'the dispatch date');
      return { ...r, receiptSignedBy: action.signedBy, receiptReturnedOn: action.returnedOn };
    case 'tracer':
      assertNotFuture(action.sentOn, today, ['action', 'sentOn']);
      if (r.suspenseDueOn === null || action.sentOn <= r.suspenseDueOn) {
        throw new LedgerError('INVALID_TRANSITION', `a tracer is sent once the suspense has passed (due ${r.suspenseDueOn ?? 'not set'})`);
      }
      return { ...r, tracerDates: [...r.tracerDates, action.sentOn] };
    case 'escalate':
      assertNotFuture(action.on, today, ['action', 'on']);
      assertNotBefore(action.on, r.tracerDates.at(-1) ?? null, ['action', 'on'], 'the last tracer');
      return { ...r, escalation: { on: action.on, reason: action.reason } };
    case 'inspect':
      assertNotFuture(action.inspection.inspectedOn, today, ['action', 'inspection', 'inspectedOn']);
      assertNotBefore(action.inspection.inspectedOn, r.receivedOn, ['action', 'inspection', 'inspectedOn'], 'the date received');
      return { ...r, inspection: action.inspection };
    case 'sign':
      assertNotFuture(action.returnedOn, today, ['action', 'returnedOn']);
      assertNotBefore(action.returnedOn, r.inspection?.inspectedOn ?? null, ['action', 'returnedOn'], 'the inspection');
      return { ...r, receiptSignedBy: action.signedBy, receiptReturnedOn: action.returnedOn };
    case 'report_improper':
      if (!r.improperReceipt) throw new LedgerError('INVALID_TRANSITION', 'this receipt is not an improper receipt');
      if (r.improperReceiptReportedOn !== null) {
        throw new LedgerError('INVALID_TRANSITION', `the improper receipt was already reported on ${r.improperReceiptReportedOn}`);
      }
      assertNotFuture(action.reportedOn, today, ['action', 'reportedOn']);
      return { ...r, improperReceiptReportedOn: action.reportedOn };
    case 'reproduce':
      assertNotFuture(action.reproduction.date, today, ['action', 'reproduction', 'date']);
      return { ...r, reproductions: [...r.reproductions, action.reproduction] };
    case 'inventory':
      assertNotFuture(action.on, today, ['action', 'on']);
      return { ...r, inventoriedOn: [...r.inventoriedOn, action.on] };
    case 'transfer':
      assertNotFuture(action.on, today, ['action', 'on']);
      return { ...r, transfer: { on: action.on, to: action.to, outgoingControlNumber: action.outgoingControlNumber } };
    case 'destroy':
      assertDestructionRules(r, action.destruction, today);
      return { ...r, destruction: action.destruction };
    case 'archive':
      return r;
    case 'void':
      return { ...r, voidReason: action.reason };
    default:
      return assertNever(action, 'receipt action');
  }
}

function assertDestructionRules(r: Receipt, d: Extract<ReceiptAction, { type: 'destroy' }>['destruction'], today: string): void {
  assertNotFuture(d.date, today, ['action', 'destruction', 'date']);
  if (needsWitnessedDestruction(r.classification)) {
    const witnesses = new Set(d.witnesses.map((w) => w.toLowerCase()));
    if (witnesses.size < 2) {
      throw new LedgerError('INVALID_INPUT', 'destruction of TOP SECRET material needs two different witnesses', {
        issues: [{ path: ['action', 'destruction', 'witnesses'], message: 'name two different witnesses' }],
      });
    }
    if (d.certificateNumber === '') {
      throw new LedgerError('INVALID_INPUT', 'destruction of TOP SECRET material needs a certificate number', {
        issues: [{ path: ['action', 'destruction', 'certificateNumber'], message: 'is required for TOP SECRET material' }],
      });
    }
  }
}

function assertNotBefore(date: string, earliest: string | null, field: string[], what: string): void {
  if (earliest !== null && date < earliest) {
    throw new LedgerError('INVALID_INPUT', `${field.join('.')} is before ${what} (${earliest})`, {
      issues: [{ path: field, message: `is before ${what} (${earliest})` }],
    });
  }
}
