// One receipt: its marking at the top, the overdue state, workflow actions, every field, history.
import { Alert, Button, Tag } from '@trussworks/react-uswds';
import { observer } from 'mobx-react-lite';
import { useEffect } from 'react';
import { portionMarking } from '../../../../electron/common/classification/index.js';
import type { ReceiptView } from '../../../../electron/common/receipts/model.js';
import { STATUS_LABELS } from '../../../../electron/common/receipts/model.js';
import { ClassificationBanner } from '../../components/ClassificationBanner.js';
import { ReceiptPrintButtons } from '../../print/PrintButtons.js';
import { useStores } from '../../components/StoresContext.js';
import { usePage } from '../../components/usePage.js';
import { DIRECTION_LABELS, formatDate } from '../../format/labels.js';
import { OpenIncidentButton, OpenIncidentForm } from '../incidents/OpenIncidentFromReceipt.js';
import { ActionForm } from './ActionForm.js';
import { ReceiptFields } from './ReceiptFields.js';
import { ReceiptHistory } from './ReceiptHistory.js';
import { overdueText } from './ReceiptRow.js';

function SuspenseAlert({ receipt }: { receipt: ReceiptView }) {
  if (receipt.overdue) {
    return (
      <Alert type="warning" headingLevel="h2" heading={overdueText(receipt.daysOverdue)}>
        The signed receipt was due on {formatDate(receipt.suspenseDueOn)}.
        {receipt.international ? ' Follow up through the cognizant security agency (32 CFR 117.19(d)).' : ' Send a tracer or escalate.'}
      </Alert>
    );
  }
  if (receipt.dueSoon) {
    return (
      <Alert type="info" headingLevel="h2" slim>
        Signed receipt due on {formatDate(receipt.suspenseDueOn)}.
      </Alert>
    );
  }
  return null;
}

const Actions = observer(function Actions({ receipt }: { receipt: ReceiptView }) {
  const { receipts, ui, session } = useStores();
  const { detail } = receipts;
  if (!session.canWrite) {
    return (
      <div className="button-row">
        <Button type="button" outline onClick={() => ui.navigate({ name: 'receipts' })}>
          Back to receipts
        </Button>
      </div>
    );
  }
  return (
    <div className="button-row receipt-actions" role="group" aria-label="Receipt actions">
      <Button type="button" outline onClick={() => ui.navigate({ name: 'receipts' })}>
        Back to receipts
      </Button>
      {receipt.status !== 'void' && receipt.status !== 'archived' && (
        <Button type="button" outline onClick={() => ui.navigate({ name: 'receiptEdit', id: receipt.id })}>
          Edit
        </Button>
      )}
      {detail.actions.map((action) => (
        <Button
          key={action.type}
          type="button"
          secondary={action.type === 'void'}
          onClick={() => detail.startAction(action.type)}
        >
          {action.label}
        </Button>
      ))}
      <OpenIncidentButton receipt={receipt} />
    </div>
  );
});

export const ReceiptDetailScreen = observer(function ReceiptDetailScreen({ id }: { id: string }) {
  const { detail } = useStores().receipts;
  const receipt = detail.receipt?.id === id ? detail.receipt : null;
  const heading = usePage(receipt ? `Receipt ${receipt.controlNumber}` : 'Receipt');
  useEffect(() => {
    void detail.open(id);
  }, [detail, id]);

  if (!receipt) {
    return (
      <div>
        <h1 ref={heading} tabIndex={-1}>
          Receipt
        </h1>
        {detail.error ? (
          <Alert type="error" headingLevel="h2" slim>
            {detail.error}
          </Alert>
        ) : (
          <p>Loading…</p>
        )}
      </div>
    );
  }
  return (
    <article className="receipt-detail" aria-labelledby="receipt-heading">
      <ClassificationBanner classification={receipt.classification} position="record" />
      <h1 id="receipt-heading" ref={heading} tabIndex={-1}>
        Receipt {receipt.controlNumber}
      </h1>
      <p className="receipt-detail__lead">
        <span className="receipt-detail__portion">{portionMarking(receipt.classification)}</span> {receipt.unclassifiedTitle}
      </p>
      <p className="receipt-detail__state">
        <Tag className="tag-status">{STATUS_LABELS[receipt.status]}</Tag> {DIRECTION_LABELS[receipt.direction]} · version {receipt.version}
      </p>
      <SuspenseAlert receipt={receipt} />
      {detail.error && (
        <Alert type="error" headingLevel="h2" slim>
          {detail.error}
        </Alert>
      )}
      <Actions receipt={receipt} />
      <ReceiptPrintButtons receipt={receipt} />
      <ActionForm />
      <OpenIncidentForm receipt={receipt} />
      <ReceiptFields receipt={receipt} />
      <ReceiptHistory />
      <ClassificationBanner classification={receipt.classification} position="record" />
    </article>
  );
});
