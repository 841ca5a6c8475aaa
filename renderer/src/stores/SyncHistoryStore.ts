// The bundle history (`sync.bundles`): every bundle exported, imported, held back, released or
// dropped, newest first, a page at a time, optionally for one site.
import { makeAutoObservable, runInAction } from 'mobx';
import type { BundleEvent } from '../../../electron/common/sync/model.js';
import { syncErrorMessage } from './SyncForm.js';
import type { SyncStore } from './SyncStore.js';

export const HISTORY_PAGE = 50;

export const BUNDLE_EVENT_LABELS: Record<BundleEvent['event'], string> = {
  exported: 'Exported',
  imported: 'Imported',
  held: 'Held back',
  released: 'Released from hold',
  dropped: 'Dropped',
};

export class SyncHistoryStore {
  readonly sync: SyncStore;
  items: BundleEvent[] = [];
  total = 0;
  /** Only this site's bundles; '' for all. */
  siteId = '';
  loaded = false;
  isLoading = false;
  error: string | null = null;
  /** Answers to an older query (another site chosen meanwhile) are dropped. */
  private generation = 0;

  constructor(sync: SyncStore) {
    this.sync = sync;
    makeAutoObservable<SyncHistoryStore, 'generation'>(this, { sync: false, generation: false }, { autoBind: true });
  }

  get hasMore(): boolean {
    return this.items.length < this.total;
  }

  /** The sites to filter by: those in the history so far, in the trust store and in the sites table. */
  get siteOptions(): string[] {
    const ids = new Set<string>([...this.sync.sites.map((s) => s.siteId), ...this.sync.trust.records.map((t) => t.siteId), ...this.items.map((e) => e.siteId)]);
    if (this.siteId !== '') ids.add(this.siteId);
    return [...ids].sort();
  }

  async load(): Promise<void> {
    await this.fetch(0);
  }

  async more(): Promise<void> {
    await this.fetch(this.items.length);
  }

  async setSite(siteId: string): Promise<void> {
    this.siteId = siteId;
    await this.fetch(0);
  }

  private async fetch(offset: number): Promise<void> {
    const generation = ++this.generation;
    this.isLoading = true;
    const answer = await this.sync.root.api['sync.bundles']({ offset, limit: HISTORY_PAGE, ...(this.siteId === '' ? {} : { siteId: this.siteId }) });
    runInAction(() => {
      if (generation !== this.generation) return;
      this.isLoading = false;
      this.loaded = true;
      if (answer.ok) {
        this.items = offset === 0 ? answer.value.items : [...this.items, ...answer.value.items];
        this.total = answer.value.total;
        this.error = null;
      } else {
        this.error = syncErrorMessage(answer.error);
      }
    });
  }

  reset(): void {
    this.generation += 1;
    this.items = [];
    this.total = 0;
    this.siteId = '';
    this.loaded = false;
    this.isLoading = false;
    this.error = null;
  }
}
