// The desktop entry point (package.json "main": out/electron/main/main.js). It only wires:
// hardening and the app scheme before `ready`; then the database and core, the IPC adapter, the
// app protocol and the window. Every behaviour lives in the core (electron/node).
import os from 'node:os';
import type { WebContents } from 'electron';
import { BrowserWindow, Menu, app, dialog, ipcMain, protocol, session } from 'electron';
import { systemClock } from '../node/clock.js';
import { APP_INDEX_URL, handleAppProtocol, registerAppScheme } from './appProtocol.js';
import { registerFileDialogs } from './fileDialogs.js';
import { hardenApp, hardenSession } from './hardening.js';
import type { LedgerIpc } from './ipc.js';
import { registerLedgerIpc } from './ipc.js';
import { resolveAppPaths } from './paths.js';
import { registerPrintPdf } from './printPdf.js';
import { openLedger } from './startup.js';
import { windowOptions } from './windowOptions.js';

const paths = resolveAppPaths({ appPath: app.getAppPath(), appData: app.getPath('appData') });
const allowDevTools = !app.isPackaged;

app.setPath('userData', paths.userData);
hardenApp(app, { allowDevTools });
registerAppScheme(protocol);

/** Settles when start-up has finished (window shown or refusal reported); tests await it. */
export const started: Promise<void> = app.requestSingleInstanceLock()
  ? app.whenReady().then(start).catch(fatal)
  : Promise.resolve(app.quit());

async function start(): Promise<void> {
  const workstation = os.hostname();
  const ledger = await openLedger({ dbPath: paths.dbPath, clock: systemClock, appVersion: app.getVersion(), workstation });
  if (!ledger.ok) {
    dialog.showErrorBox(ledger.title, ledger.message);
    app.quit();
    return;
  }
  const { core } = ledger;
  hardenSession(session.defaultSession, { allowDevTools });
  handleAppProtocol(protocol, paths.rendererDir);
  if (app.isPackaged) Menu.setApplicationMenu(null);
  // Sync bundles are read and written only where the window's own file dialogs pointed.
  const files = registerFileDialogs({
    ipcMain,
    dialog,
    isAppWindow: (id) => ipc.connectionOf(id) !== undefined,
    windowOf: (sender) => BrowserWindow.fromWebContents(sender as WebContents),
  });
  const ipc = registerLedgerIpc({ ipcMain, core, workstation, checkCall: files.pickedPathProblem });
  // Printable forms: the calling window's own page, as a PDF, where the user chooses.
  const print = registerPrintPdf({
    ipcMain,
    dialog,
    isAppWindow: (id) => ipc.connectionOf(id) !== undefined,
    windowOf: (sender) => BrowserWindow.fromWebContents(sender as WebContents),
    defaultFolder: () => app.getPath('documents'),
  });

  const window = openWindow(ipc);
  app.on('second-instance', () => {
    if (window.isDestroyed()) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('window-all-closed', () => app.quit());
  app.once('will-quit', () => {
    files.dispose();
    print.dispose();
    ipc.dispose();
    core.close();
  });
}

function openWindow(ipc: LedgerIpc): BrowserWindow {
  const window = new BrowserWindow(windowOptions({ preloadPath: paths.preloadPath, devTools: allowDevTools }));
  ipc.attach(window.webContents);
  window.once('ready-to-show', () => window.show());
  window.loadURL(APP_INDEX_URL).catch(fatal);
  return window;
}

function fatal(error: unknown): void {
  console.error('Enclave Ledger failed to start', error);
  dialog.showErrorBox('Enclave Ledger failed to start', error instanceof Error ? error.message : String(error));
  app.exit(1);
}
