// The certificate of destruction of accountable material, with a block for the destroying official
// and one per witness (TOP SECRET and foreign TOP SECRET destruction is witnessed by two; the
// certificate is kept 2 years). Like the receipt it names the material only by its unclassified
// title and numbers, so every portion is (U) and the banner reads UNCLASSIFIED.
import { bannerMarking } from '../../../electron/common/classification/index.js';
import type { Destruction, ReceiptView } from '../../../electron/common/receipts/model.js';
import { listOrDash } from '../format/labels.js';
import { UNCLASSIFIED, UNCLASSIFIED_PORTION as U, pageBanner } from './pageMarking.js';
import type { PrintOrigin } from './printContext.js';
import { originLine } from './printContext.js';
import { PrintDocument } from './PrintDocument.js';
import { PrintFields, PrintParagraph, PrintSection, SignatureBlock } from './PrintParts.js';

export const CERTIFICATE_PORTIONS = [UNCLASSIFIED];

/** TOP SECRET (U.S. level, which foreign TOP SECRET is protected at) destruction needs two witnesses. */
function topSecret(receipt: ReceiptView): boolean {
  return receipt.classification.level === 'TOP SECRET';
}

export function DestructionCertificate({ receipt, destruction, origin, onBack }: { receipt: ReceiptView; destruction: Destruction; origin: PrintOrigin; onBack: () => void }) {
  const witnesses = destruction.witnesses.length > 0 ? destruction.witnesses : [''];
  return (
    <PrintDocument
      title="Certificate of destruction of classified material"
      subtitle={`Certificate ${destruction.certificateNumber || 'not numbered'} · control number ${receipt.controlNumber} · ${originLine(origin)}`}
      banner={pageBanner(CERTIFICATE_PORTIONS)}
      fileName={`Destruction certificate ${receipt.controlNumber}`}
      onBack={onBack}
      backLabel="Back to receipt"
    >
      <PrintSection title="Material destroyed">
        <PrintFields
          items={[
            [U, 'Certificate number', destruction.certificateNumber],
            [U, 'Control number', receipt.controlNumber],
            [U, 'Copy numbers', listOrDash(receipt.copyNumbers)],
            [U, 'Unclassified short title', receipt.unclassifiedTitle],
            [U, 'Classification of the material', bannerMarking(receipt.classification)],
            receipt.natoReference !== '' && [U, 'NATO reference number', receipt.natoReference],
            [U, 'Custodian', receipt.custodian],
          ]}
        />
      </PrintSection>
      <PrintSection title="Destruction">
        <PrintFields
          items={[
            [U, 'Date of destruction', destruction.date],
            [U, 'Method of destruction', destruction.method],
            [U, 'Witnesses', listOrDash(destruction.witnesses)],
          ]}
        />
        <PrintParagraph portion={U}>
          We certify that the material described above was completely destroyed on {destruction.date} by {destruction.method.toLowerCase()}
          {destruction.witnesses.length > 0 ? ', in the presence of the witnesses named below' : ''}.
          {topSecret(receipt) ? ' TOP SECRET destruction is witnessed by two people; keep this certificate for 2 years.' : ''}
        </PrintParagraph>
      </PrintSection>
      <PrintSection title="Signatures">
        <SignatureBlock title="Destroying official" name={receipt.custodian || undefined} />
        {witnesses.map((name, i) => (
          <SignatureBlock key={i} title={witnesses.length > 1 ? `Witness ${i + 1}` : 'Witness'} name={name || undefined} />
        ))}
      </PrintSection>
    </PrintDocument>
  );
}
