// The journal's integrity check, run on demand (it walks the whole chain, so never on every
// load): the audit viewer and the dashboard both offer it.
import { makeAutoObservable, runInAction } from 'mobx';
import type { VerifyReport } from '../../../electron/common/journal.js';
import { errorMessage } from '../format/errors.js';
import type { RootStore } from './RootStore.js';

export class JournalCheck {
  readonly root: RootStore;
  isVerifying = false;
  /** The last check's answer: intact, or where the chain breaks. */
  report: VerifyReport | null = null;
  /** Why the last check could not run. */
  error: string | null = null;

  constructor(root: RootStore) {
    this.root = root;
    makeAutoObservable(this, { root: false }, { autoBind: true });
  }

  /** Runs the check; true when it ran (whatever it found). */
  async verify(): Promise<boolean> {
    this.isVerifying = true;
    this.report = null;
    this.error = null;
    const result = await this.root.api['journal.verify']({});
    runInAction(() => {
      this.isVerifying = false;
      if (result.ok) this.report = result.value;
      else this.error = errorMessage(result.error);
    });
    return result.ok;
  }

  reset(): void {
    this.report = null;
    this.error = null;
  }
}
