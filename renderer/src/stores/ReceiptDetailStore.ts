// One receipt on screen: the record, its history (journal entries) and the workflow action
// being entered. Actions carry the version the user saw; the core answers CONFLICT if it moved.
import { makeAutoObservable, runInAction } from 'mobx';
import type { JournalEntry } from '../../../electron/common/journal.js';
import type { ReceiptView } from '../../../electron/common/receipts/model.js';
import type { ReceiptActionType } from '../../../electron/common/receipts/transitions.js';
import { availableActions, receiptActionSchema } from '../../../electron/common/receipts/transitions.js';
import { errorMessage, fieldSentence, issuesToFields } from '../format/errors.js';
import type { ActionValues } from './actionForms.js';
import { ACTION_FIELDS, actionDefaults, actionInput } from './actionForms.js';
import type { RootStore } from './RootStore.js';

export class ReceiptDetailStore {
  readonly root: RootStore;
  id: string | null = null;
  receipt: ReceiptView | null = null;
  history: JournalEntry[] = [];
  isLoading = false;
  error: string | null = null;
  historyError: string | null = null;

  activeAction: ReceiptActionType | null = null;
  actionValues: ActionValues = {};
  actionErrors = new Map<string, string>();
  actionError: string | null = null;
  /** The last action was refused because the record changed since it was read. */
  conflict = false;
  isSaving = false;

  constructor(root: RootStore) {
    this.root = root;
    makeAutoObservable(this, { root: false }, { autoBind: true });
  }

  get actions(): { type: ReceiptActionType; label: string }[] {
    return this.receipt ? availableActions(this.receipt.direction, this.receipt.status) : [];
  }

  get activeActionLabel(): string | null {
    return this.actions.find((a) => a.type === this.activeAction)?.label ?? null;
  }

  /** Shows a receipt; an action form under way for the same receipt is kept. */
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
    const [receipt, history] = await Promise.all([this.root.api['receipts.get']({ id }), this.root.api['receipts.history']({ id })]);
    runInAction(() => {
      if (this.id !== id) return;
      this.isLoading = false;
      if (receipt.ok) {
        this.receipt = receipt.value;
        this.error = null;
        this.root.receipts.list.paged.replaceRow(receipt.value);
      } else {
        this.error = errorMessage(receipt.error);
      }
      if (history.ok) {
        this.history = history.value;
        this.historyError = null;
      } else {
        this.historyError = errorMessage(history.error);
      }
    });
  }

  /** Opens the small form of one action, its dates set to today. */
  startAction(type: ReceiptActionType): void {
    this.activeAction = type;
    this.actionValues = actionDefaults(type, this.root.session.today);
    this.clearActionMessages();
  }

  cancelAction(): void {
    this.activeAction = null;
    this.actionValues = {};
    this.clearActionMessages();
  }

  setActionValue(name: string, value: string): void {
    this.actionValues[name] = value;
    this.actionErrors.delete(name);
  }

  /** Validates with the core's schema and sends `receipts.transition`; returns whether it was applied. */
  async submitAction(): Promise<boolean> {
    const type = this.activeAction;
    const receipt = this.receipt;
    if (type === null || receipt === null) return false;
    this.clearActionMessages();
    const known = new Set(ACTION_FIELDS[type].map((f) => f.name));
    const parsed = receiptActionSchema.safeParse(actionInput(type, this.actionValues));
    if (!parsed.success) {
      this.setActionIssues(type, parsed.error.issues, known);
      return false;
    }
    this.isSaving = true;
    const label = this.activeActionLabel ?? type;
    const result = await this.root.api['receipts.transition']({ id: receipt.id, expectedVersion: receipt.version, action: parsed.data });
    if (result.ok) {
      runInAction(() => {
        this.isSaving = false;
        this.activeAction = null;
        this.actionValues = {};
        this.root.receipts.saved(result.value, label);
      });
      await this.reload();
      return true;
    }
    runInAction(() => {
      this.isSaving = false;
      this.conflict = result.error.code === 'CONFLICT';
      if (result.error.issues) this.setActionIssues(type, result.error.issues, known, 'action');
      else this.actionError = errorMessage(result.error);
    });
    return false;
  }

  /** Shows a record saved elsewhere in this store (after an edit or an action). */
  showSaved(view: ReceiptView): void {
    if (this.id === view.id) this.receipt = view;
  }

  reset(): void {
    this.id = null;
    this.receipt = null;
    this.history = [];
    this.error = null;
    this.historyError = null;
    this.cancelAction();
  }

  private setActionIssues(
    type: ReceiptActionType,
    issues: readonly { path: readonly PropertyKey[]; message: string }[],
    known: ReadonlySet<string>,
    prefix?: string,
  ): void {
    const { fields, other } = issuesToFields(issues, known, prefix);
    const labels = new Map(ACTION_FIELDS[type].map((f) => [f.name, f.label]));
    this.actionErrors = new Map([...fields].map(([name, message]) => [name, fieldSentence(labels.get(name) ?? name, message)]));
    this.actionError = other.length > 0 ? other.join('; ') : 'Some entries need correcting; see the marked fields.';
  }

  private clearActionMessages(): void {
    this.actionErrors = new Map();
    this.actionError = null;
    this.conflict = false;
  }
}
