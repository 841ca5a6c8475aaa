// The incidents list: filters, the count, the highest marking on screen and the grid. A row
// with an overdue step says so in words ("Overdue 3 days"), besides its colour.
import { Alert, Button } from '@trussworks/react-uswds';
import { observer } from 'mobx-react-lite';
import { useEffect } from 'react';
import { portionMarking } from '../../../../electron/common/classification/index.js';
import type { IncidentListItem } from '../../../../electron/common/incidents/model.js';
import { DETERMINATION_LABELS } from '../../../../electron/common/incidents/model.js';
import { INCIDENT_STATUS_LABELS } from '../../../../electron/common/incidents/steps.js';
import { MarkingTag } from '../../components/ClassificationBanner.js';
import type { GridColumn } from '../../components/RecordGrid.js';
import { RecordGrid } from '../../components/RecordGrid.js';
import { useStores } from '../../components/StoresContext.js';
import { usePage } from '../../components/usePage.js';
import { plural } from '../../format/labels.js';
import { IncidentFilters } from './IncidentFilters.js';
import { overdueDays } from './stepText.js';

const OpenIncident = observer(function OpenIncident({ incident }: { incident: IncidentListItem }) {
  const { ui } = useStores();
  return (
    <button type="button" className="usa-button usa-button--unstyled receipt-grid__open" onClick={() => ui.navigate({ name: 'incident', id: incident.id })}>
      {incident.incidentNumber}
    </button>
  );
});

/** The most overdue step, in words. */
function OverdueCell({ incident }: { incident: IncidentListItem }) {
  const worst = incident.steps.filter((s) => s.state === 'overdue').sort((a, b) => b.daysOverdue - a.daysOverdue)[0];
  if (!worst) return <span>No</span>;
  return (
    <span title={worst.label}>
      <span className="usa-tag tag-overdue">{overdueDays(worst.daysOverdue)}</span> {worst.label}
    </span>
  );
}

const COLUMNS: readonly GridColumn<IncidentListItem>[] = [
  { label: 'Marking', width: '6.5rem', className: 'receipt-grid__marking', cell: (i) => portionMarking(i.classification) },
  { label: 'Incident number', width: '9.5rem', sort: 'incidentNumber', cell: (i) => <OpenIncident incident={i} /> },
  { label: 'Unclassified title', width: 'minmax(8rem, 1fr)', cell: (i) => <span title={i.unclassifiedTitle}>{i.unclassifiedTitle}</span> },
  { label: 'Status', width: '9rem', sort: 'status', cell: (i) => INCIDENT_STATUS_LABELS[i.status] },
  { label: 'Next step due', width: '8rem', sort: 'nextDueOn', cell: (i) => i.nextStep?.dueOn ?? '—' },
  { label: 'Overdue', width: '14rem', cell: (i) => <OverdueCell incident={i} /> },
  { label: 'Discovered', width: '7.5rem', sort: 'discoveredOn', cell: (i) => i.discoveredOn },
  { label: 'Determination', width: '8.5rem', cell: (i) => (i.determination ? DETERMINATION_LABELS[i.determination.outcome] : 'Not yet') },
];

const ListSummary = observer(function ListSummary() {
  const { paged } = useStores().incidents.list;
  const highest = paged.highestShown;
  return (
    <div className="list-summary">
      <p className="list-summary__count" role="status">
        {paged.total === null ? (paged.isLoading ? 'Loading incidents…' : '') : `${plural(paged.total, 'incident')} found`}
      </p>
      <p className="list-summary__marking">
        Highest marking shown: {highest ? <MarkingTag classification={highest} /> : <span>none (no rows on screen)</span>}
      </p>
    </div>
  );
});

export const IncidentListScreen = observer(function IncidentListScreen() {
  const { incidents, ui, session } = useStores();
  const { list } = incidents;
  const heading = usePage('Incidents');
  useEffect(() => {
    if (list.paged.total === null && !list.paged.isLoading) list.reload();
  }, [list]);
  return (
    <div className="receipt-list">
      <div className="screen-head">
        <h1 ref={heading} tabIndex={-1}>
          Incidents
        </h1>
        <div className="screen-head__actions">
          <Button type="button" outline onClick={() => list.reload()}>
            Refresh
          </Button>
          {session.canWrite && (
            <Button type="button" onClick={() => ui.navigate({ name: 'incidentNew' })}>
              New incident
            </Button>
          )}
        </div>
      </div>
      <IncidentFilters />
      {list.paged.error && (
        <Alert type="error" headingLevel="h2" slim>
          {list.paged.error}
        </Alert>
      )}
      <ListSummary />
      <RecordGrid
        label="Incidents"
        columns={COLUMNS}
        paged={list.paged}
        sort={list.sort}
        sortDir={list.sortDir}
        onSort={(field) => list.setSort(field)}
        rowClass={(i) => (i.overdue ? 'receipt-grid__row--overdue' : '')}
        empty="No incidents match."
      />
    </div>
  );
});
