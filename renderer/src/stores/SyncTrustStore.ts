// The trust store: the certificates this installation accepts bundles from (its sites, at
// headquarters; headquarters, at a site). Enrolling needs the fingerprint the other
// installation's operator read out of band: the core refuses a mismatch (and journals it), and
// the refusal shows next to the fingerprint. Revoking is for good and needs a reason.
import { makeAutoObservable, runInAction } from 'mobx';
import { contract } from '../../../electron/common/contract/index.js';
import type { TrustRecord } from '../../../electron/common/sync/model.js';
import { SyncForm, syncErrorMessage } from './SyncForm.js';
import type { SyncStore } from './SyncStore.js';

export const ENROL_LABELS = {
  certificatePem: 'Certificate (PEM)',
  siteId: 'Site identifier',
  role: 'Role',
  expectedFingerprint: 'Fingerprint read out by the other installation',
} as const;

export const REVOKE_LABELS = { reason: 'Reason for revoking' } as const;

export const TRUST_ROLE_LABELS = { site: 'Site', hq: 'Headquarters' } as const;

export class SyncTrustStore {
  readonly sync: SyncStore;
  readonly enrolForm = new SyncForm(ENROL_LABELS);
  readonly revokeForm = new SyncForm(REVOKE_LABELS);
  records: TrustRecord[] = [];
  loaded = false;
  error: string | null = null;
  enrolOpen = false;
  /** The certificate being revoked (its form is open). */
  revokeTarget: TrustRecord | null = null;

  constructor(sync: SyncStore) {
    this.sync = sync;
    makeAutoObservable(this, { sync: false, enrolForm: false, revokeForm: false }, { autoBind: true });
  }

  /** Active certificates first, then by site. */
  get sorted(): TrustRecord[] {
    return [...this.records].sort((a, b) => Number(a.revokedAt !== null) - Number(b.revokedAt !== null) || a.siteId.localeCompare(b.siteId) || a.enrolledAt.localeCompare(b.enrolledAt));
  }

  async load(): Promise<void> {
    const answer = await this.sync.root.api['trust.list']({});
    runInAction(() => {
      this.loaded = true;
      if (answer.ok) {
        this.records = answer.value;
        this.error = null;
      } else {
        this.error = syncErrorMessage(answer.error);
      }
    });
  }

  /** Headquarters enrols sites; a site enrols headquarters: the role starts at the only one that fits. */
  openEnrol(): void {
    this.enrolForm.reset();
    this.enrolForm.set('role', this.sync.isHq ? 'site' : 'hq');
    this.enrolOpen = true;
  }

  closeEnrol(): void {
    this.enrolOpen = false;
    this.enrolForm.reset();
  }

  async enrol(): Promise<boolean> {
    const form = this.enrolForm;
    const v = form.values;
    const input = { certificatePem: v.certificatePem.trim(), siteId: v.siteId.trim(), role: v.role, expectedFingerprint: v.expectedFingerprint };
    form.clearMessages();
    const parsed = contract['trust.enroll'].input.safeParse(input);
    if (!parsed.success) {
      form.applyIssues(parsed.error.issues);
      form.refuseFields();
      return false;
    }
    form.setBusy(true);
    const answer = await this.sync.root.api['trust.enroll'](input as typeof parsed.data);
    runInAction(() => {
      form.setBusy(false);
      if (answer.ok) {
        this.records = [...this.records.filter((r) => r.keyId !== answer.value.keyId), answer.value];
        this.sync.root.ui.notify('success', `Certificate of ${answer.value.siteId} enrolled (fingerprint ${answer.value.fingerprint}).`);
        this.closeEnrol();
      } else {
        form.refuse(answer.error);
      }
    });
    if (answer.ok) await this.sync.afterChange();
    return answer.ok;
  }

  startRevoke(record: TrustRecord): void {
    this.revokeForm.reset();
    this.revokeTarget = record;
  }

  cancelRevoke(): void {
    this.revokeTarget = null;
    this.revokeForm.reset();
  }

  /** Revokes this one certificate (by its key id); bundles it signed are refused from now on. */
  async revoke(): Promise<boolean> {
    const target = this.revokeTarget;
    if (target === null) return false;
    const form = this.revokeForm;
    const input = { fingerprint: target.keyId, reason: form.values.reason.trim() };
    form.clearMessages();
    const parsed = contract['trust.revoke'].input.safeParse(input);
    if (!parsed.success) {
      form.applyIssues(parsed.error.issues);
      form.refuseFields();
      return false;
    }
    form.setBusy(true);
    const answer = await this.sync.root.api['trust.revoke'](input);
    runInAction(() => {
      form.setBusy(false);
      if (answer.ok) {
        const revoked = new Map(answer.value.map((r) => [r.keyId, r]));
        this.records = this.records.map((r) => revoked.get(r.keyId) ?? r);
        this.sync.root.ui.notify('success', `Certificate of ${target.siteId} revoked: bundles it signed are refused from now on.`);
        this.cancelRevoke();
      } else {
        form.refuse(answer.error);
      }
    });
    if (answer.ok) await this.sync.afterChange();
    return answer.ok;
  }

  reset(): void {
    this.records = [];
    this.loaded = false;
    this.error = null;
    this.closeEnrol();
    this.cancelRevoke();
  }
}
