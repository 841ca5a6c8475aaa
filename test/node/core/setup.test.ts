import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb } from '../../../db/open.js';
import type { Db } from '../../../db/open.js';
import { ManualClock } from '../../../electron/node/clock.js';
import type { Core } from '../../../electron/node/core.js';
import { createCore } from '../../../electron/node/core.js';
import { verifyJournal } from '../../../db/journal/verify.js';

let dir: string;
let db: Db;
let core: Core;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ledger-setup-'));
  db = openDb(join(dir, 'x.sqlite'));
  core = createCore({ db, clock: new ManualClock(new Date('2026-03-02T09:00:00Z')), appVersion: 't', passwordIterations: 1000 });
});
afterEach(() => {
  core.close();
  rmSync(dir, { recursive: true, force: true });
});

const conn = () => ({ session: null, workstation: 'ws' });
const SETUP = {
  siteId: 'SITE-B',
  siteName: 'Bravo Labs',
  siteRole: 'site' as const,
  systemHigh: 'SECRET' as const,
  admin: { username: 'fso', displayName: 'Fay Officer', password: 'First admin passw0rd!' },
};

describe('first-run setup', () => {
  it('refuses everything but setup until the installation is set up', async () => {
    expect(await core.dispatch(conn(), 'session.signIn', { username: 'fso', password: 'x' })).toMatchObject({ ok: false, error: { code: 'NOT_CONFIGURED' } });
    expect(await core.dispatch(conn(), 'system.info', {})).toMatchObject({ ok: false, error: { code: 'NOT_CONFIGURED' } });
  });

  it('rejects an invalid setup with field errors, storing nothing', async () => {
    const result = await core.dispatch(conn(), 'setup.initialise', { ...SETUP, siteId: 'bad id', admin: { ...SETUP.admin, password: 'short' } });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    if (!result.ok) expect(result.error.issues?.map((i) => i.path.join('.'))).toEqual(expect.arrayContaining(['siteId', 'admin.password']));
    expect(db.prepare('SELECT count(*) AS n FROM journal').get()).toEqual({ n: 0 });
  });

  it('sets up once: identity, policy and the first administrator in the journal; then refuses', async () => {
    expect(await core.dispatch(conn(), 'setup.initialise', SETUP)).toMatchObject({ ok: true, value: { siteId: 'SITE-B', systemHigh: 'SECRET' } });
    expect(await core.dispatch(conn(), 'system.info', {})).toMatchObject({ ok: true, value: { siteName: 'Bravo Labs' } });
    const c = conn();
    expect(await core.dispatch(c, 'session.signIn', { username: 'fso', password: SETUP.admin.password })).toMatchObject({
      ok: true,
      value: { roles: ['administrator', 'security_officer'] },
    });
    expect(await core.dispatch(conn(), 'setup.initialise', SETUP)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(verifyJournal(db)).toMatchObject({ ok: true });
    expect((db.prepare('SELECT kind, action FROM journal ORDER BY seq LIMIT 3').all() as { kind: string; action: string }[]).map((r) => `${r.kind}.${r.action}`)).toEqual([
      'site.init',
      'settings.init',
      'user.create',
    ]);
  });
});
