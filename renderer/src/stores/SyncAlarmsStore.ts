// Security alarms raised by imports (a fork, a record of another site, spillage above
// system-high, an understated marking, an acknowledgement of a head this site does not have).
// Readers see them; the security officer closes one by recording what was found and done.
import { makeAutoObservable, runInAction } from 'mobx';
import { contract } from '../../../electron/common/contract/index.js';
import type { AlarmRecord } from '../../../electron/common/sync/model.js';
import { SyncForm, syncErrorMessage } from './SyncForm.js';
import type { SyncStore } from './SyncStore.js';

export const RESOLVE_LABELS = { resolution: 'What was found and done' } as const;

export class SyncAlarmsStore {
  readonly sync: SyncStore;
  readonly resolveForm = new SyncForm(RESOLVE_LABELS);
  alarms: AlarmRecord[] = [];
  includeResolved = false;
  loaded = false;
  error: string | null = null;
  /** The alarm being resolved (its form is open). */
  resolveTarget: AlarmRecord | null = null;

  constructor(sync: SyncStore) {
    this.sync = sync;
    makeAutoObservable(this, { sync: false, resolveForm: false }, { autoBind: true });
  }

  get openCount(): number {
    return this.alarms.filter((a) => a.status === 'open').length;
  }

  async load(): Promise<void> {
    const answer = await this.sync.root.api['sync.alarms']({ includeResolved: this.includeResolved });
    runInAction(() => {
      this.loaded = true;
      if (answer.ok) {
        // Newest first: the one just raised is at the top.
        this.alarms = [...answer.value].sort((a, b) => b.raisedAt.localeCompare(a.raisedAt) || b.id.localeCompare(a.id));
        this.error = null;
      } else {
        this.error = syncErrorMessage(answer.error);
      }
    });
  }

  async setIncludeResolved(on: boolean): Promise<void> {
    this.includeResolved = on;
    await this.load();
  }

  startResolve(alarm: AlarmRecord): void {
    this.resolveForm.reset();
    this.resolveTarget = alarm;
  }

  cancelResolve(): void {
    this.resolveTarget = null;
    this.resolveForm.reset();
  }

  async resolve(): Promise<boolean> {
    const target = this.resolveTarget;
    if (target === null) return false;
    const form = this.resolveForm;
    const input = { id: target.id, resolution: form.values.resolution.trim() };
    form.clearMessages();
    const parsed = contract['sync.resolveAlarm'].input.safeParse(input);
    if (!parsed.success) {
      form.applyIssues(parsed.error.issues);
      form.refuseFields();
      return false;
    }
    form.setBusy(true);
    const answer = await this.sync.root.api['sync.resolveAlarm'](input);
    runInAction(() => {
      form.setBusy(false);
      if (answer.ok) {
        this.sync.root.ui.notify('success', `Alarm for ${answer.value.siteId} resolved.`);
        this.cancelResolve();
      } else {
        form.refuse(answer.error);
      }
    });
    if (answer.ok) await this.sync.afterChange();
    return answer.ok;
  }

  reset(): void {
    this.alarms = [];
    this.includeResolved = false;
    this.loaded = false;
    this.error = null;
    this.cancelResolve();
  }
}
