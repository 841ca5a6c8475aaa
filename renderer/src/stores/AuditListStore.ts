// The audit trail on screen: filters (applied on request: every read is itself audited), and the
// entries paged from the core newest first. The first page's `snapshot` goes with every later
// page, so entries written meanwhile (this very reading, for one) do not shift the pages.
import { makeAutoObservable, observable, runInAction } from 'mobx';
import type { AuditFilter, AuditRecord } from '../../../electron/common/contract/audit.js';
import { auditFilterSchema } from '../../../electron/common/contract/audit.js';
import type { JournalKind } from '../../../electron/common/journal.js';
import { errorMessage, fieldSentence, issuesToFields } from '../format/errors.js';
import type { RootStore } from './RootStore.js';

export const AUDIT_PAGE_SIZE = 100;

export interface AuditFilters {
  actor: string;
  kind: JournalKind | '';
  action: string;
  from: string;
  to: string;
}

export const AUDIT_FILTER_LABELS: Record<keyof AuditFilters, string> = {
  actor: 'User',
  kind: 'Kind',
  action: 'Action',
  from: 'From date',
  to: 'To date',
};

const NO_FILTERS: AuditFilters = { actor: '', kind: '', action: '', from: '', to: '' };
const FILTER_KEYS = new Set<string>(Object.keys(NO_FILTERS));

export class AuditListStore {
  readonly root: RootStore;
  readonly pageSize: number;
  /** What the filter form shows; `applied` is what the list was read with. */
  filters: AuditFilters = { ...NO_FILTERS };
  applied: AuditFilter = {};
  filterErrors = new Map<keyof AuditFilters, string>();
  /** From the first page's answer; null until it came. */
  snapshot: number | null = null;
  total: number | null = null;
  pages = observable.map<number, readonly AuditRecord[]>({}, { deep: false });
  pending = new Set<number>();
  error: string | null = null;
  /** The entry shown in the detail panel. */
  selected: AuditRecord | null = null;
  generation = 0;

  constructor(root: RootStore, pageSize = AUDIT_PAGE_SIZE) {
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

  get hasFilters(): boolean {
    return JSON.stringify(this.filters) !== JSON.stringify(NO_FILTERS) || Object.keys(this.applied).length > 0;
  }

  /** The applied filter with the snapshot, as the export and later pages send it. */
  get query(): AuditFilter {
    return this.snapshot === null ? { ...this.applied } : { ...this.applied, snapshot: this.snapshot };
  }

  rowAt(index: number): AuditRecord | undefined {
    return this.pages.get(Math.floor(index / this.pageSize))?.[index % this.pageSize];
  }

  setFilter<K extends keyof AuditFilters>(key: K, value: AuditFilters[K]): void {
    this.filters[key] = value;
    this.filterErrors.delete(key);
  }

  /** Checks the filters with the contract's schema and reads the trail again from the top. */
  apply(): boolean {
    const f = this.filters;
    const filter: AuditFilter = {};
    if (f.actor.trim()) filter.actor = f.actor.trim();
    if (f.kind) filter.kind = f.kind;
    if (f.action.trim()) filter.action = f.action.trim();
    if (f.from) filter.from = f.from;
    if (f.to) filter.to = f.to;
    const parsed = auditFilterSchema.safeParse(filter);
    const problems = parsed.success ? new Map<string, string>() : issuesToFields(parsed.error.issues, FILTER_KEYS).fields;
    if (filter.from && filter.to && filter.from > filter.to && !problems.has('to')) problems.set('to', 'must not be before the from date');
    this.filterErrors = new Map([...problems].map(([k, m]) => [k as keyof AuditFilters, fieldSentence(AUDIT_FILTER_LABELS[k as keyof AuditFilters], m)]));
    if (problems.size > 0) return false;
    this.applied = filter;
    this.reload();
    return true;
  }

  clearFilters(): void {
    this.filters = { ...NO_FILTERS };
    this.filterErrors = new Map();
    this.applied = {};
    this.reload();
  }

  /** A new reading: a new snapshot, from the first page. */
  reload(): void {
    this.generation++;
    this.pages.clear();
    this.pending.clear();
    this.snapshot = null;
    this.total = null;
    this.error = null;
    this.selected = null;
    void this.fetchPage(0);
  }

  /** Fetches the pages holding rows first..last that are neither loaded nor on their way. */
  ensureRange(first: number, last: number): void {
    if (this.total === null && this.pending.size > 0) return;
    // Later pages wait for the first: they must carry its snapshot.
    const lastPage = this.snapshot === null ? 0 : Math.floor(Math.min(last, Math.max(this.rowCount - 1, 0)) / this.pageSize);
    for (let page = Math.floor(Math.max(first, 0) / this.pageSize); page <= lastPage; page++) {
      if (!this.pages.has(page) && !this.pending.has(page)) void this.fetchPage(page);
    }
  }

  select(entry: AuditRecord | null): void {
    this.selected = entry;
  }

  reset(): void {
    this.generation++;
    this.filters = { ...NO_FILTERS };
    this.filterErrors = new Map();
    this.applied = {};
    this.snapshot = null;
    this.total = null;
    this.pages.clear();
    this.pending.clear();
    this.error = null;
    this.selected = null;
  }

  private async fetchPage(page: number): Promise<void> {
    const generation = this.generation;
    this.pending.add(page);
    const result = await this.root.api['audit.list']({ ...this.query, offset: page * this.pageSize, limit: this.pageSize });
    runInAction(() => {
      if (generation !== this.generation) return;
      this.pending.delete(page);
      if (!result.ok) {
        this.error = errorMessage(result.error);
        return;
      }
      this.snapshot ??= result.value.snapshot;
      this.pages.set(page, result.value.items);
      this.total = result.value.total;
      this.error = null;
    });
  }
}
