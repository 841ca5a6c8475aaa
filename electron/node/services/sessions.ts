// Sign-in, sign-out, idle lock and unlock (DISA ASD STIG): three failed sign-ins within 15
// minutes lock the account; a session idle for 15 minutes (10 for administrators) locks and asks
// for the password again without losing the window's unsaved work. Every event is audited.
import type { SessionStatus } from '../../common/contract/auth.js';
import { LedgerError } from '../../common/result.js';
import type { Session, User } from '../../common/site.js';
import { usernameSchema } from '../../common/site.js';
import { failedSignInsInWindow } from '../../../db/queries/audit.js';
import { findUserById, findUserByName, recentPasswordHashes, setPasswordHash } from '../../../db/queries/system.js';
import { hashPassword, verifyPassword } from '../auth/password.js';
import type { HandlerContext } from '../context.js';

const SIGN_IN_FAILED = 'wrong user name or password';
const LOCKED_MESSAGE = 'this account is locked after too many failed sign-ins: ask an administrator to unlock it';
const PASSWORD_HISTORY = 5;

/**
 * Check a password for an account, counting a failure towards the lockout. Returns the account
 * or throws UNAUTHENTICATED / ACCOUNT_LOCKED. Unknown user and wrong password read the same.
 */
function checkPassword(ctx: HandlerContext, username: string, password: string, attempt: 'sign_in' | 'unlock' | 'change_password'): User {
  const found = findUserByName(ctx.db, username);
  // The audit trail names the account tried, so an auditor can filter a user's failed sign-ins.
  const actor = usernameSchema.safeParse(username).success ? username : '(invalid user name)';
  if (!found) {
    ctx.recordAs(actor, 'session', `unknown:${username}`, 'sign_in_failed', { username, attempt, reason: 'unknown user', outcome: 'failure' });
    throw new LedgerError('UNAUTHENTICATED', SIGN_IN_FAILED);
  }
  let user = found.user;
  if (user.locked) user = autoUnlockIfDue(ctx, user);
  if (user.locked) {
    ctx.recordAs(actor, 'session', user.id, 'sign_in_refused', { username, attempt, reason: 'account locked', outcome: 'failure' });
    throw new LedgerError('ACCOUNT_LOCKED', LOCKED_MESSAGE);
  }
  const check = found.passwordHash ? verifyPassword(password, found.passwordHash, ctx.options.passwordIterations) : null;
  if (!check?.ok) {
    ctx.recordAs(actor, 'session', user.id, 'sign_in_failed', { username, attempt, reason: 'wrong password', outcome: 'failure' });
    if (lockIfTooManyFailures(ctx, user)) throw new LedgerError('ACCOUNT_LOCKED', `${SIGN_IN_FAILED}; ${LOCKED_MESSAGE}`);
    throw new LedgerError('UNAUTHENTICATED', SIGN_IN_FAILED);
  }
  if (user.disabled) {
    ctx.recordAs(actor, 'session', user.id, 'sign_in_refused', { username, attempt, reason: 'account disabled', outcome: 'failure' });
    throw new LedgerError('UNAUTHENTICATED', 'this account is disabled: ask an administrator');
  }
  if (check.needsRehash) {
    const rehash = hashPassword(password, ctx.options.passwordIterations);
    ctx.db.transaction(() => setPasswordHash(ctx.db, user.id, rehash, ctx.nowIso()))();
  }
  return user;
}

function lockIfTooManyFailures(ctx: HandlerContext, user: User): boolean {
  const settings = ctx.settings();
  const windowStart = new Date(ctx.now().getTime() - settings.failedSignInWindowMinutes * 60_000).toISOString();
  if (failedSignInsInWindow(ctx.db, ctx.site.siteId, user.id, windowStart) < settings.maxFailedSignIns) return false;
  const locked: User = { ...user, locked: true, lockedAt: ctx.nowIso() };
  ctx.recordAs(user.username, 'user', user.id, 'lock', { record: locked, reason: `${settings.maxFailedSignIns} failed sign-ins within ${settings.failedSignInWindowMinutes} minutes`, securityRelevant: true });
  return true;
}

function autoUnlockIfDue(ctx: HandlerContext, user: User): User {
  const minutes = ctx.settings().autoUnlockMinutes;
  if (minutes === 0 || user.lockedAt === null) return user;
  if (ctx.now().getTime() - Date.parse(user.lockedAt) < minutes * 60_000) return user;
  const unlocked: User = { ...user, locked: false, lockedAt: null };
  ctx.recordAs(user.username, 'user', user.id, 'auto_unlock', { record: unlocked, reason: `locked for ${minutes} minutes` });
  return unlocked;
}

