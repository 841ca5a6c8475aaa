// The visits list: the upcoming and current views, filters (country, status, type, direction,
// dates), search and sort, and the rows page by page; the list behaviour itself is
// RecordListStore's.
import type { VisitDirection, VisitListItem, VisitStatus, VisitType } from '../../../electron/common/visits/model.js';
import type { VisitQueryInput, VisitSortField } from '../../../electron/common/visits/query.js';
import { visitQuerySchema } from '../../../electron/common/visits/query.js';
import type { ListSettings } from './RecordListStore.js';
import { RecordListStore } from './RecordListStore.js';
import { sharedQueryFields } from './recordQuery.js';
import type { RootStore } from './RootStore.js';

export type VisitView = 'any' | 'upcoming' | 'current';

export interface VisitFilters {
  when: VisitView;
  direction: VisitDirection | '';
  status: VisitStatus | '';
  type: VisitType | '';
  country: string;
  from: string;
  to: string;
  /** Headquarters: the site the records come from. */
  siteId: string;
}

export type VisitListStore = RecordListStore<VisitFilters, VisitSortField, VisitQueryInput, VisitListItem>;

const NO_FILTERS: VisitFilters = { when: 'any', direction: '', status: '', type: '', country: '', from: '', to: '', siteId: '' };
const FILTER_KEYS: ReadonlySet<string> = new Set(['siteId', 'when', 'direction', 'statuses', 'types', 'country', 'from', 'to', 'search']);

function visitQuery({ filters, appliedSearch, sort, sortDir }: ListSettings<VisitFilters, VisitSortField>): VisitQueryInput {
  const { when, direction, type, from, to } = filters;
  const query: VisitQueryInput = { ...sharedQueryFields(filters, appliedSearch), when, sort, sortDir };
  if (direction) query.direction = direction;
  if (type) query.types = [type];
  if (from) query.from = from;
  if (to) query.to = to;
  return query;
}

export function createVisitList(root: RootStore, pageSize?: number): VisitListStore {
  return new RecordListStore(
    {
      noFilters: NO_FILTERS,
      sort: 'startDate',
      sortDir: 'asc',
      toQuery: visitQuery,
      schema: visitQuerySchema,
      filterKeys: FILTER_KEYS,
      fetch: (query) => root.api['visits.list'](query),
    },
    pageSize,
  );
}
