// The dashboard: one call that answers only with the parts the user's roles may read, and the
// journal check on demand (a full walk is not run on every load).
import { makeAutoObservable, runInAction } from 'mobx';
import type { Dashboard, DashboardItem } from '../../../electron/common/contract/dashboard.js';
import type { VerifyReport } from '../../../electron/common/journal.js';
import { errorMessage } from '../format/errors.js';
import { recordRoute } from './recordRoute.js';
import type { RootStore } from './RootStore.js';

export class DashboardStore {
  readonly root: RootStore;
  dashboard: Dashboard | null = null;
  isLoading = false;
  error: string | null = null;
  isVerifying = false;
  verifyReport: VerifyReport | null = null;
  verifyError: string | null = null;
  private generation = 0;

  constructor(root: RootStore) {
    this.root = root;
    makeAutoObservable(this, { root: false }, { autoBind: true });
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

  async verify(): Promise<void> {
    this.isVerifying = true;
    this.verifyReport = null;
    this.verifyError = null;
    const result = await this.root.api['journal.verify']({});
    runInAction(() => {
      this.isVerifying = false;
      if (result.ok) this.verifyReport = result.value;
      else this.verifyError = errorMessage(result.error);
    });
    if (result.ok) await this.load();
  }

  open(item: Pick<DashboardItem, 'kind' | 'id'>): void {
    this.root.ui.navigate(recordRoute(item.kind, item.id));
  }

  reset(): void {
    this.generation++;
    this.dashboard = null;
    this.isLoading = false;
    this.error = null;
    this.verifyReport = null;
    this.verifyError = null;
  }
}
