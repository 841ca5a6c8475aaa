// The visits list: the upcoming and current views, filters (country, status, type, direction,
// dates), a debounced search and the sort. Rows come page by page (PagedQuery).
import { makeAutoObservable } from 'mobx';
import type { VisitDirection, VisitListItem, VisitStatus, VisitType } from '../../../electron/common/visits/model.js';
import type { VisitQueryInput, VisitSortField } from '../../../electron/common/visits/query.js';
import { visitQuerySchema } from '../../../electron/common/visits/query.js';
import { issuesToFields } from '../format/errors.js';
import { PagedQuery } from './PagedQuery.js';
import type { RootStore } from './RootStore.js';

export const VISIT_SEARCH_DELAY_MS = 300;

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

const NO_FILTERS: VisitFilters = { when: 'any', direction: '', status: '', type: '', country: '', from: '', to: '', siteId: '' };
const FILTER_KEYS: ReadonlySet<string> = new Set(['siteId', 'when', 'direction', 'statuses', 'types', 'country', 'from', 'to', 'search']);

export class VisitListStore {
  readonly root: RootStore;
  readonly paged: PagedQuery<VisitListItem>;
  filters: VisitFilters = { ...NO_FILTERS };
  searchText = '';
  appliedSearch = '';
  sort: VisitSortField = 'startDate';
  sortDir: 'asc' | 'desc' = 'asc';
  private searchTimer: ReturnType<typeof setTimeout> | undefined = undefined;

  constructor(root: RootStore, pageSize?: number) {
    this.root = root;
    this.paged = new PagedQuery<VisitListItem>(
      {
        fetch: (offset, limit) => this.root.api['visits.list']({ ...this.query, offset, limit }),
        filterErrors: () => {
          const parsed = visitQuerySchema.safeParse(this.query);
          return parsed.success ? new Map() : issuesToFields(parsed.error.issues, FILTER_KEYS).fields;
        },
        filterKeys: FILTER_KEYS,
      },
      pageSize,
    );
    makeAutoObservable(this, { root: false, paged: false }, { autoBind: true });
  }

  get query(): VisitQueryInput {
    const { when, direction, status, type, country, from, to, siteId } = this.filters;
    const query: VisitQueryInput = { when, sort: this.sort, sortDir: this.sortDir };
    if (siteId) query.siteId = siteId;
    if (direction) query.direction = direction;
    if (status) {
      query.statuses = [status];
      if (status === 'void') query.includeVoid = true;
    }
    if (type) query.types = [type];
    if (country.trim()) query.country = country.trim().toUpperCase();
    if (from) query.from = from;
    if (to) query.to = to;
    if (this.appliedSearch) query.search = this.appliedSearch;
    return query;
  }

  get hasFilters(): boolean {
    return JSON.stringify(this.filters) !== JSON.stringify(NO_FILTERS) || this.searchText !== '';
  }

  setFilter<K extends keyof VisitFilters>(key: K, value: VisitFilters[K]): void {
    this.filters[key] = value;
    this.paged.reload();
  }

  /** A partial country code waits (no error while typing): empty, three letters or NATO apply. */
  setCountry(text: string): void {
    this.filters.country = text;
    const value = text.trim();
    if (value === '' || value.length >= 3) this.paged.reload();
  }

  setSearchText(text: string): void {
    this.searchText = text;
    this.cancelSearchTimer();
    this.searchTimer = setTimeout(() => this.applySearch(), VISIT_SEARCH_DELAY_MS);
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
    const f = field as VisitSortField;
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
    this.sort = 'startDate';
    this.sortDir = 'asc';
    this.paged.reset();
  }

  private cancelSearchTimer(): void {
    if (this.searchTimer !== undefined) clearTimeout(this.searchTimer);
    this.searchTimer = undefined;
  }
}
