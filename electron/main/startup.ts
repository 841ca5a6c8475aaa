// Opening the ledger at start-up: the database must exist and hold a configured site, or the app
// refuses to start and says what to do. No Electron here, so it is tested on real SQLite files.
import { existsSync } from 'node:fs';
import { openDb } from '../../db/open.js';
import type { Clock } from '../node/clock.js';
import type { Core } from '../node/core.js';
import { createCore } from '../node/core.js';

export type LedgerStartup = { ok: true; core: Core } | { ok: false; title: string; message: string };

export interface OpenLedgerOptions {
  dbPath: string;
  clock: Clock;
  appVersion: string;
  workstation: string;
}

const INIT_HINT = 'An administrator must set it up first by running:\n\n    enclave-ledger init';

export async function openLedger({ dbPath, clock, appVersion, workstation }: OpenLedgerOptions): Promise<LedgerStartup> {
  // Opening would create an empty file; an absent database means the workstation was never set up.
  if (!existsSync(dbPath)) {
    return { ok: false, title: 'Enclave Ledger is not set up', message: `There is no ledger database on this workstation.\n\n${INIT_HINT}\n\nDatabase: ${dbPath}` };
  }
  let core: Core;
  try {
    core = createCore({ db: openDb(dbPath), clock, appVersion });
  } catch (error) {
    return { ok: false, title: 'Enclave Ledger cannot open its database', message: `${describe(error)}\n\nDatabase: ${dbPath}` };
  }
  const info = await core.dispatch({ session: null, workstation }, 'system.info', {});
  if (info.ok) return { ok: true, core };
  core.close();
  if (info.error.code === 'NOT_CONFIGURED') {
    return { ok: false, title: 'Enclave Ledger is not set up', message: `The ledger database has not been initialised.\n\n${INIT_HINT}\n\nDatabase: ${dbPath}` };
  }
  return { ok: false, title: 'Enclave Ledger cannot start', message: `${info.error.message}\n\nDatabase: ${dbPath}` };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
