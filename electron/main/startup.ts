// Opening the ledger at start-up. A workstation without a database gets a new, empty one and the
// renderer shows the first-run setup (site identity, system-high, first administrator); a
// database that cannot be opened stops the app with the reason. No Electron here, so it is tested
// on real SQLite files.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { openDb } from '../../db/open.js';
import type { Clock } from '../node/clock.js';
import type { Core } from '../node/core.js';
import { createCore } from '../node/core.js';

export type LedgerStartup = { ok: true; core: Core; firstRun: boolean } | { ok: false; title: string; message: string };

export interface OpenLedgerOptions {
  dbPath: string;
  clock: Clock;
  appVersion: string;
  workstation: string;
}

export async function openLedger({ dbPath, clock, appVersion, workstation }: OpenLedgerOptions): Promise<LedgerStartup> {
  let core: Core;
  try {
    mkdirSync(dirname(dbPath), { recursive: true });
    core = createCore({ db: openDb(dbPath), clock, appVersion });
  } catch (error) {
    return { ok: false, title: 'Enclave Ledger cannot open its database', message: `${describe(error)}\n\nDatabase: ${dbPath}` };
  }
  const info = await core.dispatch({ session: null, workstation }, 'system.info', {});
  if (info.ok) return { ok: true, core, firstRun: false };
  // Not set up yet: the window opens on the first-run setup screen (setup.initialise).
  if (info.error.code === 'NOT_CONFIGURED') return { ok: true, core, firstRun: true };
  core.close();
  return { ok: false, title: 'Enclave Ledger cannot start', message: `${info.error.message}\n\nDatabase: ${dbPath}` };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
