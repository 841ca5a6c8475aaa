// Export the filtered trail as CSV, and check the journal's hash chains.
import { Alert, Button } from '@trussworks/react-uswds';
import { observer } from 'mobx-react-lite';
import { useStores } from '../../components/StoresContext.js';
import { verifySentence } from '../../format/audit.js';

export const AuditTools = observer(function AuditTools() {
  const { audit } = useStores();
  const report = audit.verifyReport;
  return (
    <div className="audit-tools">
      <div className="button-row">
        <Button type="button" outline disabled={audit.isExporting} onClick={() => void audit.exportCsv()}>
          Export CSV
        </Button>
        <Button type="button" outline disabled={audit.isVerifying} onClick={() => void audit.verify()}>
          Verify integrity
        </Button>
      </div>
      <div role="status" className="audit-tools__status">
        {audit.exportMessage && !audit.exportFailed && <p>{audit.exportMessage}</p>}
        {audit.isVerifying && <p>Verifying the journal…</p>}
        {report?.ok === true && (
          <Alert type="success" headingLevel="h2" slim>
            {verifySentence(report)}
          </Alert>
        )}
      </div>
      {audit.exportFailed && audit.exportMessage && (
        <Alert type="error" headingLevel="h2" slim role="alert">
          {audit.exportMessage}
        </Alert>
      )}
      {report?.ok === false && (
        <Alert type="error" headingLevel="h2" heading="The journal's integrity is broken" role="alert">
          {verifySentence(report)}
        </Alert>
      )}
      {audit.verifyError && (
        <Alert type="error" headingLevel="h2" slim role="alert">
          {audit.verifyError}
        </Alert>
      )}
    </div>
  );
});
