// The `print` route: reads the record (PrintStore) and shows its print view.
import { observer } from 'mobx-react-lite';
import { useEffect } from 'react';
import { useStores } from '../components/StoresContext.js';
import { DestructionCertificate } from './DestructionCertificate.js';
import { IncidentReport, ReleasableIncidentReport } from './IncidentReport.js';
import type { PrintOrigin } from './printContext.js';
import type { PrintForm } from './printForms.js';
import { printBackRoute, samePrintForm } from './printForms.js';
import { PrintPlaceholder } from './PrintDocument.js';
import { ReceiptForm } from './ReceiptForm.js';
import { VisitRequestSummary } from './VisitRequestSummary.js';

const TITLES: Record<PrintForm['kind'], string> = {
  receipt: 'Receipt for classified material',
  destruction: 'Certificate of destruction',
  visit: 'Visit request summary',
  incident: 'Incident report',
};

const BACK_LABELS: Record<PrintForm['kind'], string> = {
  receipt: 'Back to receipt',
  destruction: 'Back to receipt',
  visit: 'Back to visit request',
  incident: 'Back to incident',
};

export const PrintRouteScreen = observer(function PrintRouteScreen({ form }: { form: PrintForm }) {
  const { print, session, ui } = useStores();
  useEffect(() => {
    void print.load(form);
  }, [print, form]);
  const onBack = () => ui.navigate(printBackRoute(form));
  const data = samePrintForm(print.form, form) ? print.data : null;
  const origin: PrintOrigin = {
    siteName: session.info?.siteName ?? '',
    siteId: session.info?.siteId ?? '',
    preparedBy: session.session?.displayName ?? '',
    today: session.today,
  };
  const placeholder = (error: string | null) => <PrintPlaceholder title={TITLES[form.kind]} error={error} onBack={onBack} backLabel={BACK_LABELS[form.kind]} />;
  if (data === null) return placeholder(print.error);

  if (form.kind === 'receipt' && data.kind === 'receipt') return <ReceiptForm receipt={data.receipt} origin={origin} onBack={onBack} />;
  if (form.kind === 'destruction' && data.kind === 'receipt') {
    const { destruction } = data.receipt;
    if (destruction === null) return placeholder(`Receipt ${data.receipt.controlNumber} has no destruction recorded.`);
    return <DestructionCertificate receipt={data.receipt} destruction={destruction} origin={origin} onBack={onBack} />;
  }
  if (form.kind === 'visit' && data.kind === 'visit') return <VisitRequestSummary visit={data.visit} origin={origin} onBack={onBack} />;
  if (form.kind === 'incident' && data.kind === 'incident') return <IncidentReport incident={data.incident} report={form.report} origin={origin} onBack={onBack} />;
  if (form.kind === 'incident' && data.kind === 'release') return <ReleasableIncidentReport release={data.release} report={form.report} origin={origin} onBack={onBack} />;
  return placeholder(print.error);
});
