import type { Database } from 'better-sqlite3';
import type { SiteConfig } from '../../common/site.js';
import { DEFAULT_SETTINGS } from '../../common/site.js';
import type { SetupInput } from '../../common/contract/setup.js';
import { setupInputSchema } from '../../common/contract/setup.js';
import { LedgerError } from '../../common/result.js';
import { readSite } from '../../../db/queries/system.js';
import type { Clock } from '../clock.js';
import { HandlerContext } from '../context.js';
import { createUser } from '../services/users.js';
import { toFieldIssues } from '../zodIssues.js';

export const initSiteSchema = setupInputSchema;
export type InitSiteInput = SetupInput;

export interface InitOptions {
  appVersion: string;
  workstation: string;
  passwordIterations?: number;
}

/**
 * Set up a new installation: its identity, default policy and the first administrator, all as
 * journal entries (seq 1..3). The first administrator also holds the security officer role,
 * since at most sites the FSO administers the system; an administrator can split them later.
 */
export function initSite(db: Database, clock: Clock, input: InitSiteInput, options: InitOptions): SiteConfig {
  const parsed = initSiteSchema.safeParse(input);
  if (!parsed.success) {
    throw new LedgerError('INVALID_INPUT', 'invalid setup', { issues: toFieldIssues(parsed.error) });
  }
  if (readSite(db)) throw new LedgerError('CONFLICT', 'this database is already set up');
  const { admin, ...site } = parsed.data;
  const ctx = new HandlerContext(
    { db, clock, appVersion: options.appVersion, ...(options.passwordIterations ? { passwordIterations: options.passwordIterations } : {}) },
    site,
    { session: null, workstation: options.workstation },
  );
  db.transaction(() => {
    ctx.record('site', site.siteId, 'init', { record: site, appVersion: options.appVersion });
    ctx.record('settings', 'settings', 'init', { record: DEFAULT_SETTINGS });
    createUser(ctx, { ...admin, roles: ['administrator', 'security_officer'], temporary: false });
  }).immediate();
  return site;
}
