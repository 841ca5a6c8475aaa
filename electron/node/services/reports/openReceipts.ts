// Open receipts: outgoing material whose signed receipt is not back, with its suspense date and
// whether it is overdue today (the same read-time rule as the receipts list).
import { STATUS_LABELS } from '../../../common/receipts/model.js';
import type { ReceiptView } from '../../../common/receipts/model.js';
import { MAX_REPORT_ROWS } from '../../../common/reports/model.js';
import { awaitingReceipts } from '../../../../db/queries/reports.js';
import type { HandlerContext } from '../../context.js';
import { toView } from '../receipts/view.js';
import type { ReportParts } from './reportTable.js';
import { markedRow, orDash } from './reportTable.js';

function suspenseState(r: ReceiptView): string {
  if (r.overdue) return `Overdue ${r.daysOverdue} days`;
  return r.dueSoon ? 'Due soon' : 'Open';
}

export function openReceiptsReport(ctx: HandlerContext): ReportParts {
  const today = ctx.today();
  const settings = ctx.settings();
  const { items, total } = awaitingReceipts(ctx.db, MAX_REPORT_ROWS);
  const rows = items.map((receipt) => {
    const r = toView(receipt, today, settings);
    return markedRow('receipt', r, [
      r.controlNumber,
      r.unclassifiedTitle,
      r.sender.organisation,
      r.addressee.organisation,
      orDash(r.dispatchedOn),
      orDash(r.suspenseDueOn),
      suspenseState(r),
      STATUS_LABELS[r.status],
      r.tracerDates.join(', '),
    ]);
  });
  return {
    parameters: `Outgoing receipts awaiting the signed receipt on ${today}`,
    columns: ['Control number', 'Unclassified title', 'Sender', 'Addressee', 'Dispatched', 'Suspense due', 'Suspense', 'Status', 'Tracers sent'],
    sections: [{ heading: 'Open receipts', rows }],
    truncated: total > items.length,
  };
}
