import { z } from 'zod';
import { requiredText } from '../primitives.js';
import { ROLES } from '../roles.js';
import { passwordSchema, sessionSchema, userSchema, usernameSchema } from '../site.js';
import { method } from './define.js';

const noInput = z.strictObject({});
const userRef = z.strictObject({ userId: z.string().min(1).max(64), reason: requiredText(500) });

export const sessionStatusSchema = z.strictObject({
  signedIn: z.boolean(),
  locked: z.boolean(),
  mustChangePassword: z.boolean(),
  /** Seconds until the idle lock, for the renderer's own countdown. */
  idleSecondsLeft: z.number().int().nullable(),
  session: sessionSchema.nullable(),
  /** The core's date (UTC), so a window left open overnight defaults its forms to today. */
  today: z.string(),
});
export type SessionStatus = z.infer<typeof sessionStatusSchema>;

export const authMethods = {
  'session.signIn': method({
    summary: 'Sign in with user name and password; the session belongs to this window or process',
    input: z.strictObject({ username: z.string().min(1, 'is required').max(64), password: z.string().min(1, 'is required').max(1024) }),
    output: sessionSchema,
    access: 'anyone',
  }),
  'session.signOut': method({
    summary: 'End the session',
    input: noInput,
    output: z.strictObject({ signedOut: z.literal(true) }),
    access: 'signed-in',
  }),
  'session.current': method({
    summary: 'The signed-in user and session',
    input: noInput,
    output: sessionSchema,
    access: 'signed-in',
  }),
  'session.status': method({
    summary: 'Whether this window is signed in, locked, and how long until the idle lock (does not count as activity)',
    input: noInput,
    output: sessionStatusSchema,
    access: 'anyone',
  }),
  'session.touch': method({
    summary: 'Report user activity (typing in a form) so the idle lock does not fall while someone works',
    input: noInput,
    output: z.strictObject({ idleSecondsLeft: z.number().int() }),
    access: 'signed-in',
  }),
  'session.unlock': method({
    summary: 'Unlock a session locked after idle time, with the same user\'s password',
    input: z.strictObject({ password: z.string().min(1, 'is required').max(1024) }),
    output: sessionSchema,
    access: 'anyone',
  }),
  'session.changePassword': method({
    summary: 'Change your own password (at least 15 characters, upper, lower, digit, special; not one of your last 5)',
    input: z.strictObject({ currentPassword: z.string().min(1, 'is required').max(1024), newPassword: passwordSchema }),
    output: sessionSchema,
    access: 'signed-in',
  }),
  'users.list': method({
    summary: 'List user accounts',
    input: noInput,
    output: z.array(userSchema),
    access: ['administrator'],
  }),
  'users.create': method({
    summary: 'Create a user account with one or more roles and an initial password the user must change at first sign-in',
    input: z.strictObject({
      username: usernameSchema,
      displayName: requiredText(200),
      roles: z.array(z.enum(ROLES)).min(1, 'give the account at least one role').max(ROLES.length),
      password: passwordSchema,
    }),
    output: userSchema,
    access: ['administrator'],
  }),
  'users.setRoles': method({
    summary: 'Change the roles of an account (the last administrator keeps the administrator role)',
    input: userRef.extend({ roles: z.array(z.enum(ROLES)).min(1, 'give the account at least one role').max(ROLES.length) }),
    output: userSchema,
    access: ['administrator'],
  }),
  'users.disable': method({
    summary: 'Disable an account (never the last enabled administrator, never your own)',
    input: userRef,
    output: userSchema,
    access: ['administrator'],
  }),
  'users.enable': method({
    summary: 'Re-enable a disabled account',
    input: userRef,
    output: userSchema,
    access: ['administrator'],
  }),
  'users.unlock': method({
    summary: 'Unlock an account locked by failed sign-ins',
    input: userRef,
    output: userSchema,
    access: ['administrator'],
  }),
  'users.resetPassword': method({
    summary: 'Set a temporary password; the user must change it at next sign-in',
    input: userRef.extend({ temporaryPassword: passwordSchema }),
    output: userSchema,
    access: ['administrator'],
  }),
} as const;
