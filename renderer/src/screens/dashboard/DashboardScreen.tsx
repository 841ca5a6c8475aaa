// The first screen after sign-in: what needs attention, in the parts the user's roles may read,
// marked at the highest level it shows.
import { Alert, Button } from '@trussworks/react-uswds';
import { observer } from 'mobx-react-lite';
import { useEffect } from 'react';
import type { Dashboard } from '../../../../electron/common/contract/dashboard.js';
import { ClassificationBanner } from '../../components/ClassificationBanner.js';
import { useStores } from '../../components/StoresContext.js';
import { usePage } from '../../components/usePage.js';
import '../overview.css';
import { DashboardList } from './DashboardList.js';
import { DashboardStatus } from './DashboardStatus.js';
import { OpenItemsChart } from './OpenItemsChart.js';

function RecordParts({ data }: { data: Dashboard }) {
  const { receipts, visits, incidents } = data;
  if (receipts === null && visits === null && incidents === null) return null;
  return (
    <div className="dashboard__grid">
      {receipts && (
        <>
          <DashboardList id="dash-receipts-overdue" title="Receipts overdue" list={receipts.overdue} when="overdue" empty="No signed receipt is overdue." />
          <DashboardList
            id="dash-receipts-soon"
            title={`Receipts due within ${data.dueSoonDays} days`}
            list={receipts.dueSoon}
            when="ahead"
            empty="No suspense falls due soon."
          />
        </>
      )}
      {visits && (
        <>
          <DashboardList id="dash-visits-today" title="Visits today" list={visits.today} when="ahead" empty="No visit today." />
          <DashboardList id="dash-visits-upcoming" title={`Visits in the next ${visits.upcomingDays} days`} list={visits.upcoming} when="ahead" empty="No visit coming up." />
        </>
      )}
      {incidents && (
        <>
          <DashboardList id="dash-incidents-overdue" title="Incident steps overdue" list={incidents.overdue} when="overdue" empty="No incident step is overdue." />
          <DashboardList
            id="dash-incidents-soon"
            title={`Incident steps due within ${data.dueSoonDays} days`}
            list={incidents.dueSoon}
            when="ahead"
            empty="No incident step falls due soon."
          />
        </>
      )}
    </div>
  );
}

export const DashboardScreen = observer(function DashboardScreen() {
  const { dashboard } = useStores();
  const heading = usePage('Dashboard');
  useEffect(() => {
    void dashboard.load();
  }, [dashboard]);
  const data = dashboard.dashboard;
  return (
    <div className="dashboard">
      <div className="screen-head">
        <h1 ref={heading} tabIndex={-1}>
          Dashboard
        </h1>
        <div className="screen-head__actions">
          <Button type="button" outline onClick={() => void dashboard.load()}>
            Refresh
          </Button>
        </div>
      </div>
      {dashboard.error && (
        <Alert type="error" headingLevel="h2" slim role="alert">
          {dashboard.error}
        </Alert>
      )}
      <p role="status" className="usa-sr-only">
        {dashboard.isLoading ? 'Reading the dashboard…' : data ? `Dashboard for ${data.today}` : ''}
      </p>
      {data && (
        <>
          <ClassificationBanner classification={data.classification} position="record" />
          <p className="report-meta">
            Today is {data.today}. {data.receipts === null && data.visits === null && data.incidents === null && 'Your roles do not include reading records.'}
          </p>
          <RecordParts data={data} />
          {data.trend && <OpenItemsChart points={data.trend} />}
          <DashboardStatus data={data} />
          <ClassificationBanner classification={data.classification} position="record" />
        </>
      )}
    </div>
  );
});
