// One incident on screen: the record with its steps (due, done, overdue), linked receipts,
// personnel when the core returns them, the history, and the small form of whichever action the
// user opened: a step, a change the inquiry records, a personnel matter, an audited reveal.
import { makeAutoObservable, runInAction } from 'mobx';
import { PERSONNEL_WRITERS } from '../../../electron/common/contract/incidents.js';
import type { MethodOutput } from '../../../electron/common/contract/index.js';
import type { ForeignReleaseView, IncidentView } from '../../../electron/common/incidents/model.js';
import type { IncidentActionType } from '../../../electron/common/incidents/transitions.js';
import { availableIncidentActions, INCIDENT_OPEN_STATUSES, INCIDENT_TRANSITIONS } from '../../../electron/common/incidents/transitions.js';
import type { JournalEntry } from '../../../electron/common/journal.js';
import { errorMessage } from '../format/errors.js';
import type { IncidentUpdateKind, PersonnelKind } from './IncidentActionForms.js';
import { INCIDENT_UPDATES, incidentStepForm, incidentUpdateForm, personnelForm } from './IncidentActionForms.js';
import { ledgerToday } from './ledgerToday.js';
import type { RootStore } from './RootStore.js';
import { SmallForm } from './SmallForm.js';

export type RevealedIdentifier = MethodOutput<'incidents.revealIdentifier'>;
type Person = NonNullable<IncidentView['personnel']>['responsible'][number];

export class IncidentDetailStore {
  readonly root: RootStore;
  readonly form: SmallForm;
  id: string | null = null;
  incident: IncidentView | null = null;
  history: JournalEntry[] = [];
  today: string;
  isLoading = false;
  error: string | null = null;
  historyError: string | null = null;
  revealed = new Map<string, RevealedIdentifier>();
  /** The foreign-releasable version (incidents.foreignRelease), exactly as the core returns it. */
  release: ForeignReleaseView | null = null;
  releaseFor: string | null = null;
  releaseError: string | null = null;

  constructor(root: RootStore) {
    this.root = root;
    this.form = new SmallForm(root);
    this.today = root.session.today;
    makeAutoObservable(this, { root: false, form: false }, { autoBind: true });
  }

  private get roles() {
    return this.root.session.session?.roles ?? [];
  }

  /** The steps the status machine allows from here for the user's roles. */
  get steps(): { type: IncidentActionType; label: string }[] {
    if (!this.incident || !this.root.session.canWrite) return [];
    return availableIncidentActions(this.incident.status, this.roles);
  }

  get isOpen(): boolean {
    return this.incident !== null && INCIDENT_OPEN_STATUSES.includes(this.incident.status);
  }

  get updates(): { kind: IncidentUpdateKind; label: string }[] {
    if (!this.isOpen || !this.root.session.canWrite) return [];
    return (Object.keys(INCIDENT_UPDATES) as IncidentUpdateKind[]).map((kind) => ({ kind, label: INCIDENT_UPDATES[kind] }));
  }

  /** Personnel matters are the security officer's (the core checks it again). */
  get canWritePersonnel(): boolean {
    return this.isOpen && this.roles.some((r) => PERSONNEL_WRITERS.includes(r)) && this.incident?.personnel !== null;
  }

  get canRevealIdentifiers(): boolean {
    return this.roles.some((r) => PERSONNEL_WRITERS.includes(r));
  }

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
    const [incident, history, today] = await Promise.all([this.root.api['incidents.get']({ id }), this.root.api['incidents.history']({ id }), ledgerToday(this.root)]);
    runInAction(() => {
      if (this.id !== id) return;
      this.isLoading = false;
      this.today = today;
      if (incident.ok) {
        this.incident = incident.value;
        this.error = null;
        this.root.incidents.list.paged.replaceRow(incident.value);
      } else {
        this.error = errorMessage(incident.error);
      }
      if (history.ok) {
        this.history = history.value;
        this.historyError = null;
      } else {
        this.historyError = errorMessage(history.error);
      }
    });
  }

  /** Reads the foreign-releasable version (journalled by the core as an export). */
  async loadRelease(id: string): Promise<void> {
    if (this.releaseFor !== id) this.release = null;
    this.releaseFor = id;
    this.releaseError = null;
    const result = await this.root.api['incidents.foreignRelease']({ id });
    runInAction(() => {
      if (this.releaseFor !== id) return;
      if (result.ok) this.release = result.value;
      else this.releaseError = errorMessage(result.error);
    });
  }

  startStep(type: IncidentActionType): void {
    const incident = this.incident;
    if (!incident) return;
    this.form.open(incidentStepForm(incident, type, (view) => this.afterSave(view, INCIDENT_TRANSITIONS[type].label)), this.today);
  }

  startUpdate(kind: IncidentUpdateKind): void {
    const incident = this.incident;
    if (!incident) return;
    this.form.open(incidentUpdateForm(incident, kind, this.today, (view) => this.afterSave(view, INCIDENT_UPDATES[kind])), this.today);
  }

  startPersonnel(kind: PersonnelKind, person: Person | null): void {
    const incident = this.incident;
    if (!incident) return;
    const spec = personnelForm(incident, kind, person, async (value) => {
      if (kind === 'reveal') {
        const revealed = value as RevealedIdentifier;
        runInAction(() => this.revealed.set(revealed.personId, revealed));
        this.root.ui.notify('info', `Identifier of ${revealed.name} revealed; the reveal is recorded in the audit trail.`);
        return;
      }
      await this.afterSave(value as IncidentView, kind === 'name' ? 'Responsible individual named' : 'Personnel change');
    });
    this.form.open(spec, this.today);
  }

  hideRevealed(personId: string): void {
    this.revealed.delete(personId);
  }

  showSaved(view: IncidentView): void {
    if (this.id === view.id) this.incident = view;
  }

  reset(): void {
    this.id = null;
    this.incident = null;
    this.history = [];
    this.error = null;
    this.historyError = null;
    this.revealed = new Map();
    this.release = null;
    this.releaseFor = null;
    this.releaseError = null;
    this.form.reset();
  }

  private async afterSave(view: IncidentView, what: string): Promise<void> {
    this.root.incidents.saved(view, what);
    await this.reload();
  }
}
