// The create/edit form. Its values live here, not in components, so nothing typed is lost when
// the screen changes or locks. Validation uses the core's own schema (receiptDraftSchema);
// nothing is sent while it fails.
import { makeAutoObservable, runInAction } from 'mobx';
import { bannerMarking, usLevelRank } from '../../../electron/common/classification/index.js';
import type { ReceiptDraft, ReceiptView } from '../../../electron/common/receipts/model.js';
import { receiptDraftSchema } from '../../../electron/common/receipts/model.js';
import { reasonSchema } from '../../../electron/common/primitives.js';
import type { LedgerErrorBody } from '../../../electron/common/result.js';
import { errorMessage, fieldSentence, issuesToFields } from '../format/errors.js';
import type { DraftField, DraftValues, FormField } from './draftForm.js';
import { FIELD_LABELS, FORM_FIELDS, FORM_FIELD_SET, draftFromReceipt, draftInput, emptyDraft, sameValue } from './draftForm.js';
import type { RootStore } from './RootStore.js';

/** The draft fields an input edits as text (everything but the check boxes). */
export type TextField = { [K in DraftField]: DraftValues[K] extends boolean ? never : K }[DraftField];
/** The draft fields edited with a check box. */
export type FlagField = { [K in DraftField]: DraftValues[K] extends boolean ? K : never }[DraftField];

export interface FieldError {
  field: FormField;
  label: string;
  message: string;
}

export class ReceiptFormStore {
  readonly root: RootStore;
  mode: 'create' | 'edit' | null = null;
  /** The record as it was when editing began (its version is the expected version). */
  original: ReceiptView | null = null;
  values: DraftValues = emptyDraft('');
  reason = '';
  /** Client errors show after the first attempt to save, then follow the typing. */
  showErrors = false;
  serverErrors = new Map<string, string>();
  generalError: string | null = null;
  conflict = false;
  isLoading = false;
  isSaving = false;
  /** Counts refused saves, so the view can move focus to the error summary each time. */
  refusedSaves = 0;

  constructor(root: RootStore) {
    this.root = root;
    makeAutoObservable(this, { root: false }, { autoBind: true });
  }

  get validation() {
    return receiptDraftSchema.safeParse(draftInput(this.values));
  }

  /** Problems found here, before anything is sent: the draft schema, system-high, the reason. */
  get clientErrors(): Map<string, string> {
    const validation = this.validation;
    const errors = validation.success ? new Map<string, string>() : issuesToFields(validation.error.issues, FORM_FIELD_SET).fields;
    const level = this.values['classification.level'];
    const systemHigh = this.root.session.systemHigh;
    if (level && systemHigh && usLevelRank(level) > usLevelRank(systemHigh) && !errors.has('classification.level')) {
      errors.set('classification.level', `may not be above this workstation's system-high level (${systemHigh})`);
    }
    if (this.mode === 'edit') {
      const reason = reasonSchema.safeParse(this.reason);
      if (!reason.success) errors.set('reason', reason.error.issues[0]?.message ?? 'is required');
    }
    return errors;
  }

  /** Every error to show, in form order, as sentences. */
  get errors(): FieldError[] {
    const client = this.showErrors ? this.clientErrors : new Map<string, string>();
    const list: FieldError[] = [];
    for (const field of FORM_FIELDS) {
      const message = client.get(field) ?? this.serverErrors.get(field);
      if (message !== undefined) list.push({ field, label: FIELD_LABELS[field], message: fieldSentence(FIELD_LABELS[field], message) });
    }
    return list;
  }

  errorFor(field: FormField): string | undefined {
    return this.errors.find((e) => e.field === field)?.message;
  }

  /** The banner marking the entered classification would carry, once it is valid. */
  get markingPreview(): string | null {
    const validation = this.validation;
    return validation.success ? bannerMarking(validation.data.classification) : null;
  }

  /** Fields whose value differs from the record being edited (what `receipts.update` gets). */
  get changes(): Partial<ReceiptDraft> {
    const validation = this.validation;
    if (!validation.success || !this.original) return {};
    const changes: Record<string, unknown> = {};
    const draft: Record<string, unknown> = validation.data;
    const original = this.original as unknown as Record<string, unknown>;
    for (const key of Object.keys(draft)) {
      if (key !== 'direction' && !sameValue(draft[key], original[key])) changes[key] = draft[key];
    }
    return changes;
  }

