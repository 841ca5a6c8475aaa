// One row of the receipts grid. Overdue rows carry a text badge ("Overdue 12 days"), not only a
// colour; a row whose page is still loading says so.
import { Tag } from '@trussworks/react-uswds';
import { observer } from 'mobx-react-lite';
import { portionMarking } from '../../../../electron/common/classification/index.js';
import type { ReceiptView } from '../../../../electron/common/receipts/model.js';
import { STATUS_LABELS } from '../../../../electron/common/receipts/model.js';
import { useStores } from '../../components/StoresContext.js';
import { DIRECTION_LABELS, formatDate } from '../../format/labels.js';

export const ROW_HEIGHT = 52;

export function overdueText(days: number): string {
  return `Overdue ${days} ${days === 1 ? 'day' : 'days'}`;
}

export function SuspenseBadge({ receipt }: { receipt: ReceiptView }) {
  if (receipt.overdue) return <Tag className="tag-overdue">{overdueText(receipt.daysOverdue)}</Tag>;
  if (receipt.dueSoon) return <Tag className="tag-due-soon">Due soon</Tag>;
  return null;
}

export const ReceiptRow = observer(function ReceiptRow({ index, start }: { index: number; start: number }) {
  const { receipts, ui } = useStores();
  const receipt = receipts.list.paged.rowAt(index);
  const style = { height: ROW_HEIGHT, transform: `translateY(${start}px)` };
  if (!receipt) {
    return (
      <div role="row" aria-rowindex={index + 2} className="receipt-grid__row receipt-grid__row--loading" style={style}>
        <div role="cell" className="receipt-grid__loading">
          Loading…
        </div>
      </div>
    );
  }
  const rowClass = `receipt-grid__row${receipt.overdue ? ' receipt-grid__row--overdue' : ''}${index % 2 === 1 ? ' receipt-grid__row--odd' : ''}`;
  return (
    <div role="row" aria-rowindex={index + 2} className={rowClass} style={style} data-receipt-id={receipt.id}>
      <div role="cell" className="receipt-grid__cell receipt-grid__marking">
        {portionMarking(receipt.classification)}
      </div>
      <div role="cell" className="receipt-grid__cell">
        <button type="button" className="usa-button usa-button--unstyled receipt-grid__open" onClick={() => ui.navigate({ name: 'receipt', id: receipt.id })}>
          {receipt.controlNumber}
        </button>
      </div>
      <div role="cell" className="receipt-grid__cell receipt-grid__title" title={receipt.unclassifiedTitle}>
        {receipt.unclassifiedTitle}
      </div>
      <div role="cell" className="receipt-grid__cell">
        {DIRECTION_LABELS[receipt.direction]}
      </div>
      <div role="cell" className="receipt-grid__cell">
        {STATUS_LABELS[receipt.status]}
      </div>
      <div role="cell" className="receipt-grid__cell receipt-grid__suspense">
        <span>{formatDate(receipt.suspenseDueOn)}</span> <SuspenseBadge receipt={receipt} />
      </div>
    </div>
  );
});
