// The visits list's views and filters: upcoming / current, direction, status, type, country,
// dates and a debounced search. Each change asks the core again from the first page.
import { Button, Form } from '@trussworks/react-uswds';
import { observer } from 'mobx-react-lite';
import { VISIT_DIRECTIONS, VISIT_STATUSES, VISIT_STATUS_LABELS, VISIT_TYPES, VISIT_TYPE_LABELS } from '../../../../electron/common/visits/model.js';
import { DateField, SelectField, TextField } from '../../components/FormFields.js';
import { SiteFilterField } from '../../components/SiteFilterField.js';
import { useStores } from '../../components/StoresContext.js';
import { fieldSentence } from '../../format/errors.js';
import { DIRECTION_LABELS } from '../../format/labels.js';
import type { VisitFilters as Filters } from '../../stores/VisitListStore.js';
import { WHEN_LABELS } from './visitLabels.js';

export const VisitFilters = observer(function VisitFilters() {
  const { list } = useStores().visits;
  const f = list.filters;
  const error = (key: string, label: string) => {
    const message = list.paged.filterErrors.get(key);
    return message && fieldSentence(label, message);
  };
  return (
    <Form
      role="search"
      aria-label="Filter visits"
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
            id="visit-filter-search"
            label="Search visits"
            type="search"
            hint="Request number, title, requester, facility, purpose or visitor name"
            value={list.searchText}
            error={error('search', 'Search')}
            onChange={(v) => list.setSearchText(v)}
          />
        </div>
        <SiteFilterField id="visit-filter-site" value={f.siteId} onChange={(v) => list.setFilter('siteId', v)} />
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
        <TextField
          id="visit-filter-country"
          label="Country"
          hint="Trigraph such as DEU, or NATO"
          value={f.country}
          error={error('country', 'Country')}
          onChange={(v) => list.setCountry(v)}
        />
        <DateField id="visit-filter-from" label="Visiting on or after" value={f.from} error={error('from', 'Visiting on or after')} onChange={(v) => list.setFilter('from', v)} />
        <DateField id="visit-filter-to" label="Visiting on or before" value={f.to} error={error('to', 'Visiting on or before')} onChange={(v) => list.setFilter('to', v)} />
        <div className="receipt-filters__checks">
          <Button type="button" outline disabled={!list.hasFilters} onClick={() => list.clearFilters()}>
            Clear filters
          </Button>
        </div>
      </div>
    </Form>
  );
});
