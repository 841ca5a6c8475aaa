import { existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { hostname } from 'node:os';
import { APP_VERSION } from '../../common/version.js';
import { US_LEVELS } from '../../common/classification/model.js';
import { LedgerError } from '../../common/result.js';
import type { FieldIssue, Result } from '../../common/result.js';
import { openDb } from '../../../db/open.js';
import { verifyJournal } from '../../../db/journal/verify.js';
import type { Clock } from '../clock.js';
import { systemClock } from '../clock.js';
import { createCore } from '../core.js';
import type { Connection } from '../context.js';
import { initSite } from '../site/initSite.js';
import { UsageError, dbPathFrom, parseCommandArgs } from './args.js';
import { CALL_HELP, INIT_HELP, JOURNAL_HELP, MAIN_HELP, PASSWD_HELP, methodsHelp } from './help.js';
import { readPassword } from './password.js';
import { reportCommand } from './reportCommand.js';
import { usersCommand } from './usersCommand.js';
import { type SyncCommand, syncCommand } from './syncCommands.js';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  readStdin(): Promise<string>;
}

export interface CliOptions {
  clock?: Clock;
  passwordIterations?: number;
  /** PBKDF2 iterations of the sealed signing key (tests lower it). */
  keyIterations?: number;
}

/** Runs one command; returns the exit status. Never throws. */
export async function runCli(argv: string[], io: CliIo, options: CliOptions = {}): Promise<number> {
  try {
    return await route(argv, io, options);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`enclave-ledger: ${error.message} (see --help)`);
      return 2;
    }
    if (error instanceof LedgerError) {
      io.err(`enclave-ledger: ${error.code}: ${error.message}${formatIssues(error.issues)}`);
      return 1;
    }
    io.err(`enclave-ledger: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

async function route(argv: string[], io: CliIo, options: CliOptions): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case undefined:
    case '-h':
    case '--help':
    case 'help':
      io.out(MAIN_HELP);
      return command === undefined ? 2 : 0;
    case '--version':
      io.out(APP_VERSION);
      return 0;
    case 'init':
      return init(rest, io, options);
    case 'call':
      return call(rest, io, options);
    case 'journal':
      return journal(rest, io);
    case 'methods':
      io.out(methodsHelp());
      return 0;
    case 'users':
      return usersCommand(rest, io, options);
    case 'passwd':
      return passwd(rest, io, options);
    case 'report':
      return reportCommand(rest, io, options);
    case 'export':
    case 'verify':
    case 'import':
    case 'trust':
    case 'identity':
    case 'ack':
      return syncCommand(command satisfies SyncCommand, rest, io, options);
    default:
      throw new UsageError(`unknown command: ${command}`);
  }
}

async function init(argv: string[], io: CliIo, options: CliOptions): Promise<number> {
  const { values } = parseCommandArgs(
    argv,
    {
      db: { type: 'string' },
      'site-id': { type: 'string' },
      'site-name': { type: 'string' },
      role: { type: 'string' },
      'system-high': { type: 'string' },
      admin: { type: 'string' },
      'admin-name': { type: 'string' },
    },
    0,
  );
  if (values.help) return help(io, INIT_HELP);
  const path = dbPathFrom(values.db);
  for (const required of ['site-id', 'site-name', 'system-high', 'admin'] as const) {
    if (!values[required]) throw new UsageError(`--${required} is required`);
  }
  const systemHigh = String(values['system-high']).toUpperCase();
  if (!(US_LEVELS as readonly string[]).includes(systemHigh)) {
    throw new UsageError(`--system-high must be one of: ${US_LEVELS.join(', ')}`);
  }
  mkdirSync(dirname(path), { recursive: true });
  if (existsSync(path) && statSync(path).size > 0) {
    throw new UsageError(`${path} already exists: init creates a new database and never touches an existing one`);
  }
  const password = await readPassword('Password for the first administrator: ');
  if (!process.env.ENCLAVE_LEDGER_PASSWORD && (await readPassword('Again: ')) !== password) {
    throw new UsageError('the two passwords differ');
  }
  const clock = options.clock ?? systemClock;
  // Validate everything before the file is created, so a refused init leaves nothing behind.
  const db = openDb(path);
  try {
    const site = initSite(
      db,
      clock,
      {
        siteId: String(values['site-id']),
        siteName: String(values['site-name']),
        siteRole: (values.role ?? 'site') as 'site',
        systemHigh: systemHigh as 'SECRET',
        admin: { username: String(values.admin), displayName: String(values['admin-name'] ?? values.admin), password },
      },
      { appVersion: APP_VERSION, workstation: hostname(), ...(options.passwordIterations ? { passwordIterations: options.passwordIterations } : {}) },
    );
    io.out(JSON.stringify({ ok: true, value: { database: path, ...site, administrator: values.admin } }, null, 2));
    return 0;
  } catch (error) {
    db.close();
    removeDatabase(path);
    throw error;
  } finally {
    if (db.open) db.close();
  }
}

async function call(argv: string[], io: CliIo, options: CliOptions): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, { db: { type: 'string' }, user: { type: 'string' } }, 2);
  if (values.help) return help(io, CALL_HELP);
  const [method, inputArg] = positionals;
  if (!method) throw new UsageError('name the METHOD to call (enclave-ledger methods lists them)');
  const input = await readInput(inputArg, io);
  return printResult(io, await asUser(values, options, (dispatch) => dispatch(method, input)));
}

export type Dispatch = (method: string, input: unknown) => Promise<Result<unknown>>;

/**
 * Open the database, sign in as --user (password from the environment or a prompt, with the
 * same lockout rules as the app), run `work`, sign out. Every call is audited as that user.
 */
export async function asUser(
  values: Record<string, string | boolean | undefined>,
  options: CliOptions,
  work: (dispatch: Dispatch) => Promise<Result<unknown>>,
): Promise<Result<unknown>> {
  const path = existingDb(dbPathFrom(values.db));
  if (typeof values.user !== 'string' || values.user === '') {
    throw new UsageError('--user USERNAME is required: every call is made as a user and audited');
  }
  const password = await readPassword(`Password for ${values.user}: `);
  const db = openDb(path);
  const core = createCore({
    db,
    clock: options.clock ?? systemClock,
    appVersion: APP_VERSION,
    ...(options.passwordIterations ? { passwordIterations: options.passwordIterations } : {}),
    ...(options.keyIterations ? { keyIterations: options.keyIterations } : {}),
  });
  const conn: Connection = { session: null, workstation: hostname() };
  try {
    const signedIn = await core.dispatch(conn, 'session.signIn', { username: values.user, password });
    if (!signedIn.ok) return signedIn;
    const result = await work((method, input) => core.dispatch(conn, method, input));
    await core.dispatch(conn, 'session.signOut', {});
    return result;
  } finally {
    core.close();
  }
}

/** Change one's own password: required after an administrator set a temporary one. */
async function passwd(argv: string[], io: CliIo, options: CliOptions): Promise<number> {
  const { values } = parseCommandArgs(argv, { db: { type: 'string' }, user: { type: 'string' } }, 0);
  if (values.help) return help(io, PASSWD_HELP);
  const newPassword = await readPassword('New password: ', 'ENCLAVE_LEDGER_NEW_PASSWORD');
  if (!process.env.ENCLAVE_LEDGER_NEW_PASSWORD && (await readPassword('Again: ', 'ENCLAVE_LEDGER_NEW_PASSWORD')) !== newPassword) {
    throw new UsageError('the two passwords differ');
  }
  const currentPassword = await readPassword(`Current password for ${String(values.user)}: `);
  const result = await asUser(values, options, (dispatch) => dispatch('session.changePassword', { currentPassword, newPassword }));
  return printResult(io, result);
}

function journal(argv: string[], io: CliIo): number {
  const { values, positionals } = parseCommandArgs(argv, { db: { type: 'string' } }, 1);
  if (values.help || positionals.length === 0) return help(io, JOURNAL_HELP, positionals.length === 0 && !values.help);
  if (positionals[0] !== 'verify') throw new UsageError(`unknown journal command: ${positionals[0]}`);
  const db = openDb(existingDb(dbPathFrom(values.db)), { readonly: true });
  try {
    const report = verifyJournal(db);
    io.out(JSON.stringify(report, null, 2));
    if (!report.ok) {
      io.err(`enclave-ledger: journal broken at site ${report.firstBroken.siteId} seq ${report.firstBroken.seq}: ${report.firstBroken.reason}`);
      return 1;
    }
    return 0;
  } finally {
    db.close();
  }
}

export function printResult(io: CliIo, result: Result<unknown>): number {
  io.out(JSON.stringify(result, null, 2));
  if (result.ok) return 0;
  io.err(`enclave-ledger: ${result.error.code}: ${result.error.message}${formatIssues(result.error.issues)}`);
  return 1;
}

async function readInput(arg: string | undefined, io: CliIo): Promise<unknown> {
  let text: string;
  if (arg === undefined) return {};
  if (arg === '-') text = await io.readStdin();
  else if (arg.startsWith('@')) text = readFileSync(arg.slice(1), 'utf8');
  else text = arg;
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new UsageError(`the input is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function existingDb(path: string): string {
  if (!existsSync(path)) throw new UsageError(`no database at ${path}: create one with enclave-ledger init`);
  return path;
}

function help(io: CliIo, text: string, asError = false): number {
  if (asError) io.err(text);
  else io.out(text);
  return asError ? 2 : 0;
}

function removeDatabase(path: string): void {
  for (const suffix of ['', '-wal', '-shm']) {
    try {
      rmSync(path + suffix, { force: true });
    } catch {
      // best effort: the error that caused the removal is what the user needs to see
    }
  }
}

/** Field problems as one bracketed line: `[controlNumber: is required; ...]`. */
function formatIssues(issues: readonly FieldIssue[] | undefined): string {
  if (!issues || issues.length === 0) return '';
  return ` [${issues.map((i) => (i.path.length > 0 ? `${i.path.join('.')}: ${i.message}` : i.message)).join('; ')}]`;
}
