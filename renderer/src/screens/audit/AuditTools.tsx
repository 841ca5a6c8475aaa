// Export the filtered trail as CSV, and check the journal's hash chains.
import { Alert, Button } from '@trussworks/react-uswds';
import { observer } from 'mobx-react-lite';
import { useStores } from '../../components/StoresContext.js';
import { verifySentence } from '../../format/audit.js';

export const AuditTools = observer(function AuditTools() {
  const { audit } = useStores();
  const report = audit.journalCheck.report;
  return (
    <div className="audit-tools">
      <div className="button-row">
        <Button type="button" outline disabled={audit.csvExport.isExporting} onClick={() => void audit.exportCsv()}>
          Export CSV
        </Button>
        <Button type="button" outline disabled={audit.journalCheck.isVerifying} onClick={() => void audit.journalCheck.verify()}>
          Verify integrity
        </Button>
      </div>
      <div role="status" className="audit-tools__status">
        {audit.csvExport.message && !audit.csvExport.failed && <p>{audit.csvExport.message}</p>}
        {audit.journalCheck.isVerifying && <p>Verifying the journal…</p>}
        {report?.ok === true && (
          <Alert type="success" headingLevel="h2" slim>
            {verifySentence(report)}
          </Alert>
        )}
      </div>
      {audit.csvExport.failed && audit.csvExport.message && (
        <Alert type="error" headingLevel="h2" slim role="alert">
          {audit.csvExport.message}
        </Alert>
      )}
      {report?.ok === false && (
        <Alert type="error" headingLevel="h2" heading="The journal's integrity is broken" role="alert">
          {verifySentence(report)}
        </Alert>
      )}
      {audit.journalCheck.error && (
        <Alert type="error" headingLevel="h2" slim role="alert">
          {audit.journalCheck.error}
        </Alert>
      )}
    </div>
  );
});
