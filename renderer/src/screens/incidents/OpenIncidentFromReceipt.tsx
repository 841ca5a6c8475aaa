// On a receipt's screen: when its signed receipt is overdue, or it was escalated, one action
// opens an incident already linked to it (incidents.openFromReceipt) and takes the user there.
import { Button } from '@trussworks/react-uswds';
import { observer } from 'mobx-react-lite';
import type { ReceiptView } from '../../../../electron/common/receipts/model.js';
import { SmallFormView } from '../../components/SmallFormView.js';
import { useStores } from '../../components/StoresContext.js';

export const OpenIncidentButton = observer(function OpenIncidentButton({ receipt }: { receipt: ReceiptView }) {
  const { incidents } = useStores();
  if (!incidents.canOpenFrom(receipt)) return null;
  return (
    <Button type="button" secondary onClick={() => incidents.startOpenFromReceipt(receipt)}>
      Open incident
    </Button>
  );
});

export const OpenIncidentForm = observer(function OpenIncidentForm({ receipt }: { receipt: ReceiptView }) {
  const { incidents, ui } = useStores();
  const form = incidents.fromReceipt;
  const existing = form.lastError?.code === 'CONFLICT' ? form.lastError.details?.incidentId : undefined;
  return (
    <SmallFormView form={form} target={receipt.id}>
      {typeof existing === 'string' && (
        <Button
          type="button"
          outline
          onClick={() => {
            form.close();
            ui.navigate({ name: 'incident', id: existing });
          }}
        >
          Open the incident already linked
        </Button>
      )}
    </SmallFormView>
  );
});
