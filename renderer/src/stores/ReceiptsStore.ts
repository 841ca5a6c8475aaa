// The receipts domain: the list, the receipt on screen and the create/edit form, kept in step
// when a record is saved.
import type { ReceiptView } from '../../../electron/common/receipts/model.js';
import { ReceiptDetailStore } from './ReceiptDetailStore.js';
import { ReceiptFormStore } from './ReceiptFormStore.js';
import type { ReceiptListStore } from './ReceiptListStore.js';
import { createReceiptList } from './ReceiptListStore.js';
import type { RootStore } from './RootStore.js';

export class ReceiptsStore {
  readonly root: RootStore;
  readonly list: ReceiptListStore;
  readonly detail: ReceiptDetailStore;
  readonly form: ReceiptFormStore;

  constructor(root: RootStore) {
    this.root = root;
    this.list = createReceiptList(root);
    this.detail = new ReceiptDetailStore(root);
    this.form = new ReceiptFormStore(root);
  }

  /** A record was created, edited or moved by an action: update every view of it and say so. */
  saved(view: ReceiptView, what: string): void {
    this.detail.showSaved(view);
    if (what === 'created') this.list.reload();
    else this.list.paged.replaceRow(view);
    const message =
      what === 'created' ? `Receipt ${view.controlNumber} created.` : what === 'updated' ? `Receipt ${view.controlNumber} updated.` : `${what}: recorded for receipt ${view.controlNumber}.`;
    this.root.ui.notify('success', message);
    this.root.ui.navigate({ name: 'receipt', id: view.id });
  }

  reset(): void {
    this.list.reset();
    this.detail.reset();
    this.form.reset();
  }
}
