// The audit viewer's domain: the paged trail, the CSV export of what it shows, and the journal's
// integrity check. Who may use it is the contract's business (auditor, security officer).
import { makeAutoObservable, runInAction } from 'mobx';
import type { VerifyReport } from '../../../electron/common/journal.js';
import { errorMessage } from '../format/errors.js';
import { plural } from '../format/labels.js';
import { AuditListStore } from './AuditListStore.js';
import type { RootStore } from './RootStore.js';

export class AuditStore {
  readonly root: RootStore;
  readonly list: AuditListStore;
  isExporting = false;
  /** What the last export did (file name and rows), or why it failed. */
  exportMessage: string | null = null;
  exportFailed = false;
  isVerifying = false;
  verifyReport: VerifyReport | null = null;
  verifyError: string | null = null;

  constructor(root: RootStore) {
    this.root = root;
    this.list = new AuditListStore(root);
    makeAutoObservable(this, { root: false, list: false }, { autoBind: true });
  }

  /** Exports the filtered trail (the same snapshot as the screen) and hands the file to the browser. */
  async exportCsv(): Promise<boolean> {
    this.isExporting = true;
    this.exportMessage = null;
    const result = await this.root.api['audit.exportCsv'](this.list.query);
    runInAction(() => {
      this.isExporting = false;
      this.exportFailed = !result.ok;
      if (!result.ok) {
        this.exportMessage = `The export failed: ${errorMessage(result.error)}`;
        return;
      }
      const { fileName, csv, rows } = result.value;
      this.root.saveFile(fileName, csv, 'text/csv;charset=utf-8');
      this.exportMessage = `Exported ${plural(rows, 'entry', 'entries')} to ${fileName}.`;
    });
    return result.ok;
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
  }

  reset(): void {
    this.list.reset();
    this.exportMessage = null;
    this.exportFailed = false;
    this.verifyReport = null;
    this.verifyError = null;
  }
}
