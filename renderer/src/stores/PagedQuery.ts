// The paging part of a list screen (receipts, visits, incidents): rows come from the core one page
// at a time (offset/limit) as the user scrolls; the whole table is never loaded. Answers to an
// older query are dropped (a generation counter).
import { makeAutoObservable, observable, runInAction } from 'mobx';
import type { Classification } from '../../../electron/common/classification/index.js';
import { highestClassification } from '../../../electron/common/classification/index.js';
import type { Result } from '../../../electron/common/result.js';
import { errorMessage, issuesToFields } from '../format/errors.js';

export const PAGE_SIZE = 100;

export interface Page<Row> {
  items: readonly Row[];
  total: number;
}

export interface PageSource<Row> {
  /** Fetches one page of the current query. */
  fetch(offset: number, limit: number): Promise<Result<Page<Row>>>;
  /** Problems with the current filters (checked with the query schema), by filter key; none: may fetch. */
  filterErrors(): Map<string, string>;
  /** The filter keys a refused query's issues may land on. */
  filterKeys: ReadonlySet<string>;
}

export class PagedQuery<Row extends { id: string; classification: Classification }> {
  readonly source: PageSource<Row>;
  readonly pageSize: number;
  total: number | null = null;
  pages = observable.map<number, readonly Row[]>({}, { deep: false });
  pending = new Set<number>();
  error: string | null = null;
  filterErrors = new Map<string, string>();
  visibleStart = 0;
  visibleEnd = -1;
  generation = 0;

  constructor(source: PageSource<Row>, pageSize = PAGE_SIZE) {
    this.source = source;
    this.pageSize = pageSize;
    makeAutoObservable(this, { source: false, pageSize: false }, { autoBind: true });
  }

  get isLoading(): boolean {
    return this.pending.size > 0;
  }

  get rowCount(): number {
    return this.total ?? 0;
  }

  rowAt(index: number): Row | undefined {
    return this.pages.get(Math.floor(index / this.pageSize))?.[index % this.pageSize];
  }

  get visibleRows(): Row[] {
    const rows: Row[] = [];
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

  /** Starts the query over from the first page. */
  reload(): void {
    this.clear();
    this.filterErrors = this.source.filterErrors();
    this.ensureRange(0, 0);
  }

  /** A record saved elsewhere replaces its row wherever it is loaded. */
  replaceRow(row: Row): void {
    for (const [page, rows] of this.pages) {
      const at = rows.findIndex((r) => r.id === row.id);
      if (at >= 0) this.pages.set(page, rows.map((r, i) => (i === at ? row : r)));
    }
  }

  reset(): void {
    this.clear();
    this.filterErrors = new Map();
  }

  private clear(): void {
    this.generation++;
    this.pages.clear();
    this.pending.clear();
    this.total = null;
    this.error = null;
  }

  private async fetchPage(page: number): Promise<void> {
    const generation = this.generation;
    this.pending.add(page);
    const result = await this.source.fetch(page * this.pageSize, this.pageSize);
    runInAction(() => {
      if (generation !== this.generation) return;
      this.pending.delete(page);
      if (result.ok) {
        this.pages.set(page, result.value.items);
        this.total = result.value.total;
        this.error = null;
        this.ensureRange(this.visibleStart, this.visibleEnd);
      } else {
        if (result.error.issues) this.filterErrors = issuesToFields(result.error.issues, this.source.filterKeys).fields;
        this.error = errorMessage(result.error);
      }
    });
  }
}
