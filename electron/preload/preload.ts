// The whole preload: `window.ledger`, the typed client over the one IPC channel. Runs sandboxed
// (only `electron` may be required), built to one CommonJS file by electron/preload/vite.config.ts.
import { contextBridge, ipcRenderer } from 'electron';
import { makeApi } from '../common/api.js';
import type { Result } from '../common/result.js';

// Must match LEDGER_CHANNEL in electron/main/ipc.ts (not imported: the preload bundles nothing of main).
const CHANNEL = 'ledger:call';

contextBridge.exposeInMainWorld(
  'ledger',
  makeApi((method, input) => ipcRenderer.invoke(CHANNEL, method, input) as Promise<Result<unknown>>),
);
