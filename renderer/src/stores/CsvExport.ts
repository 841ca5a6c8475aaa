// A CSV export the user asked for (audit trail, reports): the core writes the file's text, the
// injected saveFile hands it to the browser, and the outcome is kept in words for the screen.
import { makeAutoObservable, runInAction } from 'mobx';
import type { Result } from '../../../electron/common/result.js';
import { errorMessage } from '../format/errors.js';
import type { RootStore } from './RootStore.js';

export interface CsvFile {
  fileName: string;
  csv: string;
}

export class CsvExport {
  readonly root: RootStore;
  isExporting = false;
  /** What the last export did (file name and rows), or why it failed. */
  message: string | null = null;
  failed = false;

  constructor(root: RootStore) {
    this.root = root;
    makeAutoObservable(this, { root: false }, { autoBind: true });
  }

  /** Asks the core for the file and saves it; `done` words what was saved. */
  async run<File extends CsvFile>(exportCsv: () => Promise<Result<File>>, done: (file: File) => string): Promise<boolean> {
    this.isExporting = true;
    this.message = null;
    const result = await exportCsv();
    runInAction(() => {
      this.isExporting = false;
      this.failed = !result.ok;
      if (!result.ok) {
        this.message = `The export failed: ${errorMessage(result.error)}`;
        return;
      }
      this.root.saveFile(result.value.fileName, result.value.csv, 'text/csv;charset=utf-8');
      this.message = done(result.value);
    });
    return result.ok;
  }

  reset(): void {
    this.message = null;
    this.failed = false;
  }
}
