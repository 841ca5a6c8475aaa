// The incidents domain: the list, the incident on screen, the new-incident form, and the
// "Open incident" action of an overdue or escalated receipt (incidents.openFromReceipt), which
// takes the user to the new incident.
import type { IncidentView } from '../../../electron/common/incidents/model.js';
import type { ReceiptView } from '../../../electron/common/receipts/model.js';
import { openFromReceiptForm } from './IncidentActionForms.js';
import { IncidentDetailStore } from './IncidentDetailStore.js';
import { IncidentFormStore } from './IncidentFormStore.js';
import type { IncidentListStore } from './IncidentListStore.js';
import { createIncidentList } from './IncidentListStore.js';
import type { RootStore } from './RootStore.js';
import { SmallForm } from './SmallForm.js';

export class IncidentsStore {
  readonly root: RootStore;
  readonly list: IncidentListStore;
  readonly detail: IncidentDetailStore;
  readonly form: IncidentFormStore;
  /** The "Open incident" form on a receipt's screen. */
  readonly fromReceipt: SmallForm;

  constructor(root: RootStore) {
    this.root = root;
    this.list = createIncidentList(root);
    this.detail = new IncidentDetailStore(root);
    this.form = new IncidentFormStore(root);
    this.fromReceipt = new SmallForm(root);
  }

  /** An outgoing receipt whose signed receipt is overdue, or that was escalated, may open an incident. */
  canOpenFrom(receipt: ReceiptView): boolean {
    return this.root.session.canWrite && receipt.direction === 'outgoing' && (receipt.overdue || receipt.status === 'escalated');
  }

  startOpenFromReceipt(receipt: ReceiptView): void {
    this.fromReceipt.open(
      openFromReceiptForm(receipt.id, (view) => {
        this.saved(view, 'opened');
      }),
      this.root.session.today,
    );
  }

  /** An incident was opened, changed or moved a step: update every view of it and say so. */
  saved(view: IncidentView, what: string): void {
    this.detail.showSaved(view);
    if (what === 'created' || what === 'opened') this.list.reload();
    else this.list.paged.replaceRow(view);
    const message =
      what === 'created' || what === 'opened'
        ? `Incident ${view.incidentNumber} ${what === 'opened' ? 'opened from the receipt' : 'recorded'}.`
        : `${what}: recorded for incident ${view.incidentNumber}.`;
    this.root.ui.notify('success', message);
    this.root.ui.navigate({ name: 'incident', id: view.id });
  }

  reset(): void {
    this.list.reset();
    this.detail.reset();
    this.form.reset();
    this.fromReceipt.reset();
  }
}
