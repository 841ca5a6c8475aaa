// The non-classification parts of the receipt form, one fieldset each.
import { Fieldset } from '@trussworks/react-uswds';
import { observer } from 'mobx-react-lite';
import { DIRECTIONS, TRANSMISSION_LABELS, TRANSMISSION_METHODS } from '../../../../electron/common/receipts/model.js';
import { useStores } from '../../components/StoresContext.js';
import { DIRECTION_LABELS } from '../../format/labels.js';
import { DraftCheckbox, DraftDate, DraftSelect, DraftText, DraftTextArea } from './draftInputs.js';

export const ReceiptBasics = observer(function ReceiptBasics() {
  const { form } = useStores().receipts;
  return (
    <Fieldset legend="Receipt" legendStyle="large">
      <DraftSelect
        field="direction"
        required
        disabled={form.mode === 'edit'}
        hint={form.mode === 'edit' ? 'The direction of a receipt cannot change.' : 'Incoming: material received here. Outgoing: material dispatched from here.'}
        options={DIRECTIONS.map((d) => ({ value: d, label: DIRECTION_LABELS[d] }))}
      />
      <DraftText field="controlNumber" required />
      <DraftText field="unclassifiedTitle" required hint="Receipts must themselves be unclassified: no classified words here." />
      <DraftText field="copyNumbers" hint="Serial copy numbers separated by commas; required for TOP SECRET and NATO material." />
    </Fieldset>
  );
});

export const MaterialSection = observer(function MaterialSection() {
  return (
    <Fieldset legend="Material" legendStyle="large">
      <DraftDate field="materialDate" />
      <DraftText field="natoReference" />
      <DraftText field="natoShortTitle" />
      <DraftText field="contractNumber" />
    </Fieldset>
  );
});

export const PartySection = observer(function PartySection({ party }: { party: 'sender' | 'addressee' }) {
  return (
    <Fieldset legend={party === 'sender' ? 'Sender' : 'Addressee'} legendStyle="large">
      <DraftText field={`${party}.organisation`} required />
      <DraftTextArea field={`${party}.address`} />
      <DraftText field={`${party}.pointOfContact`} />
    </Fieldset>
  );
});

export const TransmissionSection = observer(function TransmissionSection() {
  const { form } = useStores().receipts;
  return (
    <Fieldset legend="Transmission" legendStyle="large">
      <DraftSelect
        field="transmission"
        required
        placeholder="- Select -"
        options={TRANSMISSION_METHODS.map((m) => ({ value: m, label: TRANSMISSION_LABELS[m] }))}
      />
      {form.values.transmission === 'government_to_government' && <DraftText field="dgr" hint="Who carries it through government channels." />}
      <DraftCheckbox field="international" hint="A signed receipt is always required; the suspense is 45 days (32 CFR 117.19(d))." />
    </Fieldset>
  );
});

export const AccountabilitySection = observer(function AccountabilitySection() {
  const { form } = useStores().receipts;
  return (
    <Fieldset legend="Accountability" legendStyle="large">
      {form.values.direction === 'incoming' && <DraftDate field="receivedOn" required />}
      <DraftText field="custodian" />
      <DraftText field="storageContainer" />
      <DraftTextArea field="notes" />
    </Fieldset>
  );
});
