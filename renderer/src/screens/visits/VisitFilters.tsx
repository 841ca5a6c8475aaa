// The visits list's views and filters: upcoming / current, direction, status, type, country,
// dates and a debounced search. Each change asks the core again from the first page.
import { observer } from 'mobx-react-lite';
import { VISIT_DIRECTIONS, VISIT_STATUSES, VISIT_STATUS_LABELS, VISIT_TYPES, VISIT_TYPE_LABELS } from '../../../../electron/common/visits/model.js';
import { DateField, SelectField } from '../../components/FormFields.js';
import { RecordFilterBar, filterError } from '../../components/RecordFilterBar.js';
import { useStores } from '../../components/StoresContext.js';
import { DIRECTION_LABELS } from '../../format/labels.js';
import type { VisitFilters as Filters } from '../../stores/VisitListStore.js';
import { WHEN_LABELS } from './visitLabels.js';

export const VisitFilters = observer(function VisitFilters() {
  const { list } = useStores().visits;
  const f = list.filters;
  return (
    <RecordFilterBar
      list={list}
      idPrefix="visit-filter"
      noun="visits"
      searchHint="Request number, title, requester, facility, purpose or visitor name"
      countryLabel="Country"
      afterCountry={
        <>
          <DateField id="visit-filter-from" label="Visiting on or after" value={f.from} error={filterError(list, 'from', 'Visiting on or after')} onChange={(v) => list.setFilter('from', v)} />
          <DateField id="visit-filter-to" label="Visiting on or before" value={f.to} error={filterError(list, 'to', 'Visiting on or before')} onChange={(v) => list.setFilter('to', v)} />
        </>
      }
    >
      <SelectField
        id="visit-filter-when"
        label="View"
        value={f.when}
        options={Object.entries(WHEN_LABELS).map(([value, label]) => ({ value, label }))}
        onChange={(v) => list.setFilter('when', v as Filters['when'])}
      />
      <SelectField
        id="visit-filter-direction"
        label="Direction"
        value={f.direction}
        placeholder="All directions"
        options={VISIT_DIRECTIONS.map((d) => ({ value: d, label: DIRECTION_LABELS[d] }))}
        onChange={(v) => list.setFilter('direction', v as Filters['direction'])}
      />
      <SelectField
        id="visit-filter-status"
        label="Status"
        value={f.status}
        placeholder="All statuses"
        options={VISIT_STATUSES.map((s) => ({ value: s, label: VISIT_STATUS_LABELS[s] }))}
        onChange={(v) => list.setFilter('status', v as Filters['status'])}
      />
      <SelectField
        id="visit-filter-type"
        label="Type of visit"
        value={f.type}
        placeholder="All types"
        options={VISIT_TYPES.map((t) => ({ value: t, label: VISIT_TYPE_LABELS[t] }))}
        onChange={(v) => list.setFilter('type', v as Filters['type'])}
      />
    </RecordFilterBar>
  );
});
