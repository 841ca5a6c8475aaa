import { daysBetween } from '../../../common/primitives.js';
import type { Receipt, ReceiptView } from '../../../common/receipts/model.js';
import type { Settings } from '../../../common/site.js';

const AWAITING_RECEIPT = new Set(['dispatched', 'tracer_sent', 'escalated']);

/** Overdue and due-soon are facts of today, computed at read time from the injected clock. */
export function toView(receipt: Receipt, today: string, settings: Settings): ReceiptView {
  const awaiting = AWAITING_RECEIPT.has(receipt.status) && receipt.suspenseDueOn !== null;
  const due = receipt.suspenseDueOn ?? today;
  const overdue = awaiting && due < today;
  return {
    ...receipt,
    overdue,
    daysOverdue: overdue ? daysBetween(due, today) : 0,
    dueSoon: awaiting && !overdue && daysBetween(today, due) <= settings.dueSoonDays,
  };
}

export function suspenseDaysFor(receipt: Pick<Receipt, 'international'>, settings: Settings): number {
  return receipt.international ? settings.suspenseDaysInternational : settings.suspenseDaysDomestic;
}
