// The audit viewer's domain: the paged trail, the CSV export of what it shows, and the journal's
// integrity check. Who may use it is the contract's business (auditor, security officer).
import { makeAutoObservable } from 'mobx';
import { plural } from '../format/labels.js';
import { AuditListStore } from './AuditListStore.js';
import { CsvExport } from './CsvExport.js';
import { JournalCheck } from './JournalCheck.js';
import type { RootStore } from './RootStore.js';

export class AuditStore {
  readonly root: RootStore;
  readonly list: AuditListStore;
  readonly csvExport: CsvExport;
  readonly journalCheck: JournalCheck;

  constructor(root: RootStore) {
    this.root = root;
    this.list = new AuditListStore(root);
    this.csvExport = new CsvExport(root);
    this.journalCheck = new JournalCheck(root);
    makeAutoObservable(this, { root: false, list: false, csvExport: false, journalCheck: false }, { autoBind: true });
  }

  /** Exports the filtered trail (the same snapshot as the screen) and hands the file to the browser. */
  exportCsv(): Promise<boolean> {
    return this.csvExport.run(
      () => this.root.api['audit.exportCsv'](this.list.query),
      ({ fileName, rows }) => `Exported ${plural(rows, 'entry', 'entries')} to ${fileName}.`,
    );
  }

  reset(): void {
    this.list.reset();
    this.csvExport.reset();
    this.journalCheck.reset();
  }
}
