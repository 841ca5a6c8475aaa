// The "Print …" buttons of the record screens, each opening one print view (route `print`).
// Shown to everyone who can read the record: printing changes nothing.
import { Button } from '@trussworks/react-uswds';
import type { IncidentView } from '../../../electron/common/incidents/model.js';
import type { ReceiptView } from '../../../electron/common/receipts/model.js';
import type { VisitView } from '../../../electron/common/visits/model.js';
import { useStores } from '../components/StoresContext.js';
import type { IncidentReportVersion, PrintForm } from './printForms.js';

function PrintGroup({ forms }: { forms: readonly (readonly [label: string, form: PrintForm] | false)[] }) {
  const { ui } = useStores();
  const shown = forms.filter((f): f is readonly [string, PrintForm] => f !== false);
  if (shown.length === 0) return null;
  return (
    <div className="button-row print-buttons" role="group" aria-label="Print">
      {shown.map(([label, form]) => (
        <Button key={label} type="button" outline onClick={() => ui.navigate({ name: 'print', form })}>
          {label}
        </Button>
      ))}
    </div>
  );
}

export function ReceiptPrintButtons({ receipt }: { receipt: ReceiptView }) {
  return (
    <PrintGroup
      forms={[
        receipt.status !== 'void' && ['Print receipt', { kind: 'receipt', id: receipt.id }],
        receipt.destruction !== null && ['Print destruction certificate', { kind: 'destruction', id: receipt.id }],
      ]}
    />
  );
}

export function VisitPrintButtons({ visit }: { visit: VisitView }) {
  return <PrintGroup forms={[visit.status !== 'void' && ['Print visit summary', { kind: 'visit', id: visit.id }]]} />;
}

/** Final reports are prepared during the investigation, so they are offered from then on. */
const FINAL_REPORT_FROM = ['investigation', 'final_report', 'csa_review', 'closed'];

function incidentForms(incident: Pick<IncidentView, 'id' | 'status'>, version: IncidentReportVersion, suffix: string): (readonly [string, PrintForm] | false)[] {
  if (incident.status === 'void') return [];
  return [
    [`Print initial report${suffix}`, { kind: 'incident', id: incident.id, report: 'initial', version }],
    FINAL_REPORT_FROM.includes(incident.status) && [`Print final report${suffix}`, { kind: 'incident', id: incident.id, report: 'final', version }],
  ];
}

export function IncidentPrintButtons({ incident }: { incident: IncidentView }) {
  return <PrintGroup forms={incidentForms(incident, 'internal', '')} />;
}

/**
 * On the foreign-releasable version. The status comes from the incident screen's store when it
 * is there; the release itself carries no status, so without it both reports are offered.
 */
export function ReleasePrintButtons({ id, status }: { id: string; status: IncidentView['status'] | null }) {
  return <PrintGroup forms={incidentForms({ id, status: status ?? 'closed' }, 'releasable', ' (releasable)')} />;
}
