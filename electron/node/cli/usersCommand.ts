import type { Result } from '../../common/result.js';
import type { User } from '../../common/site.js';
import type { CliIo, CliOptions, Dispatch } from './main.js';
import { asUser, printResult } from './main.js';
import { UsageError, parseCommandArgs } from './args.js';
import { USERS_HELP } from './help.js';
import { readPassword } from './password.js';

const ACTIONS = ['list', 'create', 'disable', 'enable', 'unlock', 'reset-password', 'set-roles'] as const;
type Action = (typeof ACTIONS)[number];

export async function usersCommand(argv: string[], io: CliIo, options: CliOptions): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    argv,
    { db: { type: 'string' }, user: { type: 'string' }, name: { type: 'string' }, roles: { type: 'string' }, reason: { type: 'string' } },
    2,
  );
  if (values.help || positionals.length === 0) {
    if (values.help) io.out(USERS_HELP);
    else io.err(USERS_HELP);
    return values.help ? 0 : 2;
  }
  const [actionName, username] = positionals;
  if (!(ACTIONS as readonly string[]).includes(actionName ?? '')) throw new UsageError(`unknown users action: ${actionName}`);
  const action = actionName as Action;
  if (action !== 'list' && !username) throw new UsageError(`users ${action} needs a USERNAME`);
  const reason = typeof values.reason === 'string' ? values.reason : undefined;
  const roles = typeof values.roles === 'string' ? values.roles.split(',').map((r) => r.trim()).filter(Boolean) : undefined;
  if (['disable', 'enable', 'unlock', 'reset-password', 'set-roles'].includes(action) && !reason) throw new UsageError(`users ${action} needs --reason`);
  if ((action === 'create' || action === 'set-roles') && !roles) throw new UsageError(`users ${action} needs --roles`);
  const newPassword = action === 'create' || action === 'reset-password' ? await readPassword(`New password for ${username}: `, 'ENCLAVE_LEDGER_NEW_PASSWORD') : undefined;

  const result = await asUser(values, options, async (dispatch) => {
    if (action === 'list') return dispatch('users.list', {});
    if (action === 'create') {
      return dispatch('users.create', { username, displayName: typeof values.name === 'string' ? values.name : username, roles, password: newPassword });
    }
    const found = await findUser(dispatch, username ?? '');
    if (!found.ok) return found;
    const userId = found.value.id;
    switch (action) {
      case 'disable':
        return dispatch('users.disable', { userId, reason });
      case 'enable':
        return dispatch('users.enable', { userId, reason });
      case 'unlock':
        return dispatch('users.unlock', { userId, reason });
      case 'reset-password':
        return dispatch('users.resetPassword', { userId, temporaryPassword: newPassword, reason });
      case 'set-roles':
        return dispatch('users.setRoles', { userId, roles, reason });
    }
  });
  return printResult(io, result);
}

async function findUser(dispatch: Dispatch, username: string): Promise<Result<User>> {
  const listed = await dispatch('users.list', {});
  if (!listed.ok) return listed;
  const user = (listed.value as User[]).find((u) => u.username === username);
  return user ? { ok: true, value: user } : { ok: false, error: { code: 'NOT_FOUND', message: `no user named ${username}` } };
}
