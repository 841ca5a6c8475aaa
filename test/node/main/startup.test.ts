import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openDb } from '../../../db/open.js';
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

  it('refuses a missing database, says to run enclave-ledger init, and creates no file', async () => {
    const dbPath = path.join(dir, 'enclave-ledger.sqlite');
    const result = await openLedger({ dbPath, clock, appVersion: '1.0.0', workstation: 'ws' });
    expect(result).toMatchObject({ ok: false, title: 'Enclave Ledger is not set up' });
    if (result.ok) throw new Error('unreachable');
    expect(result.message).toContain('enclave-ledger init');
    expect(result.message).toContain(dbPath);
    expect(existsSync(dbPath)).toBe(false);
  });

  it('refuses a database without a site', async () => {
    const dbPath = path.join(dir, 'enclave-ledger.sqlite');
    openDb(dbPath).close();
    const result = await openLedger({ dbPath, clock, appVersion: '1.0.0', workstation: 'ws' });
    expect(result).toMatchObject({ ok: false, title: 'Enclave Ledger is not set up' });
    if (result.ok) throw new Error('unreachable');
    expect(result.message).toContain('enclave-ledger init');
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
      const info = await result.core.dispatch({ session: null, workstation: 'ws' }, 'system.info', {});
      expect(info).toMatchObject({ ok: true, value: { siteId: 'SITE-A', appVersion: '1.0.0' } });
    } finally {
      result.core.close();
    }
  });
});
