// The Sync section (docs/sync.md): this installation's signing identity and sync status, the
// trust store, export to headquarters (site) or per-site status and acknowledgements
// (headquarters), imports with a preview, alarms and the bundle history. Every part shows to
// the roles its contract method allows; the core checks again on every call.
import { makeAutoObservable, runInAction } from 'mobx';
import type { MethodName, MethodOutput } from '../../../electron/common/contract/index.js';
import { contract } from '../../../electron/common/contract/index.js';
import type { IdentityRecord, SiteStatus } from '../../../electron/common/sync/model.js';
import type { FileChooser } from '../platform/files.js';
import { platformFiles } from '../platform/files.js';
import { canCall } from './access.js';
import type { RootStore } from './RootStore.js';
import { SyncAlarmsStore } from './SyncAlarmsStore.js';
import { SyncAckStore, SyncExportStore } from './SyncExportStore.js';
import { SyncForm, syncErrorMessage } from './SyncForm.js';
import { SyncHistoryStore } from './SyncHistoryStore.js';
import { SyncImportStore } from './SyncImportStore.js';
import { PROGRESS_POLL_MS } from './SyncProgress.js';
import { SyncTrustStore } from './SyncTrustStore.js';

export type SyncStatus = MethodOutput<'sync.status'>;

export interface SyncOptions {
  /** How files are chosen; default: the preload's native dialogs if present, else typed paths. */
  files?: FileChooser;
  /** How often sync.progress is asked while an export or import runs. */
  progressPollMs?: number;
}

export const IDENTITY_LABELS = { passphrase: 'Key passphrase', confirm: 'Confirm key passphrase' } as const;

export class SyncStore {
  readonly root: RootStore;
  readonly files: FileChooser;
  readonly progressPollMs: number;
  readonly identityForm = new SyncForm(IDENTITY_LABELS);
  readonly trust: SyncTrustStore;
  readonly alarms: SyncAlarmsStore;
  readonly history: SyncHistoryStore;
  readonly exporter: SyncExportStore;
  readonly ack: SyncAckStore;
  readonly importer: SyncImportStore;

  identity: IdentityRecord | null = null;
  status: SyncStatus | null = null;
  sites: SiteStatus[] = [];
  loaded = false;
  isLoading = false;
  /** A part that could not be read (the others still show). */
  error: string | null = null;
  /** What happened to the certificate (copied, saved), for the status line next to it. */
  certificateMessage: string | null = null;

  constructor(root: RootStore, options: SyncOptions = {}) {
    this.root = root;
    this.files = options.files ?? platformFiles();
    this.progressPollMs = options.progressPollMs ?? PROGRESS_POLL_MS;
    this.trust = new SyncTrustStore(this);
    this.alarms = new SyncAlarmsStore(this);
    this.history = new SyncHistoryStore(this);
    this.exporter = new SyncExportStore(this);
    this.ack = new SyncAckStore(this);
    this.importer = new SyncImportStore(this);
    makeAutoObservable(
      this,
      { root: false, files: false, progressPollMs: false, identityForm: false, trust: false, alarms: false, history: false, exporter: false, ack: false, importer: false },
      { autoBind: true },
    );
  }

  /** Whether the signed-in user's roles may call `method` (the contract decides). */
  can(method: MethodName): boolean {
    return canCall(this.root.session.session?.roles, method);
  }

  /** 'hq' at headquarters, 'site' at a site; null before the site is known. */
  get siteRole(): 'site' | 'hq' | null {
    return this.root.session.info?.siteRole ?? this.status?.siteRole ?? null;
  }

  get isHq(): boolean {
    return this.siteRole === 'hq';
  }

  get siteId(): string {
    return this.root.session.info?.siteId ?? this.status?.siteId ?? '';
  }

  /** Reads every part the user's roles reach. */
  async load(): Promise<void> {
    this.isLoading = true;
    this.error = null;
    await Promise.all([
      this.loadIdentity(),
      this.loadStatus(),
      this.loadSites(),
      this.can('trust.list') ? this.trust.load() : Promise.resolve(),
      this.can('sync.alarms') ? this.alarms.load() : Promise.resolve(),
      this.can('sync.bundles') ? this.history.load() : Promise.resolve(),
    ]);
    runInAction(() => {
      this.isLoading = false;
      this.loaded = true;
    });
  }

  /** After an export, import, acknowledgement or enrolment: what it changed. */
  async afterChange(): Promise<void> {
    await Promise.all([
      this.loadStatus(),
      this.loadSites(),
      this.can('sync.alarms') ? this.alarms.load() : Promise.resolve(),
      this.can('sync.bundles') ? this.history.load() : Promise.resolve(),
    ]);
  }

  async loadIdentity(): Promise<void> {
    const answer = await this.root.api['sync.identity']({});
    runInAction(() => {
      if (answer.ok) this.identity = answer.value.identity;
      else this.error = syncErrorMessage(answer.error);
    });
  }

  async loadStatus(): Promise<void> {
    if (!this.can('sync.status')) return;
    const answer = await this.root.api['sync.status']({});
    runInAction(() => {
      if (answer.ok) this.status = answer.value;
      else this.error = syncErrorMessage(answer.error);
    });
  }

  /** Per-site status is kept at headquarters only (a site answers CONFLICT). */
  async loadSites(): Promise<void> {
    if (!this.isHq || !this.can('sync.sites')) return;
    const answer = await this.root.api['sync.sites']({});
    runInAction(() => {
      if (answer.ok) this.sites = answer.value;
      else this.error = syncErrorMessage(answer.error);
    });
  }

  /** Administrators: the P-384 key and its certificate, the key sealed under the passphrase typed twice. */
  async createIdentity(): Promise<boolean> {
    const form = this.identityForm;
    form.clearMessages();
    const { passphrase, confirm } = form.values;
    const parsed = contract['sync.createIdentity'].input.safeParse({ passphrase });
    if (!parsed.success) form.applyIssues(parsed.error.issues);
    if (confirm !== passphrase) form.fieldError('confirm', 'must be the same as the key passphrase');
    if (form.hasFields) {
      form.refuseFields();
      return false;
    }
    form.setBusy(true);
    const answer = await this.root.api['sync.createIdentity']({ passphrase });
    runInAction(() => {
      form.setBusy(false);
      if (answer.ok) {
        this.identity = answer.value;
        form.reset();
        this.root.ui.notify('success', 'Signing identity created. Read its fingerprint to the other installation when it enrols the certificate.');
      } else {
        form.refuse(answer.error);
      }
    });
    if (answer.ok) await this.loadStatus();
    return answer.ok;
  }

  /** Saves the certificate (PEM) through the platform's save (a download the app builds). */
  saveCertificate(): void {
    const identity = this.identity;
    if (!identity) return;
    this.root.saveFile(`${identity.siteId}-certificate.pem`, identity.certificatePem, 'application/x-pem-file');
    this.certificateMessage = `Saved as ${identity.siteId}-certificate.pem.`;
  }

  setCertificateMessage(message: string | null): void {
    this.certificateMessage = message;
  }

  /** The site's row of the sites table, if headquarters holds anything of it. */
  siteStatus(siteId: string): SiteStatus | undefined {
    return this.sites.find((s) => s.siteId === siteId);
  }

  reset(): void {
    this.identity = null;
    this.status = null;
    this.sites = [];
    this.loaded = false;
    this.error = null;
    this.certificateMessage = null;
    this.identityForm.reset();
    this.trust.reset();
    this.alarms.reset();
    this.history.reset();
    this.exporter.reset();
    this.ack.reset();
    this.importer.reset();
  }
}
