// The audit viewer (auditor, security officer): filters, the paged trail, an entry's details,
// CSV export and the integrity check.
import { Alert, Button } from '@trussworks/react-uswds';
import { observer } from 'mobx-react-lite';
import { useEffect } from 'react';
import { useStores } from '../../components/StoresContext.js';
import { usePage } from '../../components/usePage.js';
import { plural } from '../../format/labels.js';
import { AuditDetail } from './AuditDetail.js';
import { AuditFilters } from './AuditFilters.js';
import { AuditTable } from './AuditTable.js';
import { AuditTools } from './AuditTools.js';

export const AuditScreen = observer(function AuditScreen() {
  const { audit } = useStores();
  const { list } = audit;
  const heading = usePage('Audit trail');
  useEffect(() => {
    if (list.total === null && !list.isLoading) list.reload();
  }, [list]);
  return (
    <div className="audit">
      <div className="screen-head">
        <h1 ref={heading} tabIndex={-1}>
          Audit trail
        </h1>
        <div className="screen-head__actions">
          <Button type="button" outline onClick={() => list.reload()}>
            Refresh
          </Button>
        </div>
      </div>
      <AuditFilters />
      <AuditTools />
      {list.error && (
        <Alert type="error" headingLevel="h2" slim>
          {list.error}
        </Alert>
      )}
      <p role="status" className="audit__count">
        {list.total === null ? (list.isLoading ? 'Reading the audit trail…' : '') : `${plural(list.total, 'entry', 'entries')} found, newest first`}
      </p>
      <div className="audit-layout">
        <AuditTable />
        <AuditDetail />
      </div>
    </div>
  );
});
