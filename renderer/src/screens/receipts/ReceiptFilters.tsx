// Filters, sort-independent: direction, status, overdue, level, FGI separation, country and a
// debounced full-text search. Each change re-queries the core from the first page.
import { observer } from 'mobx-react-lite';
import { US_LEVELS } from '../../../../electron/common/classification/index.js';
import type { Direction, ReceiptStatus } from '../../../../electron/common/receipts/model.js';
import { DIRECTIONS, INCOMING_STATUSES, OUTGOING_STATUSES, RECEIPT_STATUSES, STATUS_LABELS } from '../../../../electron/common/receipts/model.js';
import { CheckboxField, SelectField } from '../../components/FormFields.js';
import { RecordFilterBar } from '../../components/RecordFilterBar.js';
import { useStores } from '../../components/StoresContext.js';
import { DIRECTION_LABELS, FGI_FILTER_LABELS } from '../../format/labels.js';
import type { ReceiptFilters as Filters } from '../../stores/ReceiptListStore.js';

function statusesFor(direction: Direction | ''): readonly ReceiptStatus[] {
  if (direction === 'incoming') return [...INCOMING_STATUSES, 'void'];
  if (direction === 'outgoing') return [...OUTGOING_STATUSES, 'void'];
  return RECEIPT_STATUSES;
}

export const ReceiptFilters = observer(function ReceiptFilters() {
  const { list } = useStores().receipts;
  const f = list.filters;
  return (
    <RecordFilterBar
      list={list}
      idPrefix="filter"
      noun="receipts"
      searchHint="Control number, title, parties or notes"
      countryLabel="Country of origin"
      checks={<CheckboxField id="filter-overdue" label="Overdue only" checked={f.overdueOnly} onChange={(v) => list.setFilter('overdueOnly', v)} />}
    >
      <SelectField
        id="filter-direction"
        label="Direction"
        value={f.direction}
        placeholder="All directions"
        options={DIRECTIONS.map((d) => ({ value: d, label: DIRECTION_LABELS[d] }))}
        onChange={(v) => list.setFilter('direction', v as Filters['direction'])}
      />
      <SelectField
        id="filter-status"
        label="Status"
        value={f.status}
        placeholder="All statuses"
        options={statusesFor(f.direction).map((s) => ({ value: s, label: STATUS_LABELS[s] }))}
        onChange={(v) => list.setFilter('status', v as Filters['status'])}
      />
      <SelectField
        id="filter-level"
        label="Classification level"
        value={f.level}
        placeholder="All levels"
        options={US_LEVELS.map((l) => ({ value: l, label: l }))}
        onChange={(v) => list.setFilter('level', v as Filters['level'])}
      />
      <SelectField
        id="filter-fgi"
        label="Foreign government information"
        value={f.fgi}
        options={Object.entries(FGI_FILTER_LABELS).map(([value, label]) => ({ value, label }))}
        onChange={(v) => list.setFilter('fgi', v as Filters['fgi'])}
      />
    </RecordFilterBar>
  );
});