export function signIn(ctx: HandlerContext, username: string, password: string): Session {
  const user = checkPassword(ctx, username, password, 'sign_in');
  // A sign-in on a window that still has a session (e.g. another user at a locked screen) ends it first.
  if (ctx.conn.session !== null) signOut(ctx, 'session_end');
  const session: Session = {
    id: ctx.newId(),
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    roles: user.roles,
    workstation: ctx.conn.workstation,
    startedAt: ctx.nowIso(),
    mustChangePassword: user.mustChangePassword,
  };
  ctx.conn.session = session;
  ctx.conn.locked = false;
  ctx.conn.lastActivityAt = ctx.now().getTime();
  ctx.record('session', user.id, 'sign_in', { sessionId: session.id, username: user.username, outcome: 'success' });
  return session;
}

export function signOut(ctx: HandlerContext, reason: 'sign_out' | 'session_end' = 'sign_out'): void {
  const session = ctx.requireSession();
  ctx.record('session', session.userId, reason, { sessionId: session.id, outcome: 'success' });
  ctx.conn.session = null;
  ctx.conn.locked = false;
}

export function idleLimitMs(ctx: HandlerContext, session: Session): number {
  const settings = ctx.settings();
  const minutes = session.roles.includes('administrator') ? settings.idleLockMinutesAdmin : settings.idleLockMinutes;
  return minutes * 60_000;
}

/** Lock the session if it has been idle too long; the lock is audited once. */
export function lockIfIdle(ctx: HandlerContext): void {
  const session = ctx.conn.session;
  if (session === null || ctx.conn.locked) return;
  const last = ctx.conn.lastActivityAt ?? ctx.now().getTime();
  if (ctx.now().getTime() - last <= idleLimitMs(ctx, session)) return;
  ctx.conn.locked = true;
  ctx.record('session', session.userId, 'idle_lock', { sessionId: session.id, idleMinutes: Math.floor((ctx.now().getTime() - last) / 60_000), outcome: 'success' });
}

export function sessionStatus(ctx: HandlerContext): SessionStatus {
  lockIfIdle(ctx);
  const session = ctx.conn.session;
  if (session === null) return { signedIn: false, locked: false, mustChangePassword: false, idleSecondsLeft: null, session: null, today: ctx.today() };
  const last = ctx.conn.lastActivityAt ?? ctx.now().getTime();
  const left = Math.max(0, Math.floor((idleLimitMs(ctx, session) - (ctx.now().getTime() - last)) / 1000));
  return {
    signedIn: true,
    locked: ctx.conn.locked === true,
    mustChangePassword: session.mustChangePassword,
    idleSecondsLeft: ctx.conn.locked ? 0 : left,
    session,
    today: ctx.today(),
  };
}

/** Unlock an idle-locked session: the same user's password, failures counted towards the lockout. */
export function unlockSession(ctx: HandlerContext, password: string): Session {
  const session = ctx.conn.session;
  if (session === null) throw new LedgerError('UNAUTHENTICATED', 'no session to unlock: sign in');
  if (!ctx.conn.locked) return session;
  try {
    checkPassword(ctx, session.username, password, 'unlock');
  } catch (error) {
    if (error instanceof LedgerError && error.code === 'ACCOUNT_LOCKED') signOut(ctx, 'session_end');
    throw error;
  }
  ctx.conn.locked = false;
  ctx.conn.lastActivityAt = ctx.now().getTime();
  ctx.record('session', session.userId, 'session_unlock', { sessionId: session.id, outcome: 'success' });
  return session;
}

export function changeOwnPassword(ctx: HandlerContext, currentPassword: string, newPassword: string): Session {
  const session = ctx.requireSession();
  const user = checkPassword(ctx, session.username, currentPassword, 'change_password');
  const reused = recentPasswordHashes(ctx.db, user.id, PASSWORD_HISTORY).some((hash) => verifyPassword(newPassword, hash, 1).ok);
  if (reused) {
    throw new LedgerError('INVALID_INPUT', `the new password must differ from your last ${PASSWORD_HISTORY}`, {
      issues: [{ path: ['newPassword'], message: `must differ from your last ${PASSWORD_HISTORY} passwords` }],
    });
  }
  const hash = hashPassword(newPassword, ctx.options.passwordIterations);
  const current = findUserById(ctx.db, user.id) ?? user;
  const updated: User = { ...current, mustChangePassword: false };
  ctx.record('user', user.id, 'password_change', { record: updated, outcome: 'success' }, (entry) => setPasswordHash(ctx.db, user.id, hash, entry.at));
  ctx.conn.session = { ...session, mustChangePassword: false };
  return ctx.conn.session;
}
