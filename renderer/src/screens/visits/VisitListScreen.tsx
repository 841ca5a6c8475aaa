// The visits list: views (upcoming, current), filters, the count, the highest marking on screen
// and the grid. Each row shows its marking, type, dates, visitor count, status and dispose-after date.
import { Alert, Button } from '@trussworks/react-uswds';
import { observer } from 'mobx-react-lite';
import { useEffect } from 'react';
import { portionMarking } from '../../../../electron/common/classification/index.js';
import type { VisitListItem } from '../../../../electron/common/visits/model.js';
import { VISIT_STATUS_LABELS } from '../../../../electron/common/visits/model.js';
import { MarkingTag } from '../../components/ClassificationBanner.js';
import type { GridColumn } from '../../components/RecordGrid.js';
import { RecordGrid } from '../../components/RecordGrid.js';
import { useStores } from '../../components/StoresContext.js';
import { usePage } from '../../components/usePage.js';
import { plural } from '../../format/labels.js';
import { VisitFilters } from './VisitFilters.js';
import { visitKind } from './visitLabels.js';

const OpenVisit = observer(function OpenVisit({ visit }: { visit: VisitListItem }) {
  const { ui } = useStores();
  return (
    <button type="button" className="usa-button usa-button--unstyled receipt-grid__open" onClick={() => ui.navigate({ name: 'visit', id: visit.id })}>
      {visit.requestNumber}
    </button>
  );
});

const COLUMNS: readonly GridColumn<VisitListItem>[] = [
  { label: 'Marking', width: '5rem', className: 'receipt-grid__marking', cell: (v) => portionMarking(v.classification) },
  { label: 'Request number', width: '10rem', sort: 'requestNumber', cell: (v) => <OpenVisit visit={v} /> },
  { label: 'Unclassified title', width: 'minmax(8rem, 1fr)', cell: (v) => <span title={v.unclassifiedTitle}>{v.unclassifiedTitle}</span> },
  { label: 'Type', width: '10rem', cell: (v) => visitKind(v) },
  { label: 'Country', width: '5.5rem', sort: 'country', cell: (v) => v.country },
  { label: 'Dates', width: '12.5rem', sort: 'startDate', cell: (v) => `${v.startDate} to ${v.endDate}` },
  { label: 'Visitors', width: '5.5rem', cell: (v) => String(v.activeVisitorCount) },
  { label: 'Status', width: '7.5rem', sort: 'status', cell: (v) => VISIT_STATUS_LABELS[v.status] },
  { label: 'Dispose after', width: '8rem', sort: 'disposeAfter', cell: (v) => v.disposeAfter },
];

const ListSummary = observer(function ListSummary() {
  const { paged } = useStores().visits.list;
  const highest = paged.highestShown;
  return (
    <div className="list-summary">
      <p className="list-summary__count" role="status">
        {paged.total === null ? (paged.isLoading ? 'Loading visit requests…' : '') : `${plural(paged.total, 'visit request')} found`}
      </p>
      <p className="list-summary__marking">
        Highest marking shown: {highest ? <MarkingTag classification={highest} /> : <span>none (no rows on screen)</span>}
      </p>
    </div>
  );
});

export const VisitListScreen = observer(function VisitListScreen() {
  const { visits, ui, session } = useStores();
  const { list } = visits;
  const heading = usePage('Visits');
  useEffect(() => {
    if (list.paged.total === null && !list.paged.isLoading) list.reload();
  }, [list]);
  return (
    <div className="receipt-list">
      <div className="screen-head">
        <h1 ref={heading} tabIndex={-1}>
          Visits
        </h1>
        <div className="screen-head__actions">
          <Button type="button" outline onClick={() => list.reload()}>
            Refresh
          </Button>
          {session.canWrite && (
            <Button type="button" onClick={() => ui.navigate({ name: 'visitNew' })}>
              New visit request
            </Button>
          )}
        </div>
      </div>
      <VisitFilters />
      {list.paged.error && (
        <Alert type="error" headingLevel="h2" slim>
          {list.paged.error}
        </Alert>
      )}
      <ListSummary />
      <RecordGrid
        label="Visit requests"
        columns={COLUMNS}
        paged={list.paged}
        sort={list.sort}
        sortDir={list.sortDir}
        onSort={(field) => list.setSort(field)}
        empty="No visit requests match."
      />
    </div>
  );
});
