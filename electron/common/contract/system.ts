import { z } from 'zod';
import { verifyReportSchema } from '../journal.js';
import { requiredText } from '../primitives.js';
import { ROLES } from '../roles.js';
import { passwordSchema, sessionSchema, settingsSchema, siteConfigSchema, userSchema, usernameSchema } from '../site.js';
import { method } from './define.js';

export const systemMethods = {
  'system.info': method({
    summary: 'Site identity, system-high level and the current date (needed before sign-in for the banner)',
    input: z.strictObject({}),
    output: siteConfigSchema.extend({
      appVersion: z.string(),
      schemaVersion: z.number().int(),
      now: z.string(),
      today: z.string(),
    }),
    access: 'anyone',
  }),
  'session.signIn': method({
    summary: 'Sign in with user name and password; the session belongs to this window or process',
    input: z.strictObject({ username: z.string().min(1, 'is required').max(64), password: z.string().min(1, 'is required').max(1024) }),
    output: sessionSchema,
    access: 'anyone',
  }),
  'session.signOut': method({
    summary: 'End the session',
    input: z.strictObject({}),
    output: z.strictObject({ signedOut: z.literal(true) }),
    access: 'signed-in',
  }),
  'session.current': method({
    summary: 'The signed-in user and session',
    input: z.strictObject({}),
    output: sessionSchema,
    access: 'signed-in',
  }),
  'settings.get': method({
    summary: 'Suspense periods and other local policy',
    input: z.strictObject({}),
    output: settingsSchema,
    access: 'signed-in',
  }),
  'settings.update': method({
    summary: 'Change local policy (suspense periods), giving a reason',
    input: z.strictObject({ settings: settingsSchema, reason: requiredText(500) }),
    output: settingsSchema,
    access: ['administrator', 'security_officer'],
  }),
  'journal.verify': method({
    summary: 'Walk every hash chain in the journal and report the first broken link',
    input: z.strictObject({}),
    output: verifyReportSchema,
    access: ['administrator', 'security_officer', 'auditor'],
  }),
  'users.list': method({
    summary: 'List user accounts',
    input: z.strictObject({}),
    output: z.array(userSchema),
    access: ['administrator'],
  }),
  'users.create': method({
    summary: 'Create a user account with one or more roles',
    input: z.strictObject({
      username: usernameSchema,
      displayName: requiredText(200),
      roles: z.array(z.enum(ROLES)).min(1, 'give the account at least one role').max(ROLES.length),
      /** Initial password; the user changes it at first sign-in (issue 3). */
      password: passwordSchema,
    }),
    output: userSchema,
    access: ['administrator'],
  }),
} as const;
