// The new visit request form: request fields, facilities and visitors as repeated sub-forms.
// Checked with the contract's visitCreateSchema before anything is sent; the core's own rules
// (type limits, 90-day window, lead time, 30 visitors, emergency fields) come back as field
// issues and land next to the same inputs. The limits are shown before the user types.
import { makeAutoObservable, runInAction } from 'mobx';
import { visitCreateSchema } from '../../../electron/common/contract/visits.js';
import { addDays, isoDateSchema } from '../../../electron/common/primitives.js';
import type { LedgerErrorBody } from '../../../electron/common/result.js';
import type { VisitType } from '../../../electron/common/visits/model.js';
import { VISIT_TYPE_LABELS } from '../../../electron/common/visits/model.js';
import { MAX_DAYS_AHEAD, MAX_VISITORS_PER_REQUEST, durationLimitText, latestEndDate, latestSubmissionDate } from '../../../electron/common/visits/rules.js';
import { fieldSentence } from '../format/errors.js';
import { type KeyedError, clientErrors, dropKeysUnder, keyedErrors, refusal } from './keyedFormErrors.js';
import { ledgerToday } from './ledgerToday.js';
import type { RootStore } from './RootStore.js';
import type { FacilityValues, RequestField, RequestValues } from './VisitFormValues.js';
import { emptyFacility, emptyRequest, orderedKeys, requestInput, requestKeyLabel } from './VisitFormValues.js';
import type { VisitorField, VisitorValues } from './VisitorValues.js';
import { emptyVisitor } from './VisitorValues.js';

const isDate = (s: string) => isoDateSchema.safeParse(s).success;

export class VisitFormStore {
  readonly root: RootStore;
  open = false;
  values: RequestValues = emptyRequest('');
  facilities: FacilityValues[] = [emptyFacility()];
  visitors: VisitorValues[] = [emptyVisitor()];
  showErrors = false;
  serverErrors = new Map<string, string>();
  generalError: string | null = null;
  isSaving = false;
  refusedSaves = 0;

  constructor(root: RootStore) {
    this.root = root;
    makeAutoObservable(this, { root: false }, { autoBind: true });
  }

  get input(): Record<string, unknown> {
    return requestInput(this.values, this.facilities, this.visitors);
  }

  get validation() {
    return visitCreateSchema.safeParse(this.input);
  }

  get keys(): string[] {
    return orderedKeys(this.values, this.facilities.length, this.visitors.length);
  }

  get clientErrors(): Map<string, string> {
    return clientErrors(this.validation, this.keys);
  }

  /** Every error to show, in form order. */
  get errors(): KeyedError[] {
    return keyedErrors(this.keys, this.showErrors ? this.clientErrors : new Map(), this.serverErrors, requestKeyLabel);
  }

  /** The error next to one input, named by the input's own label. */
  errorFor(key: string, label: string): string | undefined {
    const error = this.errors.find((e) => e.key === key);
    return error ? fieldSentence(label, error.raw) : undefined;
  }

