// Every field of a receipt, grouped as a custodian reads a receipt: material, parties,
// transmission, accountability, suspense, inspection, reproduction, destruction, record.
import type { ReactNode } from 'react';
import { bannerMarking, foreignOrigins, portionMarking } from '../../../../electron/common/classification/index.js';
import type { Party, ReceiptView } from '../../../../electron/common/receipts/model.js';
import { STATUS_LABELS, TRANSMISSION_LABELS } from '../../../../electron/common/receipts/model.js';
import { DIRECTION_LABELS, formatDate, formatTimestamp, listOrDash, yesNo } from '../../format/labels.js';
import { overdueText } from './ReceiptRow.js';

type Item = [label: string, value: ReactNode];

function Section({ id, title, items, children }: { id: string; title: string; items: readonly Item[]; children?: ReactNode }) {
  return (
    <section className="receipt-section" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{title}</h2>
      {items.length > 0 && (
        <dl className="field-list">
          {items.map(([label, value]) => (
            <div key={label} className="field-list__item">
              <dt>{label}</dt>
              <dd>{value === '' ? '—' : value}</dd>
            </div>
          ))}
        </dl>
      )}
      {children}
    </section>
  );
}

function party(p: Party): string {
  return [p.organisation, p.address, p.pointOfContact ? `POC: ${p.pointOfContact}` : ''].filter((s) => s !== '').join(' · ');
}

function suspenseState(r: ReceiptView): string {
  if (r.overdue) return overdueText(r.daysOverdue);
  if (r.dueSoon) return 'Due soon';
  return r.suspenseDueOn ? 'Open' : 'No suspense';
}

export function ReceiptFields({ receipt: r }: { receipt: ReceiptView }) {
  const c = r.classification;
  return (
    <div className="receipt-fields">
      <Section
        id="material"
        title="Material"
        items={[
          ['Control number', r.controlNumber],
          ['Unclassified short title', r.unclassifiedTitle],
          ['Banner marking', bannerMarking(c)],
          ['Portion marking', portionMarking(c)],
          ['Foreign origin', listOrDash(foreignOrigins(c))],
          ['Copy numbers', listOrDash(r.copyNumbers)],
          ['Date of material', formatDate(r.materialDate)],
          ['NATO reference number', r.natoReference],
          ['NATO short title', r.natoShortTitle],
          ['Contract number', r.contractNumber],
        ]}
      />
      <Section id="parties" title="Parties" items={[['Sender', party(r.sender)], ['Addressee', party(r.addressee)]]} />
      <Section
        id="transmission"
        title="Transmission"
        items={[
          ['Direction', DIRECTION_LABELS[r.direction]],
          ['Method', TRANSMISSION_LABELS[r.transmission]],
          ['Designated Government Representative', r.dgr],
          ['International transfer', yesNo(r.international)],
          ['Date dispatched', formatDate(r.dispatchedOn)],
          ['Date received', formatDate(r.receivedOn)],
        ]}
      />
      <Section
        id="accountability"
        title="Accountability"
        items={[
          ['Status', STATUS_LABELS[r.status]],
          ['Custodian', r.custodian],
          ['Storage container', r.storageContainer],
          ['Receipt signed by', r.receiptSignedBy],
          ['Signed receipt returned', formatDate(r.receiptReturnedOn)],
          ['Improper receipt', r.improperReceipt ? `Yes, reported to the CSA ${formatDate(r.improperReceiptReportedOn)}` : 'No'],
          ['Inventoried', listOrDash(r.inventoriedOn)],
          ['Transfer', r.transfer ? `${formatDate(r.transfer.on)} to ${r.transfer.to} ${r.transfer.outgoingControlNumber}`.trim() : '—'],
          ['Notes', r.notes],
        ]}
      />
      <Section
        id="suspense"
        title="Suspense"
        items={[
          ['State', suspenseState(r)],
          ['Suspense period', r.suspenseDays === null ? '—' : `${r.suspenseDays} days`],
          ['Signed receipt due', formatDate(r.suspenseDueOn)],
          ['Tracers sent', listOrDash(r.tracerDates)],
          ['Escalated', r.escalation ? `${formatDate(r.escalation.on)}: ${r.escalation.reason}` : '—'],
        ]}
      />
      <Section
        id="inspection"
        title="Inspection"
        items={
          r.inspection
            ? [
                ['Date inspected', formatDate(r.inspection.inspectedOn)],
                ['Signs of tampering', yesNo(r.inspection.tamperingFound)],
                ['Contents match', yesNo(r.inspection.contentsMatch)],
                ['Inspection notes', r.inspection.notes],
              ]
            : [['Inspection', 'Not recorded']]
        }
      />
      <Section
        id="reproduction"
        title="Reproduction"
        items={
          r.reproductions.length > 0
            ? r.reproductions.map((rep, i): Item => [
                `Reproduction ${i + 1}`,
                `${formatDate(rep.date)}: ${rep.copies} ${rep.copies === 1 ? 'copy' : 'copies'} (${listOrDash(rep.copyNumbers)}), authorised by ${rep.authorisedBy}`,
              ])
            : [['Reproductions', 'None recorded']]
        }
      />
      <Section
        id="destruction"
        title="Destruction"
        items={
          r.destruction
            ? [
                ['Date destroyed', formatDate(r.destruction.date)],
                ['Method', r.destruction.method],
                ['Witnesses', listOrDash(r.destruction.witnesses)],
                ['Certificate number', r.destruction.certificateNumber],
              ]
            : [['Destruction', 'Not recorded']]
        }
      />
      <Section
        id="record"
        title="Record"
        items={[
          ['Version', String(r.version)],
          ['Created', `${formatTimestamp(r.createdAt)} by ${r.createdBy}`],
          ['Last changed', `${formatTimestamp(r.updatedAt)} by ${r.updatedBy}`],
          ['Origin site', r.siteId],
          ['Void reason', r.voidReason],
        ]}
      />
    </div>
  );
}
