// Runs in the page before the app's own script (the harness injects it into index.html): defines
// `window.ledger` exactly as the preload does, with the same makeApi, but invoking over fetch
// instead of IPC. Bundled to one IIFE file by buildBridge().
import { makeApi } from '../../electron/common/api.js';
import type { Result } from '../../electron/common/result.js';
import { plainDataProblem } from '../../electron/main/plainData.js';
import { API_CALL_PATH } from './routes.js';

function isResult(value: unknown): value is Result<unknown> {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false;
  if (value.ok === true) return 'value' in value;
  return value.ok === false && 'error' in value && typeof value.error === 'object' && value.error !== null;
}

async function invoke(method: string, input: unknown): Promise<Result<unknown>> {
  // The main process makes this check on IPC input; made here, a call fails the same way on both hosts.
  const problem = plainDataProblem(input);
  if (problem !== null) return { ok: false, error: { code: 'INVALID_INPUT', message: problem } };
  const response = await fetch(API_CALL_PATH, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ method, input }),
    credentials: 'same-origin',
    cache: 'no-store',
  });
  const body: unknown = await response.json();
  if (isResult(body)) return body;
  return { ok: false, error: { code: 'INTERNAL', message: `the harness answered ${response.status} without a Result` } };
}

// contextBridge.exposeInMainWorld makes a read-only, non-configurable property; so does this.
Object.defineProperty(window, 'ledger', { value: makeApi(invoke), enumerable: true, configurable: false, writable: false });
