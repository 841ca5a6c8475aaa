// The Sync screen. At a site: status, export to headquarters, import of headquarters'
// acknowledgements. At headquarters: status, import of the sites' bundles with a preview, the
// sites table with acknowledgements. Both: signing identity, trust store, alarms, bundle history.
// Each part shows to the roles its contract method allows (readers see, officers act).
import { Alert, Button } from '@trussworks/react-uswds';
import { observer } from 'mobx-react-lite';
import { useEffect } from 'react';
import { useStores } from '../../components/StoresContext.js';
import { usePage } from '../../components/usePage.js';
import { AlarmsPanel } from './AlarmsPanel.js';
import { ExportPanel } from './ExportPanel.js';
import { HistoryPanel } from './HistoryPanel.js';
import { IdentityPanel } from './IdentityPanel.js';
import { ImportPanel } from './ImportPanel.js';
import { SitesPanel } from './SitesPanel.js';
import { StatusPanel } from './StatusPanel.js';
import { TrustPanel } from './TrustPanel.js';
import './sync.css';

export const SyncScreen = observer(function SyncScreen() {
  const { sync } = useStores();
  const heading = usePage('Sync');
  useEffect(() => {
    void sync.load();
  }, [sync]);
  const hq = sync.isHq;
  return (
    <div className="sync">
      <div className="screen-head">
        <h1 ref={heading} tabIndex={-1}>
          Sync
        </h1>
        <div className="screen-head__actions">
          <Button type="button" outline disabled={sync.isLoading} onClick={() => void sync.load()}>
            Refresh
          </Button>
        </div>
      </div>
      <p className="sync-intro">
        {hq
          ? 'Headquarters: import the sites’ signed bundles from removable media after a preview, then answer each site with an acknowledgement.'
          : 'This site: export what headquarters has not acknowledged to removable media as one signed bundle, and import headquarters’ acknowledgements.'}
      </p>
      {sync.error && (
        <Alert type="error" headingLevel="h2" slim>
          {sync.error}
        </Alert>
      )}
      <StatusPanel />
      {hq ? (
        <>
          {sync.can('sync.import') && <ImportPanel />}
          {sync.can('sync.sites') && <SitesPanel />}
        </>
      ) : (
        <>
          {sync.can('sync.export') && <ExportPanel />}
          {sync.can('sync.import') && <ImportPanel />}
        </>
      )}
      {sync.can('sync.alarms') && <AlarmsPanel />}
      <IdentityPanel />
      {sync.can('trust.list') && <TrustPanel />}
      {sync.can('sync.bundles') && <HistoryPanel />}
    </div>
  );
});
