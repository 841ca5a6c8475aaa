// Creating an account: user name, full name, roles and an initial password (typed twice),
// checked with users.create's own schema before anything is sent.
import { makeAutoObservable, runInAction } from 'mobx';
import { contract } from '../../../electron/common/contract/index.js';
import type { Role } from '../../../electron/common/roles.js';
import { ROLES } from '../../../electron/common/roles.js';
import { fieldSentence, issuesToFields } from '../format/errors.js';
import { accountErrorMessage } from './accountActions.js';
import type { RootStore } from './RootStore.js';

export const NEW_ACCOUNT_LABELS = {
  username: 'User name',
  displayName: 'Full name',
  roles: 'Roles',
  password: 'Initial password',
  confirmPassword: 'Confirm initial password',
} as const;
export type NewAccountField = keyof typeof NEW_ACCOUNT_LABELS;
export const NEW_ACCOUNT_FIELDS = Object.keys(NEW_ACCOUNT_LABELS) as NewAccountField[];
const KNOWN = new Set<string>(NEW_ACCOUNT_FIELDS);

export const NEW_ACCOUNT_ROLES_PREFIX = 'new-account-roles';

/** The input an error links to; the roles group links to its first check box. */
export function newAccountFieldId(field: NewAccountField): string {
  return field === 'roles' ? `${NEW_ACCOUNT_ROLES_PREFIX}-${ROLES[0]}` : `new-account-${field}`;
}

interface Values {
  username: string;
  displayName: string;
  roles: Role[];
  password: string;
  confirmPassword: string;
}

const EMPTY: Values = { username: '', displayName: '', roles: [], password: '', confirmPassword: '' };

export class NewAccountStore {
  readonly root: RootStore;
  isOpen = false;
  values: Values = { ...EMPTY };
  errors = new Map<NewAccountField, string>();
  generalError: string | null = null;
  isSaving = false;
  refusedSaves = 0;

  constructor(root: RootStore) {
    this.root = root;
    makeAutoObservable(this, { root: false }, { autoBind: true });
  }

  open(): void {
    this.isOpen = true;
  }

  /** Closes the form and forgets what was typed (the passwords above all). */
  close(): void {
    this.reset();
  }

  setField(field: 'username' | 'displayName' | 'password' | 'confirmPassword', value: string): void {
    this.values[field] = value;
    this.errors.delete(field);
  }

  setRole(role: Role, on: boolean): void {
    const next = new Set(this.values.roles);
    if (on) next.add(role);
    else next.delete(role);
    this.values.roles = ROLES.filter((r) => next.has(r));
    this.errors.delete('roles');
  }

  get errorList(): { field: NewAccountField; message: string }[] {
    return NEW_ACCOUNT_FIELDS.filter((f) => this.errors.has(f)).map((field) => ({ field, message: this.errors.get(field) ?? '' }));
  }

  async submit(): Promise<boolean> {
    this.errors = new Map();
    this.generalError = null;
    const v = this.values;
    const input = { username: v.username.trim(), displayName: v.displayName, roles: v.roles, password: v.password };
    const parsed = contract['users.create'].input.safeParse(input);
    const problems = parsed.success ? new Map<string, string>() : issuesToFields(parsed.error.issues, KNOWN).fields;
    if (v.confirmPassword !== v.password) problems.set('confirmPassword', 'must be the same as the initial password');
    if (problems.size > 0) return this.refuse(problems, null);
    this.isSaving = true;
    const result = await this.root.api['users.create'](input);
    runInAction(() => {
      this.isSaving = false;
      if (result.ok) {
        this.root.accounts.replaceUser(result.value);
        this.root.ui.notify('success', `Account ${result.value.username} created.`);
        this.reset();
      } else {
        const { fields } = issuesToFields(result.error.issues ?? [], KNOWN);
        this.refuse(fields, fields.size > 0 ? null : accountErrorMessage(result.error));
      }
    });
    return result.ok;
  }

  reset(): void {
    this.isOpen = false;
    this.values = { ...EMPTY };
    this.errors = new Map();
    this.generalError = null;
  }

  private refuse(fields: ReadonlyMap<string, string>, general: string | null): false {
    this.errors = new Map([...fields].map(([field, message]) => [field as NewAccountField, fieldSentence(NEW_ACCOUNT_LABELS[field as NewAccountField], message)]));
    this.generalError = general;
    this.refusedSaves++;
    return false;
  }
}
