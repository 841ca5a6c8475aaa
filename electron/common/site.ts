// Identity and policy of this installation, fixed at `init` (site id) or set by administrators.
import { z } from 'zod';
import { US_LEVELS } from './classification/model.js';
import { requiredText, siteIdSchema } from './primitives.js';
import { ROLES } from './roles.js';

export const SITE_ROLES = ['site', 'hq'] as const;
export type SiteRole = (typeof SITE_ROLES)[number];

export const siteConfigSchema = z.strictObject({
  siteId: siteIdSchema,
  siteName: requiredText(200),
  siteRole: z.enum(SITE_ROLES),
  /** No record may be marked above the level the workstation is accredited for. */
  systemHigh: z.enum(US_LEVELS),
});
export type SiteConfig = z.infer<typeof siteConfigSchema>;

export const settingsSchema = z.strictObject({
  /** 32 CFR 117.19(d): follow up if a signed receipt for an international transfer is not back in 45 days. */
  suspenseDaysInternational: z.number().int().min(1).max(45, 'may not exceed the 45 days of 32 CFR 117.19(d)'),
  /** Domestic suspense is set locally; 30 days is common. */
  suspenseDaysDomestic: z.number().int().min(1).max(365),
  /** How many days before a suspense date a receipt shows as due soon. */
  dueSoonDays: z.number().int().min(0).max(60),
});
export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = { suspenseDaysInternational: 45, suspenseDaysDomestic: 30, dueSoonDays: 7 };

export const usernameSchema = z
  .string()
  .regex(/^[a-z][a-z0-9._-]{1,31}$/, 'must be 2-32 characters: lower-case letters, digits, dot, dash or underscore, starting with a letter');

export const userSchema = z.strictObject({
  id: z.string(),
  username: usernameSchema,
  displayName: requiredText(200),
  roles: z.array(z.enum(ROLES)).min(1),
  disabled: z.boolean(),
  createdAt: z.string(),
});
export type User = z.infer<typeof userSchema>;

/** What the core knows of who is calling; a sign-in (or the CLI's --user) creates it. */
export const sessionSchema = z.strictObject({
  id: z.string(),
  userId: z.string(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(z.enum(ROLES)),
  /** Where the user sits: the workstation's host name, recorded in the audit trail. */
  workstation: z.string(),
  startedAt: z.string(),
});
export type Session = z.infer<typeof sessionSchema>;

/** DISA Application Security STIG: at least 15 characters. */
export const passwordSchema = z
  .string()
  .min(15, 'must be at least 15 characters')
  .max(1024, 'must be at most 1024 characters');
