// The visits domain: the list, the request on screen, the new-request form and the visitor pass
// (what may be handed to a visitor: never the disclosure scope or identifiers).
import { makeAutoObservable, runInAction } from 'mobx';
import type { VisitorPass, VisitView } from '../../../electron/common/visits/model.js';
import { errorMessage } from '../format/errors.js';
import type { RootStore } from './RootStore.js';
import { VisitDetailStore } from './VisitDetailStore.js';
import { VisitFormStore } from './VisitFormStore.js';
import type { VisitListStore } from './VisitListStore.js';
import { createVisitList } from './VisitListStore.js';

export class VisitsStore {
  readonly root: RootStore;
  readonly list: VisitListStore;
  readonly detail: VisitDetailStore;
  readonly form: VisitFormStore;
  pass: VisitorPass | null = null;
  passError: string | null = null;

  constructor(root: RootStore) {
    this.root = root;
    this.list = createVisitList(root);
    this.detail = new VisitDetailStore(root);
    this.form = new VisitFormStore(root);
    makeAutoObservable(this, { root: false, list: false, detail: false, form: false }, { autoBind: true });
  }

  /** A request was created, amended or moved by an action: update every view of it and say so. */
  saved(view: VisitView, what: string): void {
    this.detail.showSaved(view);
    if (what === 'created') this.list.reload();
    else this.list.paged.replaceRow(view);
    this.root.ui.notify('success', what === 'created' ? `Visit request ${view.requestNumber} recorded.` : `${what}: recorded for visit request ${view.requestNumber}.`);
    this.root.ui.navigate({ name: 'visit', id: view.id });
  }

  async loadPass(visitorId: string): Promise<void> {
    if (this.pass?.visitorId !== visitorId) this.pass = null;
    this.passError = null;
    const result = await this.root.api['visits.visitorPass']({ visitorId });
    runInAction(() => {
      if (result.ok) this.pass = result.value;
      else this.passError = errorMessage(result.error);
    });
  }

  reset(): void {
    this.list.reset();
    this.detail.reset();
    this.form.reset();
    this.pass = null;
    this.passError = null;
  }
}
