import type { Session } from '../../common/site.js';
import { LedgerError } from '../../common/result.js';
import { findUserByName, setPasswordHash } from '../../../db/queries/system.js';
import { hashPassword, verifyPassword } from '../auth/password.js';
import type { HandlerContext } from '../context.js';

const SIGN_IN_FAILED = 'wrong user name or password';

/**
 * Sign in on this connection. Every attempt is audited; unknown user and wrong password give the
 * same answer so the sign-in screen does not reveal which accounts exist.
 */
export function signIn(ctx: HandlerContext, username: string, password: string): Session {
  const found = findUserByName(ctx.db, username);
  const check = found?.passwordHash ? verifyPassword(password, found.passwordHash, ctx.options.passwordIterations) : null;
  if (!found || !check?.ok || found.user.disabled) {
    const reason = !found ? 'unknown user' : found.user.disabled ? 'account disabled' : 'wrong password';
    ctx.record('session', found?.user.id ?? `unknown:${username}`, 'sign_in_failed', { username, reason, outcome: 'failure' });
    throw new LedgerError('UNAUTHENTICATED', found?.user.disabled && check?.ok ? 'this account is disabled: ask an administrator' : SIGN_IN_FAILED);
  }
  const { user } = found;
  const session: Session = {
    id: ctx.newId(),
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    roles: user.roles,
    workstation: ctx.conn.workstation,
    startedAt: ctx.nowIso(),
  };
  const rehash = check.needsRehash ? hashPassword(password, ctx.options.passwordIterations) : null;
  ctx.conn.session = session;
  ctx.record('session', session.id, 'sign_in', { userId: user.id, username: user.username, outcome: 'success' }, (entry) => {
    if (rehash) setPasswordHash(ctx.db, user.id, rehash, entry.at);
  });
  return session;
}

export function signOut(ctx: HandlerContext): void {
  const session = ctx.requireSession();
  ctx.record('session', session.id, 'sign_out', { userId: session.userId, outcome: 'success' });
  ctx.conn.session = null;
}
