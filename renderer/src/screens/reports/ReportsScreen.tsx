// Reports (docs/reports.md): choose one, see it marked on screen, export it as CSV, print it.
import { Alert } from '@trussworks/react-uswds';
import { observer } from 'mobx-react-lite';
import { useEffect } from 'react';
import { useStores } from '../../components/StoresContext.js';
import { usePage } from '../../components/usePage.js';
import '../overview.css';
import { ReportParams } from './ReportParams.js';
import { ReportPdfAction } from './ReportPdfAction.js';
import { ReportView } from './ReportView.js';

export const ReportsScreen = observer(function ReportsScreen() {
  const { reports, session } = useStores();
  const heading = usePage('Reports');
  useEffect(() => {
    reports.setDefaults(session.today);
  }, [reports, session]);
  const report = reports.result;
  return (
    <div className="reports">
      <div className="screen-head no-print">
        <h1 ref={heading} tabIndex={-1}>
          Reports
        </h1>
      </div>
      <ReportParams />
      <div role="status" className="no-print">
        {reports.isRunning && <p>Running the report…</p>}
        {reports.csvExport.message && !reports.csvExport.failed && <p>{reports.csvExport.message}</p>}
      </div>
      {(reports.error || (reports.csvExport.failed && reports.csvExport.message)) && (
        <Alert type="error" headingLevel="h2" slim role="alert" className="no-print">
          {reports.error ?? reports.csvExport.message}
        </Alert>
      )}
      {report && (
        <ReportView
          report={report}
          onOpen={(kind, id) => reports.open(kind, id)}
          actions={<ReportPdfAction report={report} today={session.today} />}
        />
      )}
    </div>
  );
});
