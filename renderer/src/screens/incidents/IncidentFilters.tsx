// The incidents list's filters: status, overdue steps only, determination, country, dates and a
// debounced search. Each change asks the core again from the first page.
import { Button, Form } from '@trussworks/react-uswds';
import { observer } from 'mobx-react-lite';
import { DETERMINATIONS, DETERMINATION_LABELS } from '../../../../electron/common/incidents/model.js';
import { INCIDENT_STATUSES, INCIDENT_STATUS_LABELS } from '../../../../electron/common/incidents/steps.js';
import { CheckboxField, DateField, SelectField, TextField } from '../../components/FormFields.js';
import { SiteFilterField } from '../../components/SiteFilterField.js';
import { useStores } from '../../components/StoresContext.js';
import { fieldSentence } from '../../format/errors.js';
import type { IncidentFilters as Filters } from '../../stores/IncidentListStore.js';

export const IncidentFilters = observer(function IncidentFilters() {
  const { list } = useStores().incidents;
  const f = list.filters;
  const error = (key: string, label: string) => {
    const message = list.paged.filterErrors.get(key);
    return message && fieldSentence(label, message);
  };
  return (
    <Form
      role="search"
      aria-label="Filter incidents"
      className="receipt-filters"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        list.applySearch();
      }}
    >
      <div className="receipt-filters__grid">
        <div className="receipt-filters__search">
          <TextField
            id="incident-filter-search"
            label="Search incidents"
            type="search"
            hint="Number, title, description, location or material"
            value={list.searchText}
            error={error('search', 'Search')}
            onChange={(v) => list.setSearchText(v)}
          />
        </div>
        <SiteFilterField id="incident-filter-site" value={f.siteId} onChange={(v) => list.setFilter('siteId', v)} />
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
        <TextField
          id="incident-filter-country"
          label="Country"
          hint="Trigraph such as DEU, or NATO"
          value={f.country}
          error={error('country', 'Country')}
          onChange={(v) => list.setCountry(v)}
        />
        <DateField id="incident-filter-from" label="Discovered on or after" value={f.from} error={error('from', 'Discovered on or after')} onChange={(v) => list.setFilter('from', v)} />
        <DateField id="incident-filter-to" label="Discovered on or before" value={f.to} error={error('to', 'Discovered on or before')} onChange={(v) => list.setFilter('to', v)} />
        <div className="receipt-filters__checks">
          <CheckboxField id="incident-filter-overdue" label="Overdue steps only" checked={f.overdueOnly} onChange={(v) => list.setFilter('overdueOnly', v)} />
          <Button type="button" outline disabled={!list.hasFilters} onClick={() => list.clearFilters()}>
            Clear filters
          </Button>
        </div>
      </div>
    </Form>
  );
});
