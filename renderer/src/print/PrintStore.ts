// The record behind the print view on screen, read through the same contract methods as the
// record screens: receipts.get, visits.get, incidents.get, and incidents.foreignRelease for the
// foreign-releasable version (the core builds that from its allow-list; nothing is filtered here).
import { makeAutoObservable, runInAction } from 'mobx';
import type { ForeignReleaseView, IncidentView } from '../../../electron/common/incidents/model.js';
import type { ReceiptView } from '../../../electron/common/receipts/model.js';
import type { Result } from '../../../electron/common/result.js';
import type { VisitView } from '../../../electron/common/visits/model.js';
import { errorMessage } from '../format/errors.js';
import type { RootStore } from '../stores/RootStore.js';
import type { PrintForm } from './printForms.js';
import { samePrintForm } from './printForms.js';

export type PrintData =
  | { kind: 'receipt'; receipt: ReceiptView }
  | { kind: 'visit'; visit: VisitView }
  | { kind: 'incident'; incident: IncidentView }
  | { kind: 'release'; release: ForeignReleaseView };

export class PrintStore {
  readonly root: RootStore;
  form: PrintForm | null = null;
  data: PrintData | null = null;
  error: string | null = null;
  isLoading = false;

  constructor(root: RootStore) {
    this.root = root;
    makeAutoObservable(this, { root: false }, { autoBind: true });
  }

  /**
   * Reads the record for a form, every time the view opens: a print shows the record as it is now.
   * (Each reading of a foreign release is journalled by the core as an export, as printing is one.)
   * The same form's earlier data stays on screen while it is read again.
   */
  async load(form: PrintForm): Promise<void> {
    if (!samePrintForm(this.form, form)) this.data = null;
    this.form = form;
    this.error = null;
    this.isLoading = true;
    const result = await this.read(form);
    runInAction(() => {
      if (!samePrintForm(this.form, form)) return;
      this.isLoading = false;
      if (result.ok) {
        this.data = result.value;
      } else {
        // Nothing is printed from a reading that failed (the record may be gone or forbidden now).
        this.data = null;
        this.error = errorMessage(result.error);
      }
    });
  }

  private async read(form: PrintForm): Promise<Result<PrintData>> {
    const { api } = this.root;
    switch (form.kind) {
      case 'receipt':
      case 'destruction':
        return wrap(await api['receipts.get']({ id: form.id }), (receipt) => ({ kind: 'receipt', receipt }));
      case 'visit':
        return wrap(await api['visits.get']({ id: form.id }), (visit) => ({ kind: 'visit', visit }));
      case 'incident':
        return form.version === 'releasable'
          ? wrap(await api['incidents.foreignRelease']({ id: form.id }), (release) => ({ kind: 'release', release }))
          : wrap(await api['incidents.get']({ id: form.id }), (incident) => ({ kind: 'incident', incident }));
    }
  }

  reset(): void {
    this.form = null;
    this.data = null;
    this.error = null;
    this.isLoading = false;
  }
}

function wrap<T>(result: Result<T>, make: (value: T) => PrintData): Result<PrintData> {
  return result.ok ? { ok: true, value: make(result.value) } : result;
}
