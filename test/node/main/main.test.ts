import { existsSync } from 'node:fs';
// The entry point only wires; this checks the wiring against a thin stand-in for `electron`
// (the real module cannot load outside Electron) with the real core on a real SQLite file.
import { EventEmitter } from 'node:events';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Result } from '../../../electron/common/result.js';
import type { CallEvent } from '../../../electron/main/ipc.js';
import { seedDatabase } from '../../harness/seed.js';

type Listener = (...args: unknown[]) => void;

function electronStub({ appPath, appData, packaged }: { appPath: string; appData: string; packaged: boolean }) {
  const log: string[] = [];
  const appEvents = new EventEmitter();
  const app = {
    isPackaged: packaged,
    getAppPath: () => appPath,
    getPath: (name: string) => {
      if (name !== 'appData') throw new Error(`unexpected getPath(${name})`);
      return appData;
    },
    setPath: vi.fn(),
    getVersion: () => '9.9.9',
    enableSandbox: vi.fn(() => log.push('enableSandbox')),
    commandLine: { appendSwitch: vi.fn() },
    on: (name: string, listener: Listener) => appEvents.on(name, listener),
    once: (name: string, listener: Listener) => appEvents.once(name, listener),
    requestSingleInstanceLock: () => true,
    whenReady: () => {
      log.push('whenReady');
      return Promise.resolve();
    },
    quit: vi.fn(() => log.push('quit')),
    exit: vi.fn(),
  };
  const windows: StubWindow[] = [];
  class StubWindow {
    readonly events = new EventEmitter();
    readonly contentsEvents = new EventEmitter();
    readonly webContents = { id: 41, once: (name: string, listener: Listener) => this.contentsEvents.once(name, listener) };
    readonly loadURL = vi.fn(() => Promise.resolve());
    readonly show = vi.fn();
    constructor(readonly options: { webPreferences?: Record<string, unknown> }) {
      windows.push(this);
      log.push('BrowserWindow');
    }
    once(name: string, listener: Listener) {
      this.events.once(name, listener);
      return this;
    }
    isDestroyed = () => false;
    isMinimized = () => false;
    restore = vi.fn();
    focus = vi.fn();
  }
  const handlers = new Map<string, (event: CallEvent, ...args: unknown[]) => Promise<Result<unknown>>>();
  const stub = {
    app,
    BrowserWindow: StubWindow,
    Menu: { setApplicationMenu: vi.fn() },
    dialog: { showErrorBox: vi.fn((title: string, _message: string) => log.push(`dialog:${title}`)) },
    ipcMain: {
      handle: vi.fn((channel: string, listener: (event: CallEvent, ...args: unknown[]) => Promise<Result<unknown>>) => void handlers.set(channel, listener)),
      removeHandler: vi.fn((channel: string) => void handlers.delete(channel)),
    },
    protocol: {
      registerSchemesAsPrivileged: vi.fn(() => log.push('registerSchemesAsPrivileged')),
      handle: vi.fn(() => log.push('protocol.handle')),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: vi.fn(),
        setPermissionCheckHandler: vi.fn(),
        setDevicePermissionHandler: vi.fn(),
        setSpellCheckerEnabled: vi.fn(),
        on: vi.fn(),
        webRequest: { onBeforeRequest: vi.fn() },
      },
    },
  };
  return { stub, log, windows, handlers, appEvents };
}

async function runMain(stub: object): Promise<void> {
  vi.resetModules();
  vi.doMock('electron', () => ({ ...stub }));
  const main = await import('../../../electron/main/main.js');
  await main.started;
}

