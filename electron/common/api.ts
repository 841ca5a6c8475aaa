// The typed client. The preload builds it over IPC, the test harness over HTTP; the renderer
// gets `window.ledger` and cannot tell which.
import type { MethodInput, MethodName, MethodOutput } from './contract/index.js';
import { METHOD_NAMES } from './contract/index.js';
import type { Result } from './result.js';

/** Sends one call across the boundary; must resolve (never reject) with a Result. */
export type Invoke = (method: MethodName, input: unknown) => Promise<Result<unknown>>;

export type LedgerApi = {
  readonly [M in MethodName]: (input: MethodInput<M>) => Promise<Result<MethodOutput<M>>>;
};

export function makeApi(invoke: Invoke): LedgerApi {
  const api: Record<string, (input: unknown) => Promise<Result<unknown>>> = {};
  for (const name of METHOD_NAMES) {
    api[name] = async (input: unknown) => {
      try {
        return await invoke(name, input);
      } catch (error) {
        // A transport failure (IPC torn down, harness gone) is still reported as a Result.
        return { ok: false, error: { code: 'INTERNAL', message: `call failed: ${error instanceof Error ? error.message : String(error)}` } };
      }
    };
  }
  return Object.freeze(api) as unknown as LedgerApi;
}
