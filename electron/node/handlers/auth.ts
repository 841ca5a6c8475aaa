import type { authMethods } from '../../common/contract/auth.js';
import { listUsers } from '../../../db/queries/system.js';
import { changeOwnPassword, sessionStatus, signIn, signOut, unlockSession } from '../services/sessions.js';
import { createUser, disableUser, enableUser, resetPassword, setRoles, unlockUser } from '../services/users.js';
import type { HandlersFor } from './types.js';

export const authHandlers: HandlersFor<keyof typeof authMethods> = {
  'session.signIn': (ctx, { username, password }) => signIn(ctx, username, password),
  'session.signOut': (ctx) => {
    signOut(ctx);
    return { signedOut: true as const };
  },
  'session.current': (ctx) => ctx.requireSession(),
  'session.status': (ctx) => sessionStatus(ctx),
  // Dispatch has already counted this call as activity; report what is left.
  'session.touch': (ctx) => ({ idleSecondsLeft: sessionStatus(ctx).idleSecondsLeft ?? 0 }),
  'session.unlock': (ctx, { password }) => unlockSession(ctx, password),
  'session.changePassword': (ctx, { currentPassword, newPassword }) => changeOwnPassword(ctx, currentPassword, newPassword),
  'users.list': (ctx) => listUsers(ctx.db),
  'users.create': (ctx, input) => createUser(ctx, input),
  'users.setRoles': (ctx, { userId, roles, reason }) => setRoles(ctx, userId, roles, reason),
  'users.disable': (ctx, { userId, reason }) => disableUser(ctx, userId, reason),
  'users.enable': (ctx, { userId, reason }) => enableUser(ctx, userId, reason),
  'users.unlock': (ctx, { userId, reason }) => unlockUser(ctx, userId, reason),
  'users.resetPassword': (ctx, { userId, temporaryPassword, reason }) => resetPassword(ctx, userId, temporaryPassword, reason),
};
