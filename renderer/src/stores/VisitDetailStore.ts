// One visit request on screen: the request with its visitors (identifiers masked), its history,
// the workflow actions the status machine allows, the per-visitor actions (daily log, audited
// reveal) and the amendment form. Every action carries the version the user saw.
import { makeAutoObservable, runInAction } from 'mobx';
import type { JournalEntry } from '../../../electron/common/journal.js';
import type { MethodOutput } from '../../../electron/common/contract/index.js';
import type { VisitorView, VisitView } from '../../../electron/common/visits/model.js';
import type { VisitActionType } from '../../../electron/common/visits/transitions.js';
import { AMENDABLE_STATUSES, availableVisitActions, VISIT_TRANSITIONS } from '../../../electron/common/visits/transitions.js';
import { errorMessage } from '../format/errors.js';
import { ledgerToday } from './ledgerToday.js';
import type { RootStore } from './RootStore.js';
import { SmallForm } from './SmallForm.js';
import type { VisitorActionKind } from './VisitActionForms.js';
import { visitActionForm, visitorActionForm } from './VisitActionForms.js';
import { VisitAmendStore } from './VisitAmendStore.js';

export type RevealedVisitor = MethodOutput<'visits.revealVisitor'>;

export class VisitDetailStore {
  readonly root: RootStore;
  readonly form: SmallForm;
  readonly amend: VisitAmendStore;
  id: string | null = null;
  visit: VisitView | null = null;
  history: JournalEntry[] = [];
  today: string;
  isLoading = false;
  error: string | null = null;
  historyError: string | null = null;
  /** Identifiers revealed on this screen (each reveal audited); forgotten when the screen changes. */
  revealed = new Map<string, RevealedVisitor>();

  constructor(root: RootStore) {
    this.root = root;
    this.form = new SmallForm(root);
    this.amend = new VisitAmendStore(root, this);
    this.today = root.session.today;
    makeAutoObservable(this, { root: false, form: false, amend: false }, { autoBind: true });
  }

  get actions(): { type: VisitActionType; label: string }[] {
    if (!this.visit || !this.root.session.canWrite) return [];
    return availableVisitActions(this.visit.type, this.visit.status);
  }

  /**
   * The amend action shows while the request may still change (requested, approved, in progress).
   * An emergency request shows it too: the core refuses it, and the refusal is shown.
   */
  get canOfferAmend(): boolean {
    return this.visit !== null && this.root.session.canWrite && AMENDABLE_STATUSES.includes(this.visit.status);
  }

  /** The visitors on the request now (removed ones are listed apart). */
  get activeVisitors(): VisitorView[] {
    return this.visit?.visitors.filter((v) => v.status === 'active') ?? [];
  }

  get removedVisitors(): VisitorView[] {
    return this.visit?.visitors.filter((v) => v.status === 'removed') ?? [];
  }

  /** Shows a request; forms under way for the same request are kept. */
  async open(id: string): Promise<void> {
    if (this.id !== id) {
      this.reset();
      this.id = id;
    }
    await this.reload();
  }

  async reload(): Promise<void> {
    const id = this.id;
    if (id === null) return;
    this.isLoading = true;
    const [visit, history, today] = await Promise.all([this.root.api['visits.get']({ id }), this.root.api['visits.history']({ id }), ledgerToday(this.root)]);
    runInAction(() => {
      if (this.id !== id) return;
      this.isLoading = false;
      this.today = today;
      if (visit.ok) {
        this.visit = visit.value;
        this.error = null;
        this.root.visits.list.paged.replaceRow(visit.value);
      } else {
        this.error = errorMessage(visit.error);
      }
      if (history.ok) {
        this.history = history.value;
        this.historyError = null;
      } else {
        this.historyError = errorMessage(history.error);
      }
    });
  }

  startAction(type: VisitActionType): void {
    const visit = this.visit;
    if (!visit) return;
    this.amend.close();
    this.form.open(
      visitActionForm(visit, type, async (view) => {
        this.root.visits.saved(view, VISIT_TRANSITIONS[type].label);
        await this.reload();
      }),
      this.today,
    );
  }

  startVisitorAction(kind: VisitorActionKind, visitor: VisitorView): void {
    this.form.open(
      visitorActionForm(kind, visitor, async (value) => {
        if (kind === 'reveal') {
          const revealed = value as RevealedVisitor;
          runInAction(() => this.revealed.set(revealed.visitorId, revealed));
          this.root.ui.notify('info', `Identifiers of ${visitor.fullName} revealed; the reveal is recorded in the audit trail.`);
          return;
        }
        this.root.ui.notify('success', `${kind === 'arrival' ? 'Arrival' : 'Departure'} of ${visitor.fullName} logged.`);
        await this.reload();
      }),
      this.today,
    );
  }

  hideRevealed(visitorId: string): void {
    this.revealed.delete(visitorId);
  }

  showSaved(view: VisitView): void {
    if (this.id === view.id) this.visit = view;
  }

  reset(): void {
    this.id = null;
    this.visit = null;
    this.history = [];
    this.error = null;
    this.historyError = null;
    this.revealed = new Map();
    this.form.reset();
    this.amend.close();
  }
}
