// The core: one dispatcher behind IPC, the test harness, the CLI and tests. It validates input
// against the contract, checks the caller's role, runs the handler and returns a Result; no
// exception ever leaves it.
import type { z } from 'zod';
import type { MethodName } from '../common/contract/index.js';
import { contract, isMethodName } from '../common/contract/index.js';
import type { Result } from '../common/result.js';
import { LedgerError, fail, ok } from '../common/result.js';
import type { Access } from '../common/contract/define.js';
import { findUserById, readSite } from '../../db/queries/system.js';
import type { Connection, CoreOptions } from './context.js';
import { HandlerContext } from './context.js';
import { handlers } from './handlers/index.js';
import { describeIssues, toFieldIssues } from './zodIssues.js';

export type { Connection, CoreOptions } from './context.js';
export type { Clock } from './clock.js';

export interface Core {
  dispatch(conn: Connection, method: string, input: unknown): Promise<Result<unknown>>;
  close(): void;
}

export function createCore(options: CoreOptions): Core {
  const logError = options.logError ?? ((message, error) => console.error(message, error));
  return {
    async dispatch(conn, method, input) {
      try {
        return await dispatchOrThrow(options, conn, method, input);
      } catch (error) {
        if (error instanceof LedgerError) return fail(error.toBody());
        logError(`internal error in ${String(method).slice(0, 80)}`, error);
        return fail({ code: 'INTERNAL', message: 'internal error: the operation was not completed and nothing was changed' });
      }
    },
    close() {
      options.db.close();
    },
  };
}

async function dispatchOrThrow(options: CoreOptions, conn: Connection, method: string, input: unknown): Promise<Result<unknown>> {
  if (!isMethodName(method)) {
    return fail({ code: 'UNKNOWN_METHOD', message: `unknown method: ${String(method).slice(0, 80)}` });
  }
  const site = readSite(options.db);
  if (!site) {
    return fail({ code: 'NOT_CONFIGURED', message: 'this installation is not set up: run `enclave-ledger init` first' });
  }
  const spec = contract[method];
  const denied = checkAccess(options, conn, spec.access);
  if (denied) return denied;

  const parsed = spec.input.safeParse(input ?? {});
  if (!parsed.success) {
    return fail({ code: 'INVALID_INPUT', message: describeIssues(parsed.error), issues: toFieldIssues(parsed.error) });
  }
  const ctx = new HandlerContext(options, site, conn);
  const handler = handlers[method] as (ctx: HandlerContext, input: unknown) => unknown;
  const value = await handler(ctx, parsed.data);
  return ok(checkOutput(method, spec.output, value));
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
