// The incidents list: filters (status, overdue steps, determination, country, dates), a debounced
// search and the sort. Rows come page by page (PagedQuery).
import { makeAutoObservable } from 'mobx';
import type { Determination, IncidentListItem } from '../../../electron/common/incidents/model.js';
import type { IncidentQueryInput, IncidentSortField } from '../../../electron/common/incidents/query.js';
import { incidentQuerySchema } from '../../../electron/common/incidents/query.js';
import type { IncidentStatus } from '../../../electron/common/incidents/steps.js';
import { issuesToFields } from '../format/errors.js';
import { PagedQuery } from './PagedQuery.js';
import type { RootStore } from './RootStore.js';

export const INCIDENT_SEARCH_DELAY_MS = 300;

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

const NO_FILTERS: IncidentFilters = { status: '', overdueOnly: false, determination: '', country: '', from: '', to: '', siteId: '' };
const FILTER_KEYS: ReadonlySet<string> = new Set(['siteId', 'statuses', 'overdueOnly', 'determinations', 'country', 'from', 'to', 'search']);

export class IncidentListStore {
  readonly root: RootStore;
  readonly paged: PagedQuery<IncidentListItem>;
  filters: IncidentFilters = { ...NO_FILTERS };
  searchText = '';
  appliedSearch = '';
  sort: IncidentSortField = 'discoveredOn';
  sortDir: 'asc' | 'desc' = 'desc';
  private searchTimer: ReturnType<typeof setTimeout> | undefined = undefined;

  constructor(root: RootStore, pageSize?: number) {
    this.root = root;
    this.paged = new PagedQuery<IncidentListItem>(
      {
        fetch: (offset, limit) => this.root.api['incidents.list']({ ...this.query, offset, limit }),
        filterErrors: () => {
          const parsed = incidentQuerySchema.safeParse(this.query);
          return parsed.success ? new Map() : issuesToFields(parsed.error.issues, FILTER_KEYS).fields;
        },
        filterKeys: FILTER_KEYS,
      },
      pageSize,
    );
    makeAutoObservable(this, { root: false, paged: false }, { autoBind: true });
  }

  get query(): IncidentQueryInput {
    const { status, overdueOnly, determination, country, from, to, siteId } = this.filters;
    const query: IncidentQueryInput = { overdueOnly, sort: this.sort, sortDir: this.sortDir };
    if (siteId) query.siteId = siteId;
    if (status) {
      query.statuses = [status];
      if (status === 'void') query.includeVoid = true;
    }
    if (determination) query.determinations = [determination];
    if (country.trim()) query.country = country.trim().toUpperCase();
    if (from) query.from = from;
    if (to) query.to = to;
    if (this.appliedSearch) query.search = this.appliedSearch;
    return query;
  }

  get hasFilters(): boolean {
    return JSON.stringify(this.filters) !== JSON.stringify(NO_FILTERS) || this.searchText !== '';
  }

  setFilter<K extends keyof IncidentFilters>(key: K, value: IncidentFilters[K]): void {
    this.filters[key] = value;
    this.paged.reload();
  }

  setCountry(text: string): void {
    this.filters.country = text;
    const value = text.trim();
    if (value === '' || value.length >= 3) this.paged.reload();
  }

  setSearchText(text: string): void {
    this.searchText = text;
    this.cancelSearchTimer();
    this.searchTimer = setTimeout(() => this.applySearch(), INCIDENT_SEARCH_DELAY_MS);
  }

  applySearch(): void {
    this.cancelSearchTimer();
    const search = this.searchText.trim();
    if (search === this.appliedSearch) return;
    this.appliedSearch = search;
    this.paged.reload();
  }

  clearFilters(): void {
    this.filters = { ...NO_FILTERS };
    this.searchText = '';
    this.appliedSearch = '';
    this.cancelSearchTimer();
    this.paged.reload();
  }

  setSort(field: string): void {
    const f = field as IncidentSortField;
    if (this.sort === f) this.sortDir = this.sortDir === 'asc' ? 'desc' : 'asc';
    else {
      this.sort = f;
      this.sortDir = 'asc';
    }
    this.paged.reload();
  }

  reload(): void {
    this.paged.reload();
  }

  reset(): void {
    this.cancelSearchTimer();
    this.filters = { ...NO_FILTERS };
    this.searchText = '';
    this.appliedSearch = '';
    this.sort = 'discoveredOn';
    this.sortDir = 'desc';
    this.paged.reset();
  }

  private cancelSearchTimer(): void {
    if (this.searchTimer !== undefined) clearTimeout(this.searchTimer);
    this.searchTimer = undefined;
  }
}
