// A site and headquarters on real SQLite files (the app's openDb: WAL, synchronous=FULL), set up
// as an operator would: init, the site's signing identity, headquarters enrolling its certificate.
import { join } from 'node:path';
import type { Db } from '../db/open.js';
import { openDb } from '../db/open.js';
import { readIdentity } from '../db/queries/sync.js';
import { readSite } from '../db/queries/system.js';
import type { SiteConfig } from '../electron/common/site.js';
import { APP_VERSION } from '../electron/common/version.js';
import type { Result } from '../electron/common/result.js';
import { type Clock, systemClock } from '../electron/node/clock.js';
import { type Connection, type Core, createCore } from '../electron/node/core.js';
import { initSite } from '../electron/node/site/initSite.js';
import type { Signer } from '../electron/node/sync/keys.js';
import { pemToCertificateDer } from '../electron/node/sync/keys.js';
import { unsealPrivateKey } from '../electron/node/sync/sealedKey.js';
import { createSoftwareSigner } from '../electron/node/sync/softwareSigner.js';

export const PASSWORD = 'Bench passw0rd, long enough!';
const PASSPHRASE = 'Bench signing key passphrase 1!';
/** Low PBKDF2 costs: the bench measures sync, not password hashing. */
export const ITERATIONS = 1000;

export interface Installation {
  path: string;
  db: Db;
  core: Core;
  site: SiteConfig;
  /** Signed in as the first administrator (who also holds the security officer role). */
  admin: Connection;
  call(method: string, input: unknown): Promise<unknown>;
  close(): void;
}

export function openInstallation(path: string, clock: Clock = systemClock): Promise<Installation> {
  const db = openDb(path);
  const core = createCore({ db, clock, appVersion: APP_VERSION, passwordIterations: ITERATIONS, keyIterations: ITERATIONS });
  const site = readSite(db);
  if (!site) throw new Error(`${path} is not set up`);
  const admin: Connection = { session: null, workstation: 'bench-ws' };
  const call = async (method: string, input: unknown): Promise<unknown> => {
    const result: Result<unknown> = await core.dispatch(admin, method, input);
    if (!result.ok) throw new Error(`${method}: ${result.error.code}: ${result.error.message}`);
    return result.value;
  };
  return call('session.signIn', { username: 'admin', password: PASSWORD }).then(() => ({
    path,
    db,
    core,
    site,
    admin,
    call,
    close: () => core.close(),
  }));
}

function create(dir: string, siteId: string, siteRole: 'site' | 'hq', clock: Clock): Promise<Installation> {
  const path = join(dir, `${siteId}.sqlite`);
  const db = openDb(path);
  initSite(
    db,
    clock,
    { siteId, siteName: siteRole === 'hq' ? 'Headquarters' : 'Alpha Works', siteRole, systemHigh: 'SECRET', admin: { username: 'admin', displayName: 'Ada Admin', password: PASSWORD } },
    { appVersion: APP_VERSION, workstation: 'bench-ws', passwordIterations: ITERATIONS },
  );
  db.close();
  return openInstallation(path, clock);
}

export interface World {
  site: Installation;
  hq: Installation;
  signer: Signer;
}

/** SITE-A with its identity, and HQ trusting it. */
export async function makeWorld(dir: string, clock: Clock = systemClock): Promise<World> {
  const site = await create(dir, 'SITE-A', 'site', clock);
  const hq = await create(dir, 'HQ', 'hq', clock);
  const identity = (await site.call('sync.createIdentity', { passphrase: PASSPHRASE })) as { certificatePem: string; fingerprint: string };
  await hq.call('trust.enroll', { certificatePem: identity.certificatePem, siteId: 'SITE-A', role: 'site', expectedFingerprint: identity.fingerprint });
  const stored = readIdentity(site.db);
  if (!stored?.sealedKey) throw new Error('no sealed key');
  const pkcs8 = await unsealPrivateKey(stored.sealedKey, PASSPHRASE, { minIterations: 1 });
  const signer = await createSoftwareSigner(pkcs8, pemToCertificateDer(stored.record.certificatePem), () => clock.now());
  return { site, hq, signer };
}