  /** The limits of this request, shown before anything is checked. */
  get limits(): string[] {
    const v = this.values;
    const type = v.type as VisitType | '';
    const limits: string[] = [];
    if (type) {
      const kind = VISIT_TYPE_LABELS[type].toLowerCase();
      limits.push(
        isDate(v.startDate)
          ? `A ${kind} visit lasts at most ${durationLimitText(type)}: starting ${v.startDate}, it must end by ${latestEndDate(type, v.startDate)}.`
          : `A ${kind} visit lasts at most ${durationLimitText(type)}.`,
      );
    }
    limits.push(
      isDate(v.startDate)
        ? `A request is submitted no more than ${MAX_DAYS_AHEAD} days ahead: for a start on ${v.startDate}, not before ${addDays(v.startDate, -MAX_DAYS_AHEAD)}.`
        : `A request is submitted no more than ${MAX_DAYS_AHEAD} days before the visit starts.`,
    );
    const lead = Number(v.hostLeadTimeWorkingDays);
    if (v.direction === 'outgoing' && type !== 'emergency') {
      limits.push(
        isDate(v.startDate) && v.hostLeadTimeWorkingDays.trim() !== '' && Number.isInteger(lead)
          ? `Outgoing: the host country's lead time plus 5 working days: submit by ${latestSubmissionDate(v.startDate, lead)}.`
          : "Outgoing: submit at least the host country's lead time plus 5 working days before the start.",
      );
    }
    if (type === 'recurring') limits.push('Each trip of a recurring visit is notified at least 5 working days ahead.');
    if (type === 'long_term') limits.push('A long-term / extended visit needs a Technology Control Plan.');
    if (type === 'emergency') limits.push('An emergency request names the person visited, a foreign-government point of contact, the contract and a justification, and cannot be amended later.');
    limits.push(`At most ${MAX_VISITORS_PER_REQUEST} visitors per request: more must be split into separate requests.`);
    return limits;
  }

  /** A new request; one already under way is kept. Dates start at the ledger's today. */
  async openCreate(): Promise<void> {
    if (this.open) return;
    this.open = true;
    this.start(this.root.session.today);
    const today = await ledgerToday(this.root);
    runInAction(() => {
      if (this.open && this.values.submittedOn !== today && !this.isDirtyExceptDate()) this.values.submittedOn = today;
    });
  }

  setValue(field: RequestField, value: string): void {
    this.values[field] = value;
    this.serverErrors.delete(field);
  }

  setFacility(index: number, field: keyof FacilityValues, value: string): void {
    const facility = this.facilities[index];
    if (!facility) return;
    facility[field] = value;
    this.serverErrors.delete(`facilities.${index}.${field}`);
  }

  addFacility(): void {
    this.facilities.push(emptyFacility());
  }

  removeFacility(index: number): void {
    this.facilities.splice(index, 1);
    // Indexes moved: the core's answers about later facilities no longer fit.
    dropKeysUnder(this.serverErrors, 'facilities.');
  }

  setVisitor(index: number, field: VisitorField, value: string): void {
    const visitor = this.visitors[index];
    if (!visitor) return;
    visitor[field] = value;
    this.serverErrors.delete(`visitors.${index}.${field}`);
    this.serverErrors.delete('visitors');
  }

  addVisitor(): void {
    this.visitors.push(emptyVisitor());
  }

  removeVisitor(index: number): void {
    this.visitors.splice(index, 1);
    dropKeysUnder(this.serverErrors, 'visitors');
  }

  discard(): void {
    this.open = false;
    this.start(this.root.session.today);
  }

  reset(): void {
    this.discard();
  }

  /** Validates and saves; returns whether the request was recorded. */
  async submit(): Promise<boolean> {
    this.serverErrors = new Map();
    this.generalError = null;
    this.showErrors = true;
    const validation = this.validation;
    if (!validation.success) {
      this.refusedSaves++;
      return false;
    }
    this.isSaving = true;
    const result = await this.root.api['visits.create'](validation.data);
    if (!result.ok) {
      runInAction(() => this.refuse(result.error));
      return false;
    }
    runInAction(() => {
      this.isSaving = false;
      this.discard();
    });
    this.root.visits.saved(result.value, 'created');
    return true;
  }

  private start(today: string): void {
    this.values = emptyRequest(today);
    this.facilities = [emptyFacility()];
    this.visitors = [emptyVisitor()];
    this.showErrors = false;
    this.serverErrors = new Map();
    this.generalError = null;
  }

  private isDirtyExceptDate(): boolean {
    const fresh = emptyRequest(this.values.submittedOn);
    return JSON.stringify(fresh) !== JSON.stringify(this.values);
  }

  private refuse(error: LedgerErrorBody): void {
    this.isSaving = false;
    this.refusedSaves++;
    ({ serverErrors: this.serverErrors, generalError: this.generalError } = refusal(error, this.keys));
  }
}
