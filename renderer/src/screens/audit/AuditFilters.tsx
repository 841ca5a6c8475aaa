// Filters of the audit trail: user, kind, action and a date range. Applied on request, not per
// keystroke, since every reading of the trail is itself recorded in it.
import { Button, Form } from '@trussworks/react-uswds';
import { observer } from 'mobx-react-lite';
import { JOURNAL_KINDS } from '../../../../electron/common/journal.js';
import { DateField, SelectField, TextField } from '../../components/FormFields.js';
import { useStores } from '../../components/StoresContext.js';
import { humanise } from '../../format/labels.js';
import type { AuditFilters as Filters } from '../../stores/AuditListStore.js';
import { AUDIT_FILTER_LABELS } from '../../stores/AuditListStore.js';

export const AuditFilters = observer(function AuditFilters() {
  const { list } = useStores().audit;
  const f = list.filters;
  const errors = list.filterErrors;
  return (
    <Form
      role="search"
      aria-label="Filter the audit trail"
      className="audit-filters"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        list.apply();
      }}
    >
      <div className="audit-filters__grid">
        <TextField
          id="audit-filter-actor"
          label={AUDIT_FILTER_LABELS.actor}
          hint="User name that acted (sign-in attempts without a session are recorded as system)"
          value={f.actor}
          error={errors.get('actor')}
          onChange={(v) => list.setFilter('actor', v)}
        />
        <SelectField
          id="audit-filter-kind"
          label={AUDIT_FILTER_LABELS.kind}
          placeholder="All kinds"
          value={f.kind}
          options={JOURNAL_KINDS.map((k) => ({ value: k, label: humanise(k) }))}
          error={errors.get('kind')}
          onChange={(v) => list.setFilter('kind', v as Filters['kind'])}
        />
        <TextField
          id="audit-filter-action"
          label={AUDIT_FILTER_LABELS.action}
          hint="Exact name, e.g. sign_in_failed, idle_lock, unlock"
          value={f.action}
          error={errors.get('action')}
          onChange={(v) => list.setFilter('action', v)}
        />
        <DateField id="audit-filter-from" label={AUDIT_FILTER_LABELS.from} hint="UTC, inclusive" value={f.from} error={errors.get('from')} onChange={(v) => list.setFilter('from', v)} />
        <DateField id="audit-filter-to" label={AUDIT_FILTER_LABELS.to} hint="UTC, inclusive" value={f.to} error={errors.get('to')} onChange={(v) => list.setFilter('to', v)} />
      </div>
      <div className="button-row">
        <Button type="submit">Apply filters</Button>
        <Button type="button" outline disabled={!list.hasFilters} onClick={() => list.clearFilters()}>
          Clear filters
        </Button>
      </div>
    </Form>
  );
});