describe('electron/main/main.ts', () => {
  let dir: string;
  let appData: string;
  const appPath = path.resolve('/opt/enclave-ledger/resources/app.asar');

  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'ledger-main-'));
    appData = path.join(dir, 'config');
    await mkdir(appData);
  });
  afterEach(async () => {
    vi.doUnmock('electron');
    await rm(dir, { recursive: true, force: true });
  });

  it('on first run creates the database and opens the window for the first-run setup', async () => {
    const { stub, log, windows } = electronStub({ appPath, appData, packaged: true });
    await runMain(stub);

    expect(stub.dialog.showErrorBox).not.toHaveBeenCalled();
    expect(existsSync(path.join(appData, 'Enclave Ledger', 'enclave-ledger.sqlite'))).toBe(true);
    expect(windows).toHaveLength(1);
    expect(stub.ipcMain.handle).toHaveBeenCalled();
    expect(log.indexOf('registerSchemesAsPrivileged')).toBeLessThan(log.indexOf('whenReady'));
  });

  it('hardens before ready, then wires core, IPC, protocol and a hardened window', async () => {
    const userData = path.join(appData, 'Enclave Ledger');
    await mkdir(userData);
    const seeded = await seedDatabase({ dir: userData, fileName: 'enclave-ledger.sqlite' });
    const { stub, log, windows, handlers, appEvents } = electronStub({ appPath, appData, packaged: true });
    await runMain(stub);

    expect(stub.dialog.showErrorBox).not.toHaveBeenCalled();
    expect(stub.app.setPath).toHaveBeenCalledWith('userData', userData);
    expect(log.slice(0, 3)).toEqual(['enableSandbox', 'registerSchemesAsPrivileged', 'whenReady']);
    expect(stub.app.commandLine.appendSwitch).toHaveBeenCalledWith('host-resolver-rules', 'MAP * ~NOTFOUND');
    expect(stub.session.defaultSession.setPermissionRequestHandler).toHaveBeenCalled();
    expect(stub.session.defaultSession.webRequest.onBeforeRequest).toHaveBeenCalled();
    expect(stub.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect(stub.Menu.setApplicationMenu).toHaveBeenCalledWith(null);

    expect(windows).toHaveLength(1);
    const [window] = windows;
    if (!window) throw new Error('no window');
    expect(window.options.webPreferences).toMatchObject({
      preload: path.join(appPath, 'dist', 'preload', 'preload.cjs'),
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      devTools: false,
    });
    expect(window.loadURL).toHaveBeenCalledWith('app://ledger/index.html');
    expect(window.show).not.toHaveBeenCalled();
    window.events.emit('ready-to-show');
    expect(window.show).toHaveBeenCalled();

    const call = handlers.get('ledger:call');
    if (!call) throw new Error('ledger:call not registered');
    const fromWindow: CallEvent = { sender: { id: window.webContents.id }, senderFrame: { url: 'app://ledger/index.html', parent: null } };
    expect(await call(fromWindow, 'system.info', {})).toMatchObject({ ok: true, value: { siteId: 'SITE-A', appVersion: '9.9.9' } });
    expect(await call({ ...fromWindow, sender: { id: 999 } }, 'system.info', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    // Sync bundles only where the window's own file dialogs pointed (fileDialogs.ts).
    expect([...handlers.keys()].sort()).toEqual(['files:pickBundles', 'files:pickFolder', 'ledger:call', 'print:savePdf']);
    expect(await call(fromWindow, 'sync.preview', { path: '/etc/passwd' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    appEvents.emit('will-quit');
    expect(stub.ipcMain.removeHandler).toHaveBeenCalledWith('ledger:call');
    expect(stub.ipcMain.removeHandler).toHaveBeenCalledWith('files:pickFolder');
    expect(stub.ipcMain.removeHandler).toHaveBeenCalledWith('print:savePdf');
    await seeded.cleanup();
  });

  it('allows DevTools and keeps the menu in an unpackaged build', async () => {
    const userData = path.join(appData, 'Enclave Ledger');
    await mkdir(userData);
    await seedDatabase({ dir: userData, fileName: 'enclave-ledger.sqlite' });
    const { stub, windows, appEvents } = electronStub({ appPath, appData, packaged: false });
    await runMain(stub);
    expect(windows[0]?.options.webPreferences?.devTools).toBe(true);
    expect(stub.Menu.setApplicationMenu).not.toHaveBeenCalled();
    appEvents.emit('will-quit');
  });
});
