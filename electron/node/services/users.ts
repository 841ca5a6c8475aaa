// Account administration. Every change is a journal entry carrying the account's new state
// (never its credentials) and, for role and status changes, the reason given.
import type { Role } from '../../common/roles.js';
import type { User } from '../../common/site.js';
import { LedgerError } from '../../common/result.js';
import { enabledAdministrators, findUserById, findUserByName, setPasswordHash } from '../../../db/queries/system.js';
import { hashPassword } from '../auth/password.js';
import type { HandlerContext } from '../context.js';

export interface NewUser {
  username: string;
  displayName: string;
  roles: Role[];
  password: string;
  /**
   * An initial password set by an administrator is temporary (STIG): the user chooses their own at
   * first sign-in. Only the first administrator, who chose theirs at setup, is exempt.
   */
  temporary?: boolean;
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
    locked: false,
    lockedAt: null,
    mustChangePassword: input.temporary ?? true,
    createdAt: ctx.nowIso(),
  };
  ctx.record('user', user.id, 'create', { record: user, securityRelevant: true }, (entry) => setPasswordHash(ctx.db, user.id, passwordHash, entry.at));
  return user;
}

function loadUser(ctx: HandlerContext, userId: string): User {
  const user = findUserById(ctx.db, userId);
  if (!user) throw new LedgerError('NOT_FOUND', `no user with id ${userId}`);
  return user;
}

/** The installation must always keep one enabled administrator, or nobody could manage accounts. */
function assertNotLastAdministrator(ctx: HandlerContext, user: User, what: string): void {
  const admins = enabledAdministrators(ctx.db);
  if (admins.length === 1 && admins[0] === user.id) {
    throw new LedgerError('CONFLICT', `cannot ${what}: ${user.username} is the last enabled administrator`);
  }
}

export function setRoles(ctx: HandlerContext, userId: string, roles: Role[], reason: string): User {
  const user = loadUser(ctx, userId);
  const next = [...new Set(roles)];
  if (user.roles.includes('administrator') && !next.includes('administrator')) assertNotLastAdministrator(ctx, user, 'remove the administrator role');
  const updated: User = { ...user, roles: next };
  ctx.record('user', user.id, 'set_roles', { record: updated, previousRoles: user.roles, reason, securityRelevant: true });
  if (ctx.conn.session?.userId === user.id) ctx.conn.session = { ...ctx.conn.session, roles: next };
  return updated;
}

export function disableUser(ctx: HandlerContext, userId: string, reason: string): User {
  const user = loadUser(ctx, userId);
  if (ctx.conn.session?.userId === user.id) throw new LedgerError('CONFLICT', 'you cannot disable your own account');
  if (user.disabled) throw new LedgerError('CONFLICT', `${user.username} is already disabled`);
  assertNotLastAdministrator(ctx, user, 'disable the account');
  return change(ctx, user, { disabled: true }, 'disable', reason);
}

export function enableUser(ctx: HandlerContext, userId: string, reason: string): User {
  const user = loadUser(ctx, userId);
  if (!user.disabled) throw new LedgerError('CONFLICT', `${user.username} is not disabled`);
  return change(ctx, user, { disabled: false }, 'enable', reason);
}

export function unlockUser(ctx: HandlerContext, userId: string, reason: string): User {
  const user = loadUser(ctx, userId);
  if (!user.locked) throw new LedgerError('CONFLICT', `${user.username} is not locked`);
  return change(ctx, user, { locked: false, lockedAt: null }, 'unlock', reason);
}

/** A temporary password the user must replace at next sign-in; also lifts a lockout. */
export function resetPassword(ctx: HandlerContext, userId: string, temporaryPassword: string, reason: string): User {
  const user = loadUser(ctx, userId);
  const hash = hashPassword(temporaryPassword, ctx.options.passwordIterations);
  const updated: User = { ...user, locked: false, lockedAt: null, mustChangePassword: true };
  ctx.record('user', user.id, 'reset_password', { record: updated, reason, securityRelevant: true }, (entry) => setPasswordHash(ctx.db, user.id, hash, entry.at));
  return updated;
}

function change(ctx: HandlerContext, user: User, patch: Partial<User>, action: string, reason: string): User {
  const updated: User = { ...user, ...patch };
  ctx.record('user', user.id, action, { record: updated, reason, securityRelevant: true });
  return updated;
}
