// The administrator's actions on one account: what each is called, what it asks for, and the
// input its contract method takes. Every action asks for a reason, recorded in the audit trail.
import type { Role } from '../../../electron/common/roles.js';
import type { User } from '../../../electron/common/site.js';
import type { LedgerErrorBody } from '../../../electron/common/result.js';
import { errorMessage } from '../format/errors.js';

export const ACCOUNT_ACTIONS = ['roles', 'disable', 'enable', 'unlock', 'reset'] as const;
export type AccountActionType = (typeof ACCOUNT_ACTIONS)[number];

export const ACCOUNT_ACTION_METHODS = {
  roles: 'users.setRoles',
  disable: 'users.disable',
  enable: 'users.enable',
  unlock: 'users.unlock',
  reset: 'users.resetPassword',
} as const satisfies Record<AccountActionType, string>;

/** The button's visible verb, and the words after it that only a screen reader hears. */
export const ACCOUNT_ACTION_LABELS: Record<AccountActionType, { verb: string; joiner: string; done: string }> = {
  roles: { verb: 'Change roles', joiner: 'of ', done: 'roles changed' },
  disable: { verb: 'Disable', joiner: '', done: 'disabled' },
  enable: { verb: 'Enable', joiner: '', done: 'enabled' },
  unlock: { verb: 'Unlock', joiner: '', done: 'unlocked' },
  reset: { verb: 'Reset password', joiner: 'of ', done: 'password reset; the user must choose a new one at next sign-in' },
};

/** "Unlock custodian", "Change roles of custodian": the name of the button and of its form. */
export function accountActionName(type: AccountActionType, username: string): string {
  const label = ACCOUNT_ACTION_LABELS[type];
  return `${label.verb} ${label.joiner}${username}`;
}

/** The actions that make sense for an account as it stands (the core decides in the end). */
export function availableAccountActions(user: User, ownUserId: string | undefined): AccountActionType[] {
  const actions: AccountActionType[] = ['roles'];
  if (user.disabled) actions.push('enable');
  else if (user.id !== ownUserId) actions.push('disable');
  if (user.locked) actions.push('unlock');
  actions.push('reset');
  return actions;
}

export interface AccountActionValues {
  reason: string;
  roles: Role[];
  temporaryPassword: string;
  confirmPassword: string;
}

export function accountActionInput(type: AccountActionType, userId: string, values: AccountActionValues): Record<string, unknown> {
  const base = { userId, reason: values.reason };
  switch (type) {
    case 'roles':
      return { ...base, roles: values.roles };
    case 'reset':
      return { ...base, temporaryPassword: values.temporaryPassword };
    case 'disable':
    case 'enable':
    case 'unlock':
      return base;
  }
}

/**
 * A refusal of an account change in one sentence. A CONFLICT here is a rule of accounts (the
 * last enabled administrator, your own account, already locked/unlocked), not an edit race.
 */
export function accountErrorMessage(error: LedgerErrorBody): string {
  if (error.code === 'CONFLICT') return `The change was refused: ${error.message}.`;
  return errorMessage(error);
}
