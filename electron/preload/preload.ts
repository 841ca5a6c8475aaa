// The whole preload: `window.ledger`, the typed client over the one IPC channel,
// `window.ledgerFiles`, the two native file dialogs for sync bundles (electron/main/fileDialogs.ts),
// and `window.ledgerPrint`, "Save as PDF" of the printable forms (electron/main/printPdf.ts).
// Runs sandboxed (only `electron` may be required), built to one CommonJS file by
// electron/preload/vite.config.ts.
import { contextBridge, ipcRenderer } from 'electron';
import { makeApi } from '../common/api.js';
import type { LedgerPrint, SavePdfResult } from '../common/print/savePdf.js';
import { SAVE_PDF_CHANNEL } from '../common/print/savePdf.js';
import type { Result } from '../common/result.js';

// Must match LEDGER_CHANNEL in electron/main/ipc.ts (not imported: the preload bundles nothing of main).
const CHANNEL = 'ledger:call';

contextBridge.exposeInMainWorld(
  'ledger',
  makeApi((method, input) => ipcRenderer.invoke(CHANNEL, method, input) as Promise<Result<unknown>>),
);

// Must match PICK_FOLDER_CHANNEL / PICK_BUNDLES_CHANNEL in electron/main/fileDialogs.ts.
const PICK_FOLDER = 'files:pickFolder';
const PICK_BUNDLES = 'files:pickBundles';

/** Like makeApi: a torn-down channel is an INTERNAL Result, never a rejection. */
async function invokeDialog<T>(channel: string): Promise<Result<T>> {
  try {
    return (await ipcRenderer.invoke(channel)) as Result<T>;
  } catch (error) {
    return { ok: false, error: { code: 'INTERNAL', message: `the file dialog failed: ${error instanceof Error ? error.message : String(error)}` } };
  }
}

contextBridge.exposeInMainWorld(
  'ledgerFiles',
  Object.freeze({
    pickExportFolder: () => invokeDialog<string | null>(PICK_FOLDER),
    pickBundleFiles: () => invokeDialog<string[]>(PICK_BUNDLES),
  }),
);

contextBridge.exposeInMainWorld(
  'ledgerPrint',
  Object.freeze({
    // The request goes as it is: the main process validates it (electron/common/print/savePdf.ts).
    savePdf: async (request: unknown): Promise<SavePdfResult> => {
      try {
        return (await ipcRenderer.invoke(SAVE_PDF_CHANNEL, request)) as SavePdfResult;
      } catch (error) {
        return { ok: false, error: { code: 'INTERNAL', message: `saving the PDF failed: ${error instanceof Error ? error.message : String(error)}` } };
      }
    },
  } satisfies LedgerPrint),
);
