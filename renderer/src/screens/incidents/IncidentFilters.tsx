// The incidents list's filters: status, overdue steps only, determination, country, dates and a
// debounced search. Each change asks the core again from the first page.
import { observer } from 'mobx-react-lite';
import { DETERMINATIONS, DETERMINATION_LABELS } from '../../../../electron/common/incidents/model.js';
import { INCIDENT_STATUSES, INCIDENT_STATUS_LABELS } from '../../../../electron/common/incidents/steps.js';
import { CheckboxField, DateField, SelectField } from '../../components/FormFields.js';
import { RecordFilterBar, filterError } from '../../components/RecordFilterBar.js';
import { useStores } from '../../components/StoresContext.js';
import type { IncidentFilters as Filters } from '../../stores/IncidentListStore.js';

export const IncidentFilters = observer(function IncidentFilters() {
  const { list } = useStores().incidents;
  const f = list.filters;
  return (
    <RecordFilterBar
      list={list}
      idPrefix="incident-filter"
      noun="incidents"
      searchHint="Number, title, description, location or material"
      countryLabel="Country"
      afterCountry={
        <>
          <DateField id="incident-filter-from" label="Discovered on or after" value={f.from} error={filterError(list, 'from', 'Discovered on or after')} onChange={(v) => list.setFilter('from', v)} />
          <DateField id="incident-filter-to" label="Discovered on or before" value={f.to} error={filterError(list, 'to', 'Discovered on or before')} onChange={(v) => list.setFilter('to', v)} />
        </>
      }
      checks={<CheckboxField id="incident-filter-overdue" label="Overdue steps only" checked={f.overdueOnly} onChange={(v) => list.setFilter('overdueOnly', v)} />}
    >
      <SelectField
        id="incident-filter-status"
        label="Status"
        value={f.status}
        placeholder="All statuses"
        options={INCIDENT_STATUSES.map((s) => ({ value: s, label: INCIDENT_STATUS_LABELS[s] }))}
        onChange={(v) => list.setFilter('status', v as Filters['status'])}
      />
      <SelectField
        id="incident-filter-determination"
        label="Determination"
        value={f.determination}
        placeholder="Any determination"
        options={DETERMINATIONS.map((d) => ({ value: d, label: DETERMINATION_LABELS[d] }))}
        onChange={(v) => list.setFilter('determination', v as Filters['determination'])}
      />
    </RecordFilterBar>
  );
});
