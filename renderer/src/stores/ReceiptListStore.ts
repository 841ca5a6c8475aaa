// The receipts list: filters, sort and search live here; rows come from the core one page at a
// time (offset/limit) as the user scrolls. The whole table is never loaded.
import { makeAutoObservable, observable, runInAction } from 'mobx';
import type { Classification, UsLevel } from '../../../electron/common/classification/index.js';
import { highestClassification } from '../../../electron/common/classification/index.js';
import type { Direction, ReceiptStatus, ReceiptView } from '../../../electron/common/receipts/model.js';
import { INCOMING_STATUSES, OUTGOING_STATUSES } from '../../../electron/common/receipts/model.js';
import type { ReceiptQueryInput, ReceiptSortField } from '../../../electron/common/receipts/query.js';
import { receiptQuerySchema } from '../../../electron/common/receipts/query.js';
import { errorMessage, issuesToFields } from '../format/errors.js';
import type { RootStore } from './RootStore.js';

export const PAGE_SIZE = 100;
export const SEARCH_DELAY_MS = 300;

export interface ReceiptFilters {
  direction: Direction | '';
  status: ReceiptStatus | '';
  overdueOnly: boolean;
  level: UsLevel | '';
  fgi: 'any' | 'only' | 'exclude';
  country: string;
  /** Headquarters: the site the records come from. */
  siteId: string;
}

const NO_FILTERS: ReceiptFilters = { direction: '', status: '', overdueOnly: false, level: '', fgi: 'any', country: '', siteId: '' };
const FILTER_KEYS = new Set(['siteId', 'direction', 'statuses', 'overdueOnly', 'levels', 'fgi', 'country', 'search']);

export class ReceiptListStore {
  readonly root: RootStore;
  readonly pageSize: number;
  filters: ReceiptFilters = { ...NO_FILTERS };
  /** What the user typed; applied after a pause in typing. */
  searchText = '';
  appliedSearch = '';
  sort: ReceiptSortField = 'updatedAt';
  sortDir: 'asc' | 'desc' = 'desc';
  total: number | null = null;
  /** Loaded pages by page index; each page is replaced whole, never mutated. */
  pages = observable.map<number, readonly ReceiptView[]>({}, { deep: false });
  pending = new Set<number>();
  error: string | null = null;
  filterErrors = new Map<string, string>();
  visibleStart = 0;
  visibleEnd = -1;
  /** Bumped by every new query; answers to an older query are dropped. */
  generation = 0;
  private searchTimer: ReturnType<typeof setTimeout> | undefined = undefined;

  constructor(root: RootStore, pageSize = PAGE_SIZE) {
    this.root = root;
    this.pageSize = pageSize;
    makeAutoObservable(this, { root: false, pageSize: false }, { autoBind: true });
  }

  get isLoading(): boolean {
    return this.pending.size > 0;
  }

  get rowCount(): number {
    return this.total ?? 0;
  }

  /** The query without paging, as the core takes it. */
  get query(): ReceiptQueryInput {
    const { direction, status, level, country, fgi, overdueOnly, siteId } = this.filters;
    const query: ReceiptQueryInput = { sort: this.sort, sortDir: this.sortDir, fgi, overdueOnly };
    if (siteId) query.siteId = siteId;
    if (direction) query.direction = direction;
    if (status) {
      query.statuses = [status];
      if (status === 'void') query.includeVoid = true;
    }
    if (level) query.levels = [level];
    if (country.trim()) query.country = country.trim().toUpperCase();
    if (this.appliedSearch) query.search = this.appliedSearch;
    return query;
  }

  get hasFilters(): boolean {
    return JSON.stringify(this.filters) !== JSON.stringify(NO_FILTERS) || this.searchText !== '';
  }

  rowAt(index: number): ReceiptView | undefined {
    return this.pages.get(Math.floor(index / this.pageSize))?.[index % this.pageSize];
  }

  /** The loaded rows in the part of the list on screen. */
  get visibleRows(): ReceiptView[] {
    const rows: ReceiptView[] = [];
    for (let i = this.visibleStart; i <= this.visibleEnd; i++) {
      const row = this.rowAt(i);
      if (row) rows.push(row);
    }
    return rows;
  }

  /** 32 CFR 2001.23: a view is marked at the highest level it shows. */
  get highestShown(): Classification | null {
    const rows = this.visibleRows;
    return rows.length > 0 ? highestClassification(rows.map((r) => r.classification)) : null;
  }

