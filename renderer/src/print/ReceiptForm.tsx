// The classified-material receipt: the form that travels with the material and comes back signed
// (32 CFR 2001.46; 117.19(d) for international transfers). A receipt must itself be unclassified
// (DOMAIN.md): it names the material only by its unclassified short title, control and copy
// numbers, and states the material's classification as a fact. So every portion is (U) and the
// banner, the highest marking on the page, reads UNCLASSIFIED. Internal notes are not printed.
import { bannerMarking } from '../../../electron/common/classification/index.js';
import type { Party, ReceiptView } from '../../../electron/common/receipts/model.js';
import { TRANSMISSION_LABELS } from '../../../electron/common/receipts/model.js';
import { DIRECTION_LABELS, formatDate, listOrDash, yesNo } from '../format/labels.js';
import { UNCLASSIFIED, UNCLASSIFIED_PORTION as U, pageBanner } from './pageMarking.js';
import type { PrintOrigin } from './printContext.js';
import { originLine } from './printContext.js';
import { PrintDocument } from './PrintDocument.js';
import type { PrintItem } from './PrintParts.js';
import { PrintFields, PrintParagraph, PrintSection, SignatureBlock } from './PrintParts.js';

/** The portions of a printed receipt: all unclassified. */
export const RECEIPT_PORTIONS = [UNCLASSIFIED];

export function materialItems(receipt: ReceiptView): PrintItem[] {
  const items: PrintItem[] = [
    [U, 'Control number', receipt.controlNumber],
    [U, 'Copy numbers', listOrDash(receipt.copyNumbers)],
    [U, 'Unclassified short title', receipt.unclassifiedTitle],
    [U, 'Classification of the material', bannerMarking(receipt.classification)],
    [U, 'Date of the material', formatDate(receipt.materialDate)],
  ];
  if (receipt.natoReference !== '' || receipt.natoShortTitle !== '') {
    items.push([U, 'NATO reference number', receipt.natoReference], [U, 'NATO short title', receipt.natoShortTitle]);
  }
  if (receipt.contractNumber !== '') items.push([U, 'Contract number', receipt.contractNumber]);
  return items;
}

function partyItems(party: Party): PrintItem[] {
  return [
    [U, 'Organisation', party.organisation],
    [U, 'Address', party.address],
    [U, 'Point of contact', party.pointOfContact],
  ];
}

export function ReceiptForm({ receipt, origin, onBack }: { receipt: ReceiptView; origin: PrintOrigin; onBack: () => void }) {
  const outgoing = receipt.direction === 'outgoing';
  return (
    <PrintDocument
      title="Receipt for classified material"
      subtitle={`Control number ${receipt.controlNumber} · ${DIRECTION_LABELS[receipt.direction]} · ${originLine(origin)}`}
      banner={pageBanner(RECEIPT_PORTIONS)}
      fileName={`Receipt ${receipt.controlNumber}`}
      onBack={onBack}
      backLabel="Back to receipt"
    >
      <PrintSection title="Material">
        <PrintFields items={materialItems(receipt)} />
      </PrintSection>
      <div className="print-columns">
        <PrintSection title="From (sender)">
          <PrintFields items={partyItems(receipt.sender)} />
        </PrintSection>
        <PrintSection title="To (addressee)">
          <PrintFields items={partyItems(receipt.addressee)} />
        </PrintSection>
      </div>
      <PrintSection title="Transmission">
        <PrintFields
          items={[
            [U, 'Method of transmission', TRANSMISSION_LABELS[receipt.transmission]],
            receipt.dgr !== '' && [U, 'Designated Government Representative', receipt.dgr],
            [U, 'International transfer', yesNo(receipt.international)],
            outgoing ? [U, 'Date dispatched', formatDate(receipt.dispatchedOn)] : [U, 'Date received', formatDate(receipt.receivedOn)],
            outgoing && receipt.suspenseDueOn !== null && [U, 'Return the signed receipt by', receipt.suspenseDueOn],
          ]}
        />
      </PrintSection>
      <PrintSection title="Acknowledgement of receipt">
        <PrintParagraph portion={U}>
          I acknowledge receipt of the material described above, complete and with no sign of tampering. Sign, date and return this
          receipt to the sender: {receipt.sender.organisation}
          {receipt.sender.address !== '' ? `, ${receipt.sender.address}` : ''}.
        </PrintParagraph>
        <SignatureBlock title="Received by (addressee)" />
        {receipt.receiptSignedBy !== '' && (
          <PrintFields
            items={[
              [U, 'Recorded as signed by', receipt.receiptSignedBy],
              [U, 'Signed receipt returned on', formatDate(receipt.receiptReturnedOn)],
            ]}
          />
        )}
      </PrintSection>
    </PrintDocument>
  );
}
