// Sync and journal state on the dashboard: the last export and whether headquarters has
// acknowledged it; the last integrity check, and a button to run one now.
import { Alert, Button } from '@trussworks/react-uswds';
import { observer } from 'mobx-react-lite';
import type { Dashboard } from '../../../../electron/common/contract/dashboard.js';
import { useStores } from '../../components/StoresContext.js';
import { verifySentence } from '../../format/audit.js';
import { formatTimestamp, plural } from '../../format/labels.js';

function SyncState({ sync }: { sync: NonNullable<Dashboard['sync']> }) {
  const last = sync.lastExport;
  return (
    <section className="dashboard-status" aria-labelledby="dashboard-sync">
      <h2 id="dashboard-sync">Sync with headquarters</h2>
      {sync.siteRole === 'hq' ? (
        <p>This installation is headquarters: see Sync for each site.</p>
      ) : last === null ? (
        <p>No bundle exported yet.</p>
      ) : (
        <p>
          Last export {formatTimestamp(last.at)} ({last.fileName}, up to entry {last.lastSeq}):{' '}
          <strong>{sync.lastExportAcknowledged ? 'acknowledged by headquarters' : 'not yet acknowledged by headquarters'}</strong>.
        </p>
      )}
      {sync.siteRole === 'site' && <p>{plural(sync.unacknowledged, 'journal entry', 'journal entries')} not yet acknowledged.</p>}
      {sync.openAlarms > 0 && (
        <p>
          <strong>{plural(sync.openAlarms, 'open security alarm')}</strong>: see Sync.
        </p>
      )}
    </section>
  );
}

const IntegrityState = observer(function IntegrityState({ integrity }: { integrity: NonNullable<Dashboard['integrity']> }) {
  const { dashboard } = useStores();
  const last = integrity.lastVerify;
  return (
    <section className="dashboard-status" aria-labelledby="dashboard-integrity">
      <h2 id="dashboard-integrity">Journal integrity</h2>
      {last === null ? (
        <p>The journal has not been verified yet.</p>
      ) : (
        <p>
          Last verified {formatTimestamp(last.at)} by {last.actor}: <strong>{last.intact ? 'intact' : 'BROKEN'}</strong> ({plural(last.entries, 'entry', 'entries')});{' '}
          {plural(integrity.entriesSince, 'entry', 'entries')} added since.
        </p>
      )}
      <Button type="button" outline disabled={dashboard.journalCheck.isVerifying} onClick={() => void dashboard.verify()}>
        Verify integrity now
      </Button>
      <div role="status">
        {dashboard.journalCheck.isVerifying && <p>Verifying the journal…</p>}
        {dashboard.journalCheck.report?.ok === true && <p>{verifySentence(dashboard.journalCheck.report)}</p>}
      </div>
      {dashboard.journalCheck.report?.ok === false && (
        <Alert type="error" headingLevel="h3" heading="The journal's integrity is broken" role="alert">
          {verifySentence(dashboard.journalCheck.report)}
        </Alert>
      )}
      {dashboard.journalCheck.error && (
        <Alert type="error" headingLevel="h3" slim role="alert">
          {dashboard.journalCheck.error}
        </Alert>
      )}
    </section>
  );
});

export function DashboardStatus({ data }: { data: Dashboard }) {
  if (data.sync === null && data.integrity === null) return null;
  return (
    <div className="dashboard__grid">
      {data.sync && <SyncState sync={data.sync} />}
      {data.integrity && <IntegrityState integrity={data.integrity} />}
    </div>
  );
}
