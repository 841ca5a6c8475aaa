import { z } from 'zod';
import { verifyReportSchema } from '../journal.js';
import { requiredText } from '../primitives.js';
import { settingsSchema, siteConfigSchema } from '../site.js';
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
  'settings.get': method({
    summary: 'Suspense periods and other local policy',
    input: z.strictObject({}),
    output: settingsSchema,
    access: 'signed-in',
  }),
  'settings.update': method({
    summary: 'Change local policy (suspense periods, idle lock, lockout), giving a reason; only the fields given change',
    input: z.strictObject({ changes: settingsSchema.partial(), reason: requiredText(500) }),
    output: settingsSchema,
    access: ['administrator', 'security_officer'],
  }),
  'journal.verify': method({
    summary: 'Walk every hash chain in the journal and report the first broken link',
    input: z.strictObject({}),
    output: verifyReportSchema,
    access: ['administrator', 'security_officer', 'auditor'],
  }),
} as const;
