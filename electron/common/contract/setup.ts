import { z } from 'zod';
import { requiredText } from '../primitives.js';
import { passwordSchema, siteConfigSchema, usernameSchema } from '../site.js';
import { method } from './define.js';

export const setupInputSchema = siteConfigSchema.extend({
  admin: z.strictObject({ username: usernameSchema, displayName: requiredText(200), password: passwordSchema }),
});
export type SetupInput = z.input<typeof setupInputSchema>;

export const setupMethods = {
  'setup.initialise': method({
    summary: 'First-run setup: site identity, role (site or headquarters), system-high level, first administrator',
    input: setupInputSchema,
    output: siteConfigSchema,
    access: 'anyone',
    beforeSetup: true,
  }),
} as const;
