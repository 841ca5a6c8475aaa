// The core: one dispatcher behind IPC, the test harness, the CLI and tests. It validates input
// against the contract, checks the caller's role, runs the handler and returns a Result; no
// exception ever leaves it.
import type { z } from 'zod';
import type { MethodName } from '../common/contract/index.js';
import { contract, isMethodName } from '../common/contract/index.js';
import type { Result } from '../common/result.js';
import { LedgerError, fail, ok } from '../common/result.js';
import type { Access, MethodSpec } from '../common/contract/define.js';
import { lockIfIdle, signOut } from './services/sessions.js';
import { findUserById, readSite } from '../../db/queries/system.js';
import type { Connection, CoreOptions } from './context.js';
import { HandlerContext } from './context.js';
import { ConnectionGate } from './connectionGate.js';
import { handlers } from './handlers/index.js';
import { describeIssues, toFieldIssues } from './zodIssues.js';

export type { Connection, CoreOptions } from './context.js';
export type { Clock } from './clock.js';

export interface Core {
  dispatch(conn: Connection, method: string, input: unknown): Promise<Result<unknown>>;
  /** The window or process behind a connection is gone: end its session, audited as session_end. */
  endConnection(conn: Connection): void;
  close(): void;
}

/**
 * Calls that answer from memory and may run while an import holds the connection alone (the
 * screen polls them to show the import's progress).
 */
const PASS_THE_GATE = new Set<string>(['sync.progress']);

export function createCore(coreOptions: CoreOptions): Core {
  const gate = coreOptions.gate ?? new ConnectionGate();
  const logError = coreOptions.logError ?? ((message: string, error: unknown) => console.error(message, error));
  // Handlers see the same gate and logger as the dispatcher.
  const options: CoreOptions = { ...coreOptions, gate, logError };
  return {
    async dispatch(conn, method, input) {
      const passes = PASS_THE_GATE.has(method) && gate.held;
      const leave = passes ? () => undefined : await gate.enter();
      try {
        return await dispatchOrThrow(options, conn, method, input, passes);
      } catch (error) {
        if (error instanceof LedgerError) return fail(error.toBody());
        logError(`internal error in ${String(method).slice(0, 80)}`, error);
        return fail({ code: 'INTERNAL', message: 'internal error: the operation was not completed and nothing was changed' });
      } finally {
        leave();
      }
    },
    endConnection(conn) {
      const endNow = (ending: Connection) => {
        try {
          const site = readSite(options.db);
          if (site && ending.session) signOut(new HandlerContext(options, site, ending), 'session_end');
        } catch (error) {
          logError('could not record the end of a session', error);
        }
        ending.session = null;
      };
      if (!gate.held) return endNow(conn);
      // An import holds the connection: the session ends now, and its journal entry is written
      // once the import is done (written inside it, it would vanish with a refused bundle).
      const ending: Connection = { ...conn };
      conn.session = null;
      conn.locked = false;
      void gate.enter().then((leave) => {
        try {
          endNow(ending);
        } finally {
          leave();
        }
      });
    },
    close() {
      options.db.close();
    },
  };
}

/** `passingTheGate`: another call holds the connection; this one may read but must not write. */
async function dispatchOrThrow(options: CoreOptions, conn: Connection, method: string, input: unknown, passingTheGate: boolean): Promise<Result<unknown>> {
  if (!isMethodName(method)) {
    return fail({ code: 'UNKNOWN_METHOD', message: `unknown method: ${String(method).slice(0, 80)}` });
  }
  const spec: MethodSpec = contract[method];
  const site = readSite(options.db) ?? null;
  if (!site && !spec.beforeSetup) {
    return fail({ code: 'NOT_CONFIGURED', message: 'this installation is not set up yet: complete the first-run setup (or run `enclave-ledger init`)' });
  }
  const ctx = new HandlerContext(options, site, conn);
  if (site) {
    const refused = passingTheGate ? checkSessionStateReadOnly(conn) : checkSessionState(ctx, method);
    if (refused) return refused;
  }
  const denied = checkAccess(options, conn, spec.access);
  if (denied) return denied;

  const parsed = spec.input.safeParse(input ?? {});
  if (!parsed.success) {
    return fail({ code: 'INVALID_INPUT', message: describeIssues(parsed.error), issues: toFieldIssues(parsed.error) });
  }
  const handler = handlers[method] as (ctx: HandlerContext, input: unknown) => unknown;
  const value = await handler(ctx, parsed.data);
  return ok(checkOutput(method, spec.output, value));
}

/** Calls a locked or password-expired session may still make. */
const ALWAYS_ALLOWED = new Set<MethodName>(['system.info', 'session.status', 'session.unlock', 'session.signOut', 'session.signIn']);
const ALLOWED_BEFORE_PASSWORD_CHANGE = new Set<MethodName>([...ALWAYS_ALLOWED, 'session.current', 'session.changePassword']);

/**
 * The idle lock (STIG: 15 minutes, 10 for administrators) and a pending password change stop
 * every call but the few that resolve them. Other calls count as activity.
 */
function checkSessionState(ctx: HandlerContext, method: MethodName): Result<never> | null {
  const conn = ctx.conn;
  if (conn.session === null) return null;
  lockIfIdle(ctx);
  if (ALWAYS_ALLOWED.has(method)) return null;
  if (conn.locked) return fail({ code: 'SESSION_LOCKED', message: 'the session is locked after idle time: enter your password to continue' });
  if (conn.session.mustChangePassword && !ALLOWED_BEFORE_PASSWORD_CHANGE.has(method)) {
    return fail({ code: 'PASSWORD_CHANGE_REQUIRED', message: 'your password was reset: choose a new one first' });
  }
  conn.lastActivityAt = ctx.now().getTime();
  return null;
}

/**
 * The same, for a call let through while an import holds the connection: the idle lock is not
 * applied here (that writes a journal entry, which would join the import's transaction); the
 * next call after the import applies it.
 */
function checkSessionStateReadOnly(conn: Connection): Result<never> | null {
  if (conn.session === null) return null;
  if (conn.locked) return fail({ code: 'SESSION_LOCKED', message: 'the session is locked after idle time: enter your password to continue' });
  if (conn.session.mustChangePassword) return fail({ code: 'PASSWORD_CHANGE_REQUIRED', message: 'your password was reset: choose a new one first' });
  return null;
}

/** Re-read the account on every call so a disabled account or a changed role takes effect at once. */
function checkAccess(options: CoreOptions, conn: Connection, access: Access): Result<never> | null {
  if (access === 'anyone') return null;
  const session = conn.session;
  if (session === null) return fail({ code: 'UNAUTHENTICATED', message: 'sign in first' });
  const user = findUserById(options.db, session.userId);
  if (!user || user.disabled) {
    conn.session = null;
    return fail({ code: 'UNAUTHENTICATED', message: 'the account is disabled or no longer exists: sign in again' });
  }
  if (user.roles.join() !== session.roles.join()) conn.session = { ...session, roles: user.roles };
  if (access === 'signed-in') return null;
  if (user.roles.some((role) => access.includes(role))) return null;
  return fail({
    code: 'FORBIDDEN',
    message: `your role does not allow this (needs one of: ${access.join(', ')})`,
    details: { required: [...access] },
  });
}

function checkOutput(method: MethodName, schema: z.ZodType, value: unknown): unknown {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new Error(`handler for ${method} returned output that breaks the contract: ${describeIssues(result.error)}`);
  }
  return result.data;
}
