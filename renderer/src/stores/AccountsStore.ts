// Account administration (administrators only; the core checks the role on every call): the
// list of accounts and the one action being entered on one of them. Creating an account is
// NewAccountStore's.
import { makeAutoObservable, runInAction } from 'mobx';
import { contract } from '../../../electron/common/contract/index.js';
import type { Role } from '../../../electron/common/roles.js';
import { ROLES } from '../../../electron/common/roles.js';
import type { Result } from '../../../electron/common/result.js';
import type { User } from '../../../electron/common/site.js';
import { errorMessage, fieldSentence, issuesToFields } from '../format/errors.js';
import type { AccountActionType, AccountActionValues } from './accountActions.js';
import { ACCOUNT_ACTION_LABELS, ACCOUNT_ACTION_METHODS, accountActionInput, accountErrorMessage } from './accountActions.js';
import { NewAccountStore } from './NewAccountStore.js';
import type { RootStore } from './RootStore.js';

export const ACTION_FIELD_LABELS = {
  reason: 'Reason for the change',
  roles: 'Roles',
  temporaryPassword: 'Temporary password',
  confirmPassword: 'Confirm temporary password',
} as const;
type ActionField = keyof typeof ACTION_FIELD_LABELS;
const ACTION_FIELDS = new Set<string>(Object.keys(ACTION_FIELD_LABELS));

const NO_VALUES: AccountActionValues = { reason: '', roles: [], temporaryPassword: '', confirmPassword: '' };

export class AccountsStore {
  readonly root: RootStore;
  readonly create: NewAccountStore;
  users: User[] = [];
  loaded = false;
  isLoading = false;
  error: string | null = null;

  action: { type: AccountActionType; userId: string } | null = null;
  values: AccountActionValues = { ...NO_VALUES };
  actionErrors = new Map<ActionField, string>();
  actionError: string | null = null;
  isSaving = false;

  constructor(root: RootStore) {
    this.root = root;
    this.create = new NewAccountStore(root);
    makeAutoObservable(this, { root: false, create: false }, { autoBind: true });
  }

  get actionUser(): User | null {
    return this.users.find((u) => u.id === this.action?.userId) ?? null;
  }

  async load(): Promise<void> {
    this.isLoading = true;
    const result = await this.root.api['users.list']({});
    runInAction(() => {
      this.isLoading = false;
      this.loaded = true;
      if (result.ok) {
        this.users = sortUsers(result.value);
        this.error = null;
      } else {
        this.error = errorMessage(result.error);
      }
    });
  }

  startAction(type: AccountActionType, user: User): void {
    this.action = { type, userId: user.id };
    this.values = { ...NO_VALUES, roles: type === 'roles' ? [...user.roles] : [] };
    this.clearMessages();
  }

  cancelAction(): void {
    this.action = null;
    this.values = { ...NO_VALUES };
    this.clearMessages();
  }

  setValue(field: 'reason' | 'temporaryPassword' | 'confirmPassword', value: string): void {
    this.values[field] = value;
    this.actionErrors.delete(field);
  }

  setRole(role: Role, on: boolean): void {
    const next = new Set(this.values.roles);
    if (on) next.add(role);
    else next.delete(role);
    this.values.roles = ROLES.filter((r) => next.has(r));
    this.actionErrors.delete('roles');
  }

  /** Checks with the method's own schema, sends it, and shows the core's refusal next to the fields or above them. */
  async submitAction(): Promise<boolean> {
    const action = this.action;
    const user = this.actionUser;
    if (action === null || user === null) return false;
    this.clearMessages();
    const method = ACCOUNT_ACTION_METHODS[action.type];
    const input = accountActionInput(action.type, user.id, this.values);
    const parsed = contract[method].input.safeParse(input);
    const problems = parsed.success ? new Map<string, string>() : issuesToFields(parsed.error.issues, ACTION_FIELDS).fields;
    if (action.type === 'reset' && this.values.confirmPassword !== this.values.temporaryPassword) {
      problems.set('confirmPassword', 'must be the same as the temporary password');
    }
    if (problems.size > 0) {
      this.setFieldErrors(problems);
      return false;
    }
    this.isSaving = true;
    const call = this.root.api[method] as (input: unknown) => Promise<Result<User>>;
    const result = await call(input);
    runInAction(() => {
      this.isSaving = false;
      if (result.ok) {
        this.replaceUser(result.value);
        this.root.ui.notify('success', `Account ${result.value.username}: ${ACCOUNT_ACTION_LABELS[action.type].done}.`);
        this.cancelAction();
        return;
      }
      const { fields } = issuesToFields(result.error.issues ?? [], ACTION_FIELDS);
      if (fields.size > 0) this.setFieldErrors(fields);
      else this.actionError = accountErrorMessage(result.error);
    });
    // One's own roles changed: the menu follows at once.
    if (result.ok && result.value.id === this.root.session.session?.userId) await this.root.session.refresh();
    return result.ok;
  }

  replaceUser(user: User): void {
    const others = this.users.filter((u) => u.id !== user.id);
    this.users = sortUsers([...others, user]);
  }

  reset(): void {
    this.users = [];
    this.loaded = false;
    this.error = null;
    this.cancelAction();
    this.create.reset();
  }

  private setFieldErrors(fields: ReadonlyMap<string, string>): void {
    this.actionErrors = new Map([...fields].map(([field, message]) => [field as ActionField, fieldSentence(ACTION_FIELD_LABELS[field as ActionField], message)]));
    this.actionError = 'Some entries need correcting; see the marked fields.';
  }

  private clearMessages(): void {
    this.actionErrors = new Map();
    this.actionError = null;
  }
}

function sortUsers(users: readonly User[]): User[] {
  return [...users].sort((a, b) => a.username.localeCompare(b.username));
}
