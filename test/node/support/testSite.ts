// Builds a real ledger: a SQLite file in a temp folder, initialised, with users of each role.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Db } from '../../../db/open.js';
import { openDb } from '../../../db/open.js';
import { ManualClock } from '../../../electron/node/clock.js';
import type { Connection, Core } from '../../../electron/node/core.js';
import { createCore } from '../../../electron/node/core.js';
import { initSite } from '../../../electron/node/site/initSite.js';
import type { Role } from '../../../electron/common/roles.js';
import type { MethodInput, MethodName, MethodOutput } from '../../../electron/common/contract/index.js';
import type { Result } from '../../../electron/common/result.js';
import type { UsLevel } from '../../../electron/common/classification/model.js';
import type { SiteRole } from '../../../electron/common/site.js';

/** Low PBKDF2 cost so tests stay fast; the production default is tested in password.test.ts. */
export const TEST_ITERATIONS = 1_000;
/** Low PBKDF2 cost for sealing signing keys in tests; production keeps sealedKey.ts's default. */
export const TEST_KEY_ITERATIONS = 1_000;
export const PASSWORD = 'Long enough test passw0rd!';
export const TEMPORARY_PASSWORD = 'Temporary test passw0rd!';
export const START = new Date('2026-03-02T09:00:00.000Z');

export interface TestSite {
  dir: string;
  path: string;
  db: Db;
  clock: ManualClock;
  core: Core;
  errors: unknown[];
  /** Sign in as `username` on a fresh connection. */
  connect(username: string): Promise<Connection>;
  call<M extends MethodName>(conn: Connection, method: M, input: MethodInput<M>): Promise<Result<MethodOutput<M>>>;
  /** Like call, but fails the test unless the Result is ok. */
  must<M extends MethodName>(conn: Connection, method: M, input: MethodInput<M>): Promise<MethodOutput<M>>;
  close(): void;
}

export const USERS: Record<string, Role[]> = {
  clerk: ['custodian'],
  officer: ['security_officer'],
  auditor: ['auditor'],
  analyst: ['hq_analyst'],
  sysadmin: ['administrator'],
};

export async function makeTestSite(options: { systemHigh?: UsLevel; siteId?: string; siteRole?: SiteRole } = {}): Promise<TestSite> {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-test-'));
  const path = join(dir, 'ledger.sqlite');
  const db = openDb(path);
  const clock = new ManualClock(START);
  initSite(
    db,
    clock,
    {
      siteId: options.siteId ?? 'SITE-A',
      siteName: 'Alpha Works',
      siteRole: options.siteRole ?? 'site',
      systemHigh: options.systemHigh ?? 'SECRET',
      admin: { username: 'admin', displayName: 'Ada Admin', password: PASSWORD },
    },
    { appVersion: 'test', workstation: 'test-ws', passwordIterations: TEST_ITERATIONS },
  );
  const errors: unknown[] = [];
  const core = createCore({ db, clock, appVersion: 'test', passwordIterations: TEST_ITERATIONS, keyIterations: TEST_KEY_ITERATIONS, logError: (_m, e) => errors.push(e) });

  const call = async <M extends MethodName>(conn: Connection, method: M, input: MethodInput<M>) =>
    (await core.dispatch(conn, method, input)) as Result<MethodOutput<M>>;
  const must = async <M extends MethodName>(conn: Connection, method: M, input: MethodInput<M>) => {
    const result = await call(conn, method, input);
    if (!result.ok) throw new Error(`${method} failed: ${JSON.stringify(result.error)}`);
    return result.value;
  };
  const connect = async (username: string) => {
    const conn: Connection = { session: null, workstation: 'test-ws' };
    await must(conn, 'session.signIn', { username, password: PASSWORD });
    return conn;
  };
  const admin = await connect('admin');
  for (const [username, roles] of Object.entries(USERS)) {
    // As in real use: the administrator sets a temporary password, the user chooses their own.
    await must(admin, 'users.create', { username, displayName: username, roles, password: TEMPORARY_PASSWORD });
    const first: Connection = { session: null, workstation: 'test-ws' };
    await must(first, 'session.signIn', { username, password: TEMPORARY_PASSWORD });
    await must(first, 'session.changePassword', { currentPassword: TEMPORARY_PASSWORD, newPassword: PASSWORD });
    await must(first, 'session.signOut', {});
  }
  return {
    dir,
    path,
    db,
    clock,
    core,
    errors,
    connect,
    call,
    must,
    close() {
      if (db.open) db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A dump of every table, to prove a refused operation changed nothing. */
export function dumpDb(db: Db): string {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%fts_%' ORDER BY name").all() as { name: string }[];
  return JSON.stringify(tables.map(({ name }) => [name, db.prepare(`SELECT * FROM "${name}" ORDER BY 1`).all()]));
}
