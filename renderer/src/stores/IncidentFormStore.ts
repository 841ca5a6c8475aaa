// The new-incident form. Checked with the contract's incidentDraftSchema before anything is
// sent; the core's rules (dates, system-high, foreign involvement matching the material) come
// back as field issues next to the same inputs. Values live here, so nothing typed is lost.
import { makeAutoObservable, runInAction } from 'mobx';
import { incidentDraftSchema } from '../../../electron/common/incidents/model.js';
import type { LedgerErrorBody } from '../../../electron/common/result.js';
import { fieldSentence } from '../format/errors.js';
import type { IncidentField, IncidentValues, MaterialField, MaterialValues, PersonField, PersonValues } from './IncidentFormValues.js';
import { emptyIncident, emptyMaterial, emptyPerson, incidentInput, incidentKeyLabel, incidentKeys } from './IncidentFormValues.js';
import { ledgerToday } from './ledgerToday.js';
import type { RootStore } from './RootStore.js';
import { type KeyedError, clientErrors, dropKeysUnder, keyedErrors, refusal } from './keyedFormErrors.js';

export class IncidentFormStore {
  readonly root: RootStore;
  open = false;
  values: IncidentValues = emptyIncident('');
  material: MaterialValues[] = [emptyMaterial()];
  persons: PersonValues[] = [];
  showErrors = false;
  serverErrors = new Map<string, string>();
  generalError: string | null = null;
  isSaving = false;
  refusedSaves = 0;

  constructor(root: RootStore) {
    this.root = root;
    makeAutoObservable(this, { root: false }, { autoBind: true });
  }

  get validation() {
    return incidentDraftSchema.safeParse(incidentInput(this.values, this.material, this.persons));
  }

  get keys(): string[] {
    return incidentKeys(this.values, this.material, this.persons.length);
  }

  get errors(): KeyedError[] {
    return keyedErrors(this.keys, this.showErrors ? clientErrors(this.validation, this.keys) : new Map(), this.serverErrors, incidentKeyLabel);
  }

  errorFor(key: string, label: string): string | undefined {
    const error = this.errors.find((e) => e.key === key);
    return error ? fieldSentence(label, error.raw) : undefined;
  }

  async openCreate(): Promise<void> {
    if (this.open) return;
    this.open = true;
    this.start(this.root.session.today);
    const today = await ledgerToday(this.root);
    runInAction(() => {
      const untouched = JSON.stringify(this.values) === JSON.stringify(emptyIncident(this.values.reportedOn));
      if (this.open && untouched) this.values = emptyIncident(today);
    });
  }

  setValue(field: IncidentField, value: string): void {
    this.values[field] = value;
    this.serverErrors.delete(field);
  }

  setMaterial(index: number, field: MaterialField, value: string): void {
    const m = this.material[index];
    if (!m) return;
    m[field] = value;
    this.serverErrors.delete(`material.${index}.${field}`);
  }

  addMaterial(): void {
    this.material.push(emptyMaterial());
  }

  removeMaterial(index: number): void {
    this.material.splice(index, 1);
    dropKeysUnder(this.serverErrors, 'material');
  }

  setPerson(index: number, field: PersonField, value: string): void {
    const p = this.persons[index];
    if (!p) return;
    p[field] = value;
    this.serverErrors.delete(`unauthorisedPersons.${index}.${field}`);
  }

  addPerson(): void {
    this.persons.push(emptyPerson());
  }

  removePerson(index: number): void {
    this.persons.splice(index, 1);
    dropKeysUnder(this.serverErrors, 'unauthorisedPersons');
  }

  discard(): void {
    this.open = false;
    this.start(this.root.session.today);
  }

  reset(): void {
    this.discard();
  }

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
    const result = await this.root.api['incidents.create'](validation.data);
    if (!result.ok) {
      runInAction(() => this.refuse(result.error));
      return false;
    }
    runInAction(() => {
      this.isSaving = false;
      this.discard();
    });
    this.root.incidents.saved(result.value, 'created');
    return true;
  }

  private start(today: string): void {
    this.values = emptyIncident(today);
    this.material = [emptyMaterial()];
    this.persons = [];
    this.showErrors = false;
    this.serverErrors = new Map();
    this.generalError = null;
  }

  private refuse(error: LedgerErrorBody): void {
    this.isSaving = false;
    this.refusedSaves++;
    ({ serverErrors: this.serverErrors, generalError: this.generalError } = refusal(error, this.keys));
  }
}
