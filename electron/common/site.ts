// Identity and policy of this installation, fixed at `init` (site id) or set by administrators.
import { z } from 'zod';
import { US_LEVELS } from './classification/model.js';
import { requiredText, siteIdSchema } from './primitives.js';
import { DEFAULT_INCIDENT_STEP_DAYS, incidentStepDaysSchema } from './incidents/steps.js';
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
  /** DISA ASD STIG: lock a session after 15 minutes idle; a site may be stricter, never looser. */
  idleLockMinutes: z.number().int().min(1).max(15, 'may not exceed the 15 minutes of the STIG'),
  /** Administrators lock after 10 minutes idle. */
  idleLockMinutesAdmin: z.number().int().min(1).max(10, 'may not exceed the 10 minutes of the STIG for administrators'),
  /** Failed sign-ins within the window that lock the account (STIG: 3 within 15 minutes). */
  maxFailedSignIns: z.number().int().min(1).max(3, 'may not exceed the 3 attempts of the STIG'),
  failedSignInWindowMinutes: z.number().int().min(15, 'must be at least the 15 minutes of the STIG').max(1440),
  /** Minutes after which a locked account unlocks by itself; 0: only an administrator unlocks it. */
  autoUnlockMinutes: z.number().int().min(0).max(10_080),
  /** Days allowed for each incident step; incidents/steps.ts says which come from 117.8(d) and which are practice. */
  incidentStepDays: incidentStepDaysSchema,
});
export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  suspenseDaysInternational: 45,
  suspenseDaysDomestic: 30,
  dueSoonDays: 7,
  idleLockMinutes: 15,
  idleLockMinutesAdmin: 10,
  maxFailedSignIns: 3,
  failedSignInWindowMinutes: 15,
  autoUnlockMinutes: 0,
  incidentStepDays: DEFAULT_INCIDENT_STEP_DAYS,
};

export const usernameSchema = z
  .string()
  .regex(/^[a-z][a-z0-9._-]{1,31}$/, 'must be 2-32 characters: lower-case letters, digits, dot, dash or underscore, starting with a letter');

export const userSchema = z.strictObject({
  id: z.string(),
  username: usernameSchema,
  displayName: requiredText(200),
  roles: z.array(z.enum(ROLES)).min(1),
  disabled: z.boolean(),
  /** Locked by failed sign-ins; an administrator unlocks it (or the auto-unlock period passes). */
  locked: z.boolean(),
  lockedAt: z.string().nullable(),
  /** Set by an administrator's reset: the user must choose a new password at next sign-in. */
  mustChangePassword: z.boolean(),
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
  /** The password was reset by an administrator: only session.changePassword is allowed. */
  mustChangePassword: z.boolean().default(false),
});
export type Session = z.infer<typeof sessionSchema>;

/**
 * DISA Application Security and Development STIG: at least 15 characters with at least one
 * upper-case letter, one lower-case letter, one digit and one special character.
 */
export const passwordSchema = z
  .string()
  .min(15, 'must be at least 15 characters')
  .max(1024, 'must be at most 1024 characters')
  .refine((p) => /\p{Lu}/u.test(p), 'must contain an upper-case letter')
  .refine((p) => /\p{Ll}/u.test(p), 'must contain a lower-case letter')
  .refine((p) => /\p{Nd}/u.test(p), 'must contain a digit')
  .refine((p) => /[^\p{L}\p{Nd}]/u.test(p), 'must contain a special character (not a letter or digit)');
