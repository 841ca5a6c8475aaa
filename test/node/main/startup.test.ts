import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openLedger } from '../../../electron/main/startup.js';
import { ManualClock } from '../../../electron/node/clock.js';
import { seedDatabase } from '../../harness/seed.js';

vi.mock('electron', () => {
  throw new Error('electron must not be loaded at start-up checks');
});

const clock = new ManualClock(new Date('2026-03-02T09:00:00Z'));

describe('openLedger', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'ledger-startup-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('creates the database (and its folder) on first run and opens on the first-run setup', async () => {
    const dbPath = path.join(dir, 'Enclave Ledger', 'enclave-ledger.sqlite');
    const result = await openLedger({ dbPath, clock, appVersion: '1.0.0', workstation: 'ws' });
    if (!result.ok) throw new Error(result.message);
    try {
      expect(result.firstRun).toBe(true);
      expect(existsSync(dbPath)).toBe(true);
      const setup = await result.core.dispatch({ session: null, workstation: 'ws' }, 'setup.initialise', {
        siteId: 'SITE-N',
        siteName: 'New Site',
        siteRole: 'site',
        systemHigh: 'SECRET',
        admin: { username: 'fso', displayName: 'F', password: 'First admin passw0rd!' },
      });
      expect(setup).toMatchObject({ ok: true, value: { siteId: 'SITE-N' } });
    } finally {
      result.core.close();
    }
  });

  it('refuses a file that is not a database', async () => {
    const dbPath = path.join(dir, 'enclave-ledger.sqlite');
    await writeFile(dbPath, 'this is not SQLite, just text that is long enough to have a header '.repeat(20));
    const result = await openLedger({ dbPath, clock, appVersion: '1.0.0', workstation: 'ws' });
    expect(result).toMatchObject({ ok: false, title: 'Enclave Ledger cannot open its database' });
  });

  it('opens an initialised database and returns a working core', async () => {
    const seeded = await seedDatabase({ dir, fileName: 'enclave-ledger.sqlite' });
    const result = await openLedger({ dbPath: seeded.dbPath, clock, appVersion: '1.0.0', workstation: 'ws' });
    if (!result.ok) throw new Error(result.message);
    try {
      expect(result.firstRun).toBe(false);
      const info = await result.core.dispatch({ session: null, workstation: 'ws' }, 'system.info', {});
      expect(info).toMatchObject({ ok: true, value: { siteId: 'SITE-A', appVersion: '1.0.0' } });
    } finally {
      result.core.close();
    }
  });
});
