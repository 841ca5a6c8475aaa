// The incidents list: filters (status, overdue steps, determination, country, dates), search and
// sort, and the rows page by page; the list behaviour itself is RecordListStore's.
import type { Determination, IncidentListItem } from '../../../electron/common/incidents/model.js';
import type { IncidentQueryInput, IncidentSortField } from '../../../electron/common/incidents/query.js';
import { incidentQuerySchema } from '../../../electron/common/incidents/query.js';
import type { IncidentStatus } from '../../../electron/common/incidents/steps.js';
import type { ListSettings } from './RecordListStore.js';
import { RecordListStore } from './RecordListStore.js';
import { sharedQueryFields } from './recordQuery.js';
import type { RootStore } from './RootStore.js';

export interface IncidentFilters {
  status: IncidentStatus | '';
  overdueOnly: boolean;
  determination: Determination | '';
  country: string;
  from: string;
  to: string;
  /** Headquarters: the site the records come from. */
  siteId: string;
}

export type IncidentListStore = RecordListStore<IncidentFilters, IncidentSortField, IncidentQueryInput, IncidentListItem>;

const NO_FILTERS: IncidentFilters = { status: '', overdueOnly: false, determination: '', country: '', from: '', to: '', siteId: '' };
const FILTER_KEYS: ReadonlySet<string> = new Set(['siteId', 'statuses', 'overdueOnly', 'determinations', 'country', 'from', 'to', 'search']);

function incidentQuery({ filters, appliedSearch, sort, sortDir }: ListSettings<IncidentFilters, IncidentSortField>): IncidentQueryInput {
  const { overdueOnly, determination, from, to } = filters;
  const query: IncidentQueryInput = { ...sharedQueryFields(filters, appliedSearch), overdueOnly, sort, sortDir };
  if (determination) query.determinations = [determination];
  if (from) query.from = from;
  if (to) query.to = to;
  return query;
}

export function createIncidentList(root: RootStore, pageSize?: number): IncidentListStore {
  return new RecordListStore(
    {
      noFilters: NO_FILTERS,
      sort: 'discoveredOn',
      sortDir: 'desc',
      toQuery: incidentQuery,
      schema: incidentQuerySchema,
      filterKeys: FILTER_KEYS,
      fetch: (query) => root.api['incidents.list'](query),
    },
    pageSize,
  );
}
