// First-run setup: the site's identity, its role, the system-high level and the first
// administrator, checked with the core's own setupInputSchema before anything is sent.
import { makeAutoObservable, runInAction } from 'mobx';
import type { SetupInput } from '../../../electron/common/contract/setup.js';
import { setupInputSchema } from '../../../electron/common/contract/setup.js';
import { errorMessage, fieldSentence, issuesToFields } from '../format/errors.js';
import type { RootStore } from './RootStore.js';

export const SETUP_LABELS = {
  siteId: 'Site identifier',
  siteName: 'Site name',
  siteRole: 'Installation role',
  systemHigh: 'System-high level',
  'admin.username': 'Administrator user name',
  'admin.displayName': 'Administrator full name',
  'admin.password': 'Administrator password',
  confirmPassword: 'Confirm administrator password',
} as const;

export type SetupField = keyof typeof SETUP_LABELS;
export const SETUP_FIELDS = Object.keys(SETUP_LABELS) as SetupField[];
const KNOWN = new Set<string>(SETUP_FIELDS);

export function setupFieldId(field: SetupField): string {
  return `setup-${field.replace('.', '-')}`;
}

const EMPTY: Record<SetupField, string> = {
  siteId: '',
  siteName: '',
  siteRole: 'site',
  systemHigh: '',
  'admin.username': '',
  'admin.displayName': '',
  'admin.password': '',
  confirmPassword: '',
};

export class SetupStore {
  readonly root: RootStore;
  values: Record<SetupField, string> = { ...EMPTY };
  /** Field -> sentence shown next to it (and in the summary). */
  errors = new Map<SetupField, string>();
  generalError: string | null = null;
  isSubmitting = false;
  /** Bumped by every refused submit, so the error summary takes focus again. */
  refusedSaves = 0;

  constructor(root: RootStore) {
    this.root = root;
    makeAutoObservable(this, { root: false }, { autoBind: true });
  }

  setField(field: SetupField, value: string): void {
    this.values[field] = value;
    this.errors.delete(field);
  }

  /** The input as setup.initialise takes it (the site identifier is upper case by rule). */
  get input(): SetupInput {
    const v = this.values;
    return {
      siteId: v.siteId.trim().toUpperCase(),
      siteName: v.siteName,
      siteRole: v.siteRole as SetupInput['siteRole'],
      systemHigh: v.systemHigh as SetupInput['systemHigh'],
      admin: { username: v['admin.username'].trim(), displayName: v['admin.displayName'], password: v['admin.password'] },
    };
  }

  async submit(): Promise<boolean> {
    this.errors = new Map();
    this.generalError = null;
    const parsed = setupInputSchema.safeParse(this.input);
    const problems = parsed.success ? new Map<string, string>() : issuesToFields(parsed.error.issues, KNOWN).fields;
    if (this.values.confirmPassword !== this.values['admin.password']) problems.set('confirmPassword', 'must be the same as the password');
    if (problems.size > 0) return this.refuse(problems, []);
    this.isSubmitting = true;
    const result = await this.root.api['setup.initialise'](this.input);
    if (!result.ok) {
      runInAction(() => {
        this.isSubmitting = false;
        const { fields, other } = issuesToFields(result.error.issues ?? [], KNOWN);
        this.refuse(fields, fields.size === 0 ? [errorMessage(result.error)] : other);
      });
      return false;
    }
    const username = this.input.admin.username;
    runInAction(() => {
      this.isSubmitting = false;
      this.values = { ...EMPTY };
    });
    await this.root.session.setupCompleted(username);
    return true;
  }

  /** In form order, for the error summary. */
  get errorList(): { field: SetupField; message: string }[] {
    return SETUP_FIELDS.filter((f) => this.errors.has(f)).map((field) => ({ field, message: this.errors.get(field) ?? '' }));
  }

  private refuse(fields: ReadonlyMap<string, string>, other: readonly string[]): false {
    this.errors = new Map([...fields].map(([field, message]) => [field as SetupField, fieldSentence(SETUP_LABELS[field as SetupField], message)]));
    this.generalError = other.length > 0 ? other.join('; ') : null;
    this.refusedSaves++;
    return false;
  }
}