  /** Classification changes are security-relevant: the form says so before saving. */
  get classificationChanged(): boolean {
    return this.mode === 'edit' && 'classification' in this.changes;
  }

  get isDirty(): boolean {
    if (this.mode === 'edit' && this.original) return !sameValue(this.values, draftFromReceipt(this.original)) || this.reason !== '';
    return this.mode === 'create' && !sameValue(this.values, emptyDraft(this.root.session.today));
  }

  /** A new receipt; an unsaved one already under way is kept. */
  openCreate(): void {
    if (this.mode === 'create') return;
    this.start('create', null);
  }

  /** Edit a receipt; unsaved edits of the same receipt are kept. */
  async openEdit(id: string): Promise<void> {
    if (this.mode === 'edit' && this.original?.id === id) return;
    const known = this.root.receipts.detail.receipt;
    if (known?.id === id) {
      this.start('edit', known);
      return;
    }
    this.isLoading = true;
    const result = await this.root.api['receipts.get']({ id });
    runInAction(() => {
      this.isLoading = false;
      if (result.ok) this.start('edit', result.value);
      else this.generalError = errorMessage(result.error);
    });
  }

  setValue<K extends DraftField>(field: K, value: DraftValues[K]): void {
    this.values[field] = value;
    this.serverErrors.delete(field);
    // The foreign level's choices depend on the kind of origin.
    if (field === 'classification.foreign') this.values['classification.foreign.level'] = '';
  }

  /** For inputs that hand back strings (text, date, select): the key names the field. */
  setText(field: TextField, value: string): void {
    (this.values as unknown as Record<string, unknown>)[field] = value;
    this.serverErrors.delete(field);
    if (field === 'classification.foreign') this.values['classification.foreign.level'] = '';
  }

  setReason(value: string): void {
    this.reason = value;
    this.serverErrors.delete('reason');
  }

  /** Drops what was typed. */
  discard(): void {
    this.mode = null;
    this.original = null;
    this.values = emptyDraft(this.root.session.today);
    this.clearMessages();
  }

  reset(): void {
    this.discard();
  }

  /** Validates and saves; returns the saved record, or null when refused (here or by the core). */
  async submit(): Promise<ReceiptView | null> {
    this.clearMessages();
    this.showErrors = true;
    const validation = this.validation;
    if (!validation.success || this.clientErrors.size > 0) {
      this.refusedSaves++;
      return null;
    }
    if (this.mode === 'edit' && Object.keys(this.changes).length === 0) {
      this.generalError = 'Nothing has changed: there is nothing to save.';
      this.refusedSaves++;
      return null;
    }
    this.isSaving = true;
    const editing = this.mode === 'edit' ? this.original : null;
    const result = editing
      ? await this.root.api['receipts.update']({ id: editing.id, expectedVersion: editing.version, changes: this.changes, reason: this.reason })
      : await this.root.api['receipts.create'](validation.data);
    return runInAction(() => {
      this.isSaving = false;
      if (!result.ok) {
        this.refuse(result.error);
        return null;
      }
      const saved = result.value;
      this.discard();
      this.root.receipts.saved(saved, editing ? 'updated' : 'created');
      return saved;
    });
  }

  private start(mode: 'create' | 'edit', original: ReceiptView | null): void {
    this.mode = mode;
    this.original = original;
    this.values = original ? draftFromReceipt(original) : emptyDraft(this.root.session.today);
    this.reason = '';
    this.clearMessages();
  }

  private clearMessages(): void {
    this.showErrors = false;
    this.serverErrors = new Map();
    this.generalError = null;
    this.conflict = false;
  }

  private refuse(error: LedgerErrorBody): void {
    this.refusedSaves++;
    this.conflict = error.code === 'CONFLICT';
    if (error.issues) {
      const { fields, other } = issuesToFields(error.issues, FORM_FIELD_SET, this.mode === 'edit' ? 'changes' : undefined);
      this.serverErrors = fields;
      this.generalError = other.length > 0 ? `${errorMessage(error)} ${other.join('; ')}` : errorMessage(error);
    } else {
      this.generalError = errorMessage(error);
    }
  }
}
