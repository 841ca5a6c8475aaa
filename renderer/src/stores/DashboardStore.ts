// The dashboard: one call that answers only with the parts the user's roles may read, and the
// journal check on demand (a full walk is not run on every load).
import { makeAutoObservable, runInAction } from 'mobx';
import type { Dashboard, DashboardItem } from '../../../electron/common/contract/dashboard.js';
import { errorMessage } from '../format/errors.js';
import { JournalCheck } from './JournalCheck.js';
import { recordRoute } from './recordRoute.js';
import type { RootStore } from './RootStore.js';

export class DashboardStore {
  readonly root: RootStore;
  readonly journalCheck: JournalCheck;
  dashboard: Dashboard | null = null;
  isLoading = false;
  error: string | null = null;
  private generation = 0;

  constructor(root: RootStore) {
    this.root = root;
    this.journalCheck = new JournalCheck(root);
    makeAutoObservable(this, { root: false, journalCheck: false }, { autoBind: true });
  }

  async load(): Promise<void> {
    const generation = ++this.generation;
    this.isLoading = true;
    this.error = null;
    const result = await this.root.api['dashboard.get']({});
    runInAction(() => {
      if (generation !== this.generation) return;
      this.isLoading = false;
      if (result.ok) this.dashboard = result.value;
      else this.error = errorMessage(result.error);
    });
  }

  /** Checks the journal, then reloads: the dashboard's journal state reflects the check. */
  async verify(): Promise<void> {
    if (await this.journalCheck.verify()) await this.load();
  }

  open(item: Pick<DashboardItem, 'kind' | 'id'>): void {
    this.root.ui.navigate(recordRoute(item.kind, item.id));
  }

  reset(): void {
    this.generation++;
    this.dashboard = null;
    this.isLoading = false;
    this.error = null;
    this.journalCheck.reset();
  }
}
