// What every in-process CLI test needs: a fresh folder per test for the site database, the
// administrator's password in the environment (the CLI reads it there, never from its arguments),
// and a runner that captures what the CLI prints.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { runCli } from '../../../electron/node/cli/main.js';
import { ManualClock } from '../../../electron/node/clock.js';
import { START, TEST_ITERATIONS } from './testSite.js';

export const CLI_PASSWORD = 'Long enough CLI passw0rd!';

export interface CliRun {
  status: number;
  out: string;
  err: string;
}

/** Runs the CLI in-process at a fixed time; `stdin` is what it reads when told to read stdin. */
export function cliRunner(stdin = ''): (...argv: string[]) => Promise<CliRun> {
  return async (...argv) => {
    const out: string[] = [];
    const err: string[] = [];
    const io = { out: (t: string) => out.push(t), err: (t: string) => err.push(t), readStdin: () => Promise.resolve(stdin) };
    const status = await runCli(argv, io, { clock: new ManualClock(START), passwordIterations: TEST_ITERATIONS });
    return { status, out: out.join('\n'), err: err.join('\n') };
  };
}

export interface CliSandbox {
  /** The test's own folder, removed after it. */
  readonly dir: string;
  /** `site.sqlite` in that folder (not created). */
  readonly db: string;
}

/** Registers the hooks that give each test of the file a fresh sandbox and the password. */
export function useCliSandbox(prefix: string): CliSandbox {
  const sandbox = { dir: '', db: '' };
  beforeEach(() => {
    sandbox.dir = mkdtempSync(join(tmpdir(), prefix));
    sandbox.db = join(sandbox.dir, 'site.sqlite');
    process.env.ENCLAVE_LEDGER_PASSWORD = CLI_PASSWORD;
  });
  afterEach(() => {
    delete process.env.ENCLAVE_LEDGER_PASSWORD;
    rmSync(sandbox.dir, { recursive: true, force: true });
  });
  return sandbox;
}
