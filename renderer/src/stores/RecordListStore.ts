// The store behind a record list screen (receipts, visits, incidents): what the user sets (filters,
// a search applied after a pause in typing, the sort) and the rows, which come page by page
// (PagedQuery). Each domain gives a RecordListSpec: its filters, how they become the core's
// query, the query schema and the list method. Any change that alters the query starts it over
// from the first page.
import { makeAutoObservable } from 'mobx';
import type { Classification } from '../../../electron/common/classification/index.js';
import type { Result } from '../../../electron/common/result.js';
import { issuesToFields } from '../format/errors.js';
import type { Page } from './PagedQuery.js';
import { PagedQuery } from './PagedQuery.js';

export const SEARCH_DELAY_MS = 300;

export type SortDir = 'asc' | 'desc';

/** What a domain's query is built from. */
export interface ListSettings<Filters, Sort> {
  readonly filters: Filters;
  readonly appliedSearch: string;
  readonly sort: Sort;
  readonly sortDir: SortDir;
}

/** The core's query schema, as far as the list needs it: checked before anything is sent. */
interface QuerySchema {
  safeParse(value: unknown): { success: true } | { success: false; error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } };
}

export interface RecordListSpec<Filters, Sort, Query, Row> {
  noFilters: Filters;
  sort: Sort;
  sortDir: SortDir;
  /** The query without paging, as the core takes it. */
  toQuery(settings: ListSettings<Filters, Sort>): Query;
  schema: QuerySchema;
  /** The filter keys a refused query's issues may land on. */
  filterKeys: ReadonlySet<string>;
  fetch(query: Query & { offset: number; limit: number }): Promise<Result<Page<Row>>>;
  /** Tidies the filters after one changed (e.g. drops a choice the others rule out). */
  afterFilterSet?(filters: Filters): void;
}

export class RecordListStore<Filters extends { country: string }, Sort extends string, Query, Row extends { id: string; classification: Classification }> {
  readonly paged: PagedQuery<Row>;
  filters: Filters;
  /** What the user typed; applied after a pause in typing. */
  searchText = '';
  appliedSearch = '';
  sort: Sort;
  sortDir: SortDir;
  private readonly spec: RecordListSpec<Filters, Sort, Query, Row>;
  private searchTimer: ReturnType<typeof setTimeout> | undefined = undefined;

  constructor(spec: RecordListSpec<Filters, Sort, Query, Row>, pageSize?: number) {
    this.spec = spec;
    this.filters = { ...spec.noFilters };
    this.sort = spec.sort;
    this.sortDir = spec.sortDir;
    this.paged = new PagedQuery<Row>(
      {
        fetch: (offset, limit) => spec.fetch({ ...this.query, offset, limit }),
        filterErrors: () => {
          const parsed = spec.schema.safeParse(this.query);
          return parsed.success ? new Map<string, string>() : issuesToFields(parsed.error.issues, spec.filterKeys).fields;
        },
        filterKeys: spec.filterKeys,
      },
      pageSize,
    );
    makeAutoObservable<this, 'spec' | 'searchTimer'>(this, { paged: false, spec: false, searchTimer: false }, { autoBind: true });
  }

  get query(): Query {
    return this.spec.toQuery(this);
  }

  get hasFilters(): boolean {
    return JSON.stringify(this.filters) !== JSON.stringify(this.spec.noFilters) || this.searchText !== '';
  }

  setFilter<K extends keyof Filters>(key: K, value: Filters[K]): void {
    this.filters[key] = value;
    this.spec.afterFilterSet?.(this.filters);
    this.paged.reload();
  }

  /**
   * The country filter applies once it can be whole: empty, three letters or NATO. A partial
   * entry waits instead of showing an error while the user types.
   */
  setCountry(text: string): void {
    this.filters.country = text;
    const value = text.trim();
    if (value === '' || value.length >= 3) this.paged.reload();
  }

  setSearchText(text: string): void {
    this.searchText = text;
    this.cancelSearchTimer();
    this.searchTimer = setTimeout(() => this.applySearch(), SEARCH_DELAY_MS);
  }

  /** Applies the typed search now (also what the pause in typing triggers). */
  applySearch(): void {
    this.cancelSearchTimer();
    const search = this.searchText.trim();
    if (search === this.appliedSearch) return;
    this.appliedSearch = search;
    this.paged.reload();
  }

  clearFilters(): void {
    this.clearFilterValues();
    this.paged.reload();
  }

  /**
   * A column header click: the same column flips the direction, another sorts ascending. The
   * grids name their sort fields as plain strings.
   */
  setSort(field: string): void {
    const f = field as Sort;
    if (this.sort === f) this.sortDir = this.sortDir === 'asc' ? 'desc' : 'asc';
    else {
      this.sort = f;
      this.sortDir = 'asc';
    }
    this.paged.reload();
  }

  /** Starts the query over: drops loaded pages and answers still under way. */
  reload(): void {
    this.paged.reload();
  }

  /** Back to the defaults with nothing loaded (sign-out). */
  reset(): void {
    this.clearFilterValues();
    this.sort = this.spec.sort;
    this.sortDir = this.spec.sortDir;
    this.paged.reset();
  }

  private clearFilterValues(): void {
    this.cancelSearchTimer();
    this.filters = { ...this.spec.noFilters };
    this.searchText = '';
    this.appliedSearch = '';
  }

  private cancelSearchTimer(): void {
    if (this.searchTimer !== undefined) clearTimeout(this.searchTimer);
    this.searchTimer = undefined;
  }
}
