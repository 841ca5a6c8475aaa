import type { Role } from '../../common/roles.js';
import type { User } from '../../common/site.js';
import { LedgerError } from '../../common/result.js';
import { findUserByName, setPasswordHash } from '../../../db/queries/system.js';
import { hashPassword } from '../auth/password.js';
import type { HandlerContext } from '../context.js';

export interface NewUser {
  username: string;
  displayName: string;
  roles: Role[];
  password: string;
}

export function createUser(ctx: HandlerContext, input: NewUser): User {
  if (findUserByName(ctx.db, input.username)) {
    throw new LedgerError('CONFLICT', `user name ${input.username} is taken`, { issues: [{ path: ['username'], message: 'is taken' }] });
  }
  // Hash before the transaction: half a second of PBKDF2 must not hold the write lock.
  const passwordHash = hashPassword(input.password, ctx.options.passwordIterations);
  const user: User = {
    id: ctx.newId(),
    username: input.username,
    displayName: input.displayName,
    roles: [...new Set(input.roles)],
    disabled: false,
    createdAt: ctx.nowIso(),
  };
  ctx.record('user', user.id, 'create', { record: user }, (entry) => setPasswordHash(ctx.db, user.id, passwordHash, entry.at));
  return user;
}
