// Writing a signed bundle to the removable medium: at a site, everything headquarters has not
// acknowledged (`sync.export`); at headquarters, the acknowledgement for one site
// (`sync.exportAck`). The folder comes from the native dialog in the desktop app, or is typed as
// an absolute path elsewhere; the key's passphrase is sent once and never kept.
import { makeAutoObservable, runInAction } from 'mobx';
import type { MethodOutput } from '../../../electron/common/contract/index.js';
import { contract } from '../../../electron/common/contract/index.js';
import type { Result } from '../../../electron/common/result.js';
import { SyncForm, syncErrorMessage } from './SyncForm.js';
import { ProgressWatch } from './SyncProgress.js';
import type { SyncStore } from './SyncStore.js';

export type WrittenBundle = MethodOutput<'sync.export'>;

export const EXPORT_LABELS = { outDir: 'Export folder', passphrase: 'Key passphrase' } as const;
export const ACK_LABELS = {
  outDir: 'Acknowledgement folder',
  passphrase: 'Key passphrase',
  notes: 'Notes to the site',
  expiresInDays: 'Valid for (days)',
} as const;

type ExportField = keyof typeof EXPORT_LABELS;
type AckField = keyof typeof ACK_LABELS;

/** Shared by both: the folder, the call with progress, the result. */
class BundleWriter<F extends string> {
  readonly sync: SyncStore;
  readonly form: SyncForm<F>;
  readonly watch: ProgressWatch;
  written: WrittenBundle | null = null;

  constructor(sync: SyncStore, form: SyncForm<F>) {
    this.sync = sync;
    this.form = form;
    this.watch = new ProgressWatch(
      () => sync.root.api,
      () => sync.progressPollMs,
    );
    makeAutoObservable(this, { sync: false, form: false, watch: false }, { autoBind: true });
  }

  /** The desktop app's folder dialog; the path it returns is the only one the core will write to. */
  async chooseFolder(field: F): Promise<void> {
    const picked = await this.sync.files.pickFolder();
    runInAction(() => {
      if (!picked.ok) this.form.error = syncErrorMessage(picked.error);
      else if (picked.value !== null) this.form.set(field, picked.value);
    });
  }

  /** Checks with the method's schema, then sends with progress; the passphrase is cleared either way. */
  async write(method: 'sync.export' | 'sync.exportAck', input: Record<string, unknown>, passphrase: F): Promise<boolean> {
    this.form.clearMessages();
    const parsed = contract[method].input.safeParse(input);
    if (!parsed.success) {
      this.form.applyIssues(parsed.error.issues);
      this.form.clearValue(passphrase);
      this.form.refuseFields();
      return false;
    }
    this.form.setBusy(true);
    this.written = null;
    const call = this.sync.root.api[method] as (input: unknown) => Promise<Result<WrittenBundle>>;
    const result = await this.watch.run(() => call(input));
    runInAction(() => {
      this.form.setBusy(false);
      // The passphrase is typed again for every signature; nothing keeps it.
      this.form.clearValue(passphrase);
      if (result.ok) this.written = result.value;
      else this.form.refuse(result.error);
    });
    if (result.ok) await this.sync.afterChange();
    return result.ok;
  }

  reset(): void {
    this.form.reset();
    this.written = null;
    this.watch.reset();
  }
}

/** Site: the export to headquarters. */
export class SyncExportStore {
  readonly writer: BundleWriter<ExportField>;

  constructor(sync: SyncStore) {
    this.writer = new BundleWriter(sync, new SyncForm(EXPORT_LABELS));
    makeAutoObservable(this, { writer: false }, { autoBind: true });
  }

  get form(): SyncForm<ExportField> {
    return this.writer.form;
  }

  get watch(): ProgressWatch {
    return this.writer.watch;
  }

  get written(): WrittenBundle | null {
    return this.writer.written;
  }

  chooseFolder(): Promise<void> {
    return this.writer.chooseFolder('outDir');
  }

  submit(): Promise<boolean> {
    const v = this.form.values;
    return this.writer.write('sync.export', { outDir: v.outDir.trim(), passphrase: v.passphrase }, 'passphrase');
  }

  reset(): void {
    this.writer.reset();
  }
}

/** Headquarters: the acknowledgement for one site. */
export class SyncAckStore {
  readonly writer: BundleWriter<AckField>;
  /** The site being acknowledged (the form is open); null: closed. */
  siteId: string | null = null;

  constructor(sync: SyncStore) {
    this.writer = new BundleWriter(sync, new SyncForm(ACK_LABELS, { expiresInDays: '30' }));
    makeAutoObservable(this, { writer: false }, { autoBind: true });
  }

  get form(): SyncForm<AckField> {
    return this.writer.form;
  }

  get watch(): ProgressWatch {
    return this.writer.watch;
  }

  get written(): WrittenBundle | null {
    return this.writer.written;
  }

  open(siteId: string): void {
    if (this.siteId !== siteId) {
      // The same medium usually takes the acknowledgements of several sites: the folder stays.
      const folder = this.form.values.outDir;
      this.writer.reset();
      this.form.set('outDir', folder);
    }
    this.siteId = siteId;
  }

  close(): void {
    this.siteId = null;
    this.form.set('passphrase', '');
    this.form.clearMessages();
  }

  chooseFolder(): Promise<void> {
    return this.writer.chooseFolder('outDir');
  }

  submit(): Promise<boolean> {
    const siteId = this.siteId;
    if (siteId === null) return Promise.resolve(false);
    const v = this.form.values;
    const days = v.expiresInDays.trim();
    return this.writer.write(
      'sync.exportAck',
      {
        siteId,
        outDir: v.outDir.trim(),
        passphrase: v.passphrase,
        notes: v.notes.trim(),
        // A number when it is one; anything else goes to the schema as typed, to be refused there.
        ...(days === '' ? {} : { expiresInDays: /^\d+$/.test(days) ? Number(days) : days }),
      },
      'passphrase',
    );
  }

  reset(): void {
    this.siteId = null;
    this.writer.reset();
  }
}