  setFilter<K extends keyof ReceiptFilters>(key: K, value: ReceiptFilters[K]): void {
    this.filters[key] = value;
    // A status of the other direction would match nothing: drop it.
    const { direction, status } = this.filters;
    if (direction && status && status !== 'void') {
      const statuses: readonly ReceiptStatus[] = direction === 'incoming' ? INCOMING_STATUSES : OUTGOING_STATUSES;
      if (!statuses.includes(status)) this.filters.status = '';
    }
    this.reload();
  }

  /**
   * The country filter applies once it can be whole: empty, three letters or NATO. A partial
   * entry waits instead of showing an error while the user types.
   */
  setCountry(text: string): void {
    this.filters.country = text;
    const value = text.trim();
    if (value === '' || value.length >= 3) this.reload();
  }

  clearFilters(): void {
    this.filters = { ...NO_FILTERS };
    this.searchText = '';
    this.appliedSearch = '';
    this.cancelSearchTimer();
    this.reload();
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
    this.reload();
  }

  /** A column header click: the same column flips the direction, another sorts ascending. */
  setSort(field: ReceiptSortField): void {
    if (this.sort === field) this.sortDir = this.sortDir === 'asc' ? 'desc' : 'asc';
    else {
      this.sort = field;
      this.sortDir = 'asc';
    }
    this.reload();
  }

  /** The virtualized view reports which rows are on screen; missing pages are fetched. */
  setVisibleRange(start: number, end: number): void {
    this.visibleStart = start;
    this.visibleEnd = end;
    this.ensureRange(start, end);
  }

  ensureRange(start: number, end: number): void {
    if (this.filterErrors.size > 0) return;
    const first = Math.floor(Math.max(start, 0) / this.pageSize);
    const last = Math.floor(Math.max(end, start, 0) / this.pageSize);
    for (let page = first; page <= last; page++) {
      const exists = this.total === null ? page === 0 : page * this.pageSize < this.total;
      if (exists && !this.pages.has(page) && !this.pending.has(page)) void this.fetchPage(page);
    }
  }

  /** Starts the query over: drops loaded pages and answers still under way. */
  reload(): void {
    this.generation++;
    this.pages.clear();
    this.pending.clear();
    this.total = null;
    this.error = null;
    const parsed = receiptQuerySchema.safeParse({ ...this.query, offset: 0, limit: this.pageSize });
    this.filterErrors = parsed.success ? new Map<string, string>() : issuesToFields(parsed.error.issues, FILTER_KEYS).fields;
    this.ensureRange(0, 0);
  }

  /** A record saved elsewhere replaces its row wherever it is loaded. */
  replaceRow(view: ReceiptView): void {
    for (const [page, rows] of this.pages) {
      const at = rows.findIndex((r) => r.id === view.id);
      if (at >= 0) this.pages.set(page, rows.map((r, i) => (i === at ? view : r)));
    }
  }

  reset(): void {
    this.cancelSearchTimer();
    this.filters = { ...NO_FILTERS };
    this.searchText = '';
    this.appliedSearch = '';
    this.sort = 'updatedAt';
    this.sortDir = 'desc';
    this.generation++;
    this.pages.clear();
    this.pending.clear();
    this.total = null;
    this.error = null;
    this.filterErrors = new Map<string, string>();
  }

  private async fetchPage(page: number): Promise<void> {
    const generation = this.generation;
    this.pending.add(page);
    const result = await this.root.api['receipts.list']({ ...this.query, offset: page * this.pageSize, limit: this.pageSize });
    runInAction(() => {
      if (generation !== this.generation) return;
      this.pending.delete(page);
      if (result.ok) {
        this.pages.set(page, result.value.items);
        this.total = result.value.total;
        this.error = null;
        // Now that the total is known, the rest of what is on screen can be fetched.
        this.ensureRange(this.visibleStart, this.visibleEnd);
      } else {
        if (result.error.issues) this.filterErrors = issuesToFields(result.error.issues, FILTER_KEYS).fields;
        this.error = errorMessage(result.error);
      }
    });
  }

  private cancelSearchTimer(): void {
    if (this.searchTimer !== undefined) clearTimeout(this.searchTimer);
    this.searchTimer = undefined;
  }
}
