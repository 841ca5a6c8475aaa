// A ledger database for tests, built by code: a temporary SQLite file with a site (SITE-A at
// system-high SECRET) and three accounts (administrator, custodian, auditor), made the way an
// installation makes them: initSite, then users.create through dispatch as the administrator.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Role } from '../../electron/common/roles.js';
import type { Result } from '../../electron/common/result.js';
import type { SiteConfig } from '../../electron/common/site.js';
import { openDb } from '../../db/open.js';
import { ManualClock } from '../../electron/node/clock.js';
import type { Connection, Core } from '../../electron/node/core.js';
import { createCore } from '../../electron/node/core.js';
import { initSite } from '../../electron/node/site/initSite.js';
import { DEFAULT_START, TEST_PASSWORD_ITERATIONS } from './defaults.js';

const SEED_APP_VERSION = '0.0.0-seed';

export const SEED_SITE: SiteConfig = { siteId: 'SITE-A', siteName: 'Site Alpha', siteRole: 'site', systemHigh: 'SECRET' };

export interface SeedUser {
  username: string;
  displayName: string;
  roles: Role[];
  password: string;
}

/** Passwords meet the contract's rule (15+ characters, upper, lower, digit, special) and name no user. */
export const SEED_USERS = {
  // initSite makes the first administrator the security officer too.
  admin: { username: 'admin', displayName: 'Ada Admin', roles: ['administrator', 'security_officer'], password: 'Seed-Passphrase-Alpha-01' },
  custodian: { username: 'custodian', displayName: 'Carl Custodian', roles: ['custodian'], password: 'Seed-Passphrase-Bravo-02' },
  auditor: { username: 'auditor', displayName: 'Audrey Auditor', roles: ['auditor'], password: 'Seed-Passphrase-Charlie-03' },
} as const satisfies Record<string, SeedUser>;

export interface SeedOptions {
  /** Folder for the database file; default: a new temporary folder (removed by cleanup). */
  dir?: string;
  /** The clock the seed writes with; default: a ManualClock at DEFAULT_START. Pass the same one to startHarness. */
  clock?: ManualClock;
  site?: SiteConfig;
  /** Default: ledger.sqlite. */
  fileName?: string;
}

export interface SeededDb {
  dir: string;
  dbPath: string;
  clock: ManualClock;
  site: SiteConfig;
  users: typeof SEED_USERS;
  /** Deletes the folder if seedDatabase made it. Close any harness on it first. */
  cleanup(): Promise<void>;
}

export async function seedDatabase(options: SeedOptions = {}): Promise<SeededDb> {
  const dir = options.dir ?? (await mkdtemp(path.join(os.tmpdir(), 'ledger-seed-')));
  const dbPath = path.join(dir, options.fileName ?? 'ledger.sqlite');
  const clock = options.clock ?? new ManualClock(DEFAULT_START);
  const site = options.site ?? SEED_SITE;
  const { admin, custodian, auditor } = SEED_USERS;

  const db = openDb(dbPath);
  const core = createCore({ db, clock, appVersion: SEED_APP_VERSION, passwordIterations: TEST_PASSWORD_ITERATIONS });
  try {
    initSite(
      db,
      clock,
      { ...site, admin: { username: admin.username, displayName: admin.displayName, password: admin.password } },
      { appVersion: SEED_APP_VERSION, workstation: 'seed', passwordIterations: TEST_PASSWORD_ITERATIONS },
    );
    const conn: Connection = { session: null, workstation: 'seed' };
    await signInReady(core, conn, admin.username, admin.password);
    for (const user of [custodian, auditor]) {
      // An account made by an administrator starts with a temporary password the user must change.
      const temporary = `Temporary-${user.password}`;
      expectOk(await core.dispatch(conn, 'users.create', { ...user, roles: [...user.roles], password: temporary }), `create ${user.username}`);
      const own: Connection = { session: null, workstation: 'seed' };
      await signInReady(core, own, user.username, temporary, user.password);
      expectOk(await core.dispatch(own, 'session.signOut', {}), `sign out ${user.username}`);
    }
    expectOk(await core.dispatch(conn, 'session.signOut', {}), 'sign out');
  } finally {
    core.close();
  }

  return {
    dir,
    dbPath,
    clock,
    site,
    users: SEED_USERS,
    async cleanup() {
      if (options.dir === undefined) await rm(dir, { recursive: true, force: true });
    },
  };
}

/** A Connection signed in as one of the seed users, for tests that call the core directly. */
export async function signedIn(core: Pick<Core, 'dispatch'>, user: SeedUser, workstation = 'test'): Promise<Connection> {
  const conn: Connection = { session: null, workstation };
  await signInReady(core, conn, user.username, user.password);
  return conn;
}

/** Signs in; if the account must change its password first, changes it to `finalPassword`. */
async function signInReady(core: Pick<Core, 'dispatch'>, conn: Connection, username: string, password: string, finalPassword = password): Promise<void> {
  const session = await core.dispatch(conn, 'session.signIn', { username, password });
  expectOk(session, `sign in as ${username}`);
  const mustChange = session.ok && typeof session.value === 'object' && session.value !== null && 'mustChangePassword' in session.value && session.value.mustChangePassword === true;
  if (mustChange || finalPassword !== password) {
    expectOk(await core.dispatch(conn, 'session.changePassword', { currentPassword: password, newPassword: finalPassword }), `change the password of ${username}`);
  }
}

function expectOk(result: Result<unknown>, what: string): void {
  if (!result.ok) throw new Error(`seed: ${what} failed: ${result.error.code} ${result.error.message}`);
}
