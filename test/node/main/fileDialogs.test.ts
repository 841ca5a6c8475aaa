// The file dialogs of the Sync screen and the rule they carry: the core reads and writes only
// paths a window picked in its own dialogs. Electron is stubbed (the real module cannot load
// outside Electron); the IPC adapter is the real one, with a fake core that records what reaches
// it, and once with the real core on a seeded database.
import { EventEmitter } from 'node:events';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Result } from '../../../electron/common/result.js';
import type { DialogEvent, FileDialogsOptions } from '../../../electron/main/fileDialogs.js';
import { BUNDLE_FILTERS, MAX_REMEMBERED_FILES, PICK_BUNDLES_CHANNEL, PICK_FOLDER_CHANNEL, registerFileDialogs } from '../../../electron/main/fileDialogs.js';
import type { CallEvent, LedgerIpcOptions } from '../../../electron/main/ipc.js';
import { LEDGER_CHANNEL, registerLedgerIpc } from '../../../electron/main/ipc.js';
import type { Connection } from '../../../electron/node/core.js';
import { createCore } from '../../../electron/node/core.js';
import { openDb } from '../../../db/open.js';
import { seedDatabase, type SeededDb } from '../../harness/seed.js';
import { TEST_PASSWORD_ITERATIONS } from '../../harness/defaults.js';

vi.mock('electron', () => {
  throw new Error('electron must not be loaded by the file dialogs');
});

type Listener = (event: unknown, ...args: unknown[]) => Promise<Result<unknown>>;

/** What the tests read of Electron's OpenDialogOptions. */
interface OpenDialogOptions {
  properties?: string[];
  filters?: unknown;
}

const APP_FRAME = { url: 'app://ledger/index.html', parent: null };

function fakeIpcMain() {
  const handlers = new Map<string, Listener>();
  const ipcMain = {
    handle: vi.fn((channel: string, listener: Listener) => void handlers.set(channel, listener)),
    removeHandler: vi.fn((channel: string) => void handlers.delete(channel)),
  };
  return { ipcMain: ipcMain as unknown as LedgerIpcOptions['ipcMain'], handlers, spies: ipcMain };
}

function fakeContents(id: number) {
  const emitter = new EventEmitter();
  return { id, once: (event: 'destroyed', listener: () => void) => emitter.once(event, listener), destroy: () => emitter.emit('destroyed') };
}

type Contents = ReturnType<typeof fakeContents>;

/** The dialog answers with whatever the test queues, recording the window and options it was shown with. */
function fakeDialog() {
  const answers: { canceled: boolean; filePaths: string[] }[] = [];
  const shown: { window: unknown; options: OpenDialogOptions }[] = [];
  let failure: Error | null = null;
  const showOpenDialog = vi.fn((windowOrOptions: unknown, maybeOptions?: OpenDialogOptions) => {
    const options = maybeOptions ?? (windowOrOptions as OpenDialogOptions);
    shown.push({ window: maybeOptions ? windowOrOptions : null, options });
    if (failure) return Promise.reject(failure);
    return Promise.resolve(answers.shift() ?? { canceled: true, filePaths: [] });
  });
  return {
    dialog: { showOpenDialog } as unknown as FileDialogsOptions['dialog'],
    showOpenDialog,
    shown,
    answer: (filePaths: string[]) => answers.push({ canceled: false, filePaths }),
    cancel: () => answers.push({ canceled: true, filePaths: [] }),
    fail: (error: Error) => void (failure = error),
  };
}

function setup() {
  const { ipcMain, handlers, spies } = fakeIpcMain();
  const dialog = fakeDialog();
  const logError = vi.fn();
  const dispatch = vi.fn((_conn: Connection, method: string) => Promise.resolve<Result<unknown>>({ ok: true, value: { method } }));
  const core = { dispatch, endConnection: vi.fn() };
  const windows = new Map<number, { name: string }>();
  const files = registerFileDialogs({
    ipcMain,
    dialog: dialog.dialog,
    isAppWindow: (id) => ipc.connectionOf(id) !== undefined,
    windowOf: (sender) => (windows.get(sender.id) ?? null) as never,
    logError,
  });
  const ipc = registerLedgerIpc({ ipcMain, core, workstation: 'ws-1', checkCall: files.pickedPathProblem });
  const open = (contents: Contents) => {
    ipc.attach(contents);
    windows.set(contents.id, { name: `window ${contents.id}` });
    return contents;
  };
  const event = (contents: { id: number; once: Contents['once'] }, frame: DialogEvent['senderFrame'] = APP_FRAME): DialogEvent => ({ sender: contents, senderFrame: frame });
  const invoke = (channel: string, e: DialogEvent) => {
    const listener = handlers.get(channel);
    if (!listener) throw new Error(`${channel} not registered`);
    return listener(e);
  };
  const call = (contents: Contents, method: string, input: unknown) => {
    const listener = handlers.get(LEDGER_CHANNEL);
    if (!listener) throw new Error('no ledger:call');
    const e: CallEvent = { sender: { id: contents.id }, senderFrame: APP_FRAME };
    return listener(e, method, input);
  };
  return { files, ipc, dialog, logError, dispatch, handlers, spies, open, event, invoke, call };
}

describe('registerFileDialogs', () => {
  it('registers files:pickFolder and files:pickBundles next to ledger:call', () => {
    const { handlers } = setup();
    expect([...handlers.keys()].sort()).toEqual([PICK_BUNDLES_CHANNEL, PICK_FOLDER_CHANNEL, LEDGER_CHANNEL].sort());
    expect([PICK_FOLDER_CHANNEL, PICK_BUNDLES_CHANNEL]).toEqual(['files:pickFolder', 'files:pickBundles']);
  });

  it('shows a folder dialog on the sender’s own window and remembers the folder picked', async () => {
    const { invoke, event, open, dialog, files } = setup();
    const win = open(fakeContents(3));
    dialog.answer(['/media/usb/outgoing']);
    expect(await invoke(PICK_FOLDER_CHANNEL, event(win))).toEqual({ ok: true, value: '/media/usb/outgoing' });
    expect(dialog.shown[0]?.window).toEqual({ name: 'window 3' });
    expect(dialog.shown[0]?.options.properties).toEqual(expect.arrayContaining(['openDirectory']));
    expect(dialog.shown[0]?.options.properties).not.toContain('openFile');
    expect(files.picked(3)).toEqual({ folders: ['/media/usb/outgoing'], files: [] });

    dialog.cancel();
    expect(await invoke(PICK_FOLDER_CHANNEL, event(win))).toEqual({ ok: true, value: null });
    expect(files.picked(3).folders).toEqual(['/media/usb/outgoing']);
  });

  it('shows a multi-file dialog filtered to *.ledger.tar and remembers every file picked', async () => {
    const { invoke, event, open, dialog, files } = setup();
    const win = open(fakeContents(4));
    const picked = ['/media/usb/SITE-A_1-12_SECRET.ledger.tar', '/media/usb/SITE-B_1-3_UNCLASSIFIED.ledger.tar'];
    dialog.answer(picked);
    expect(await invoke(PICK_BUNDLES_CHANNEL, event(win))).toEqual({ ok: true, value: picked });
    const options = dialog.shown[0]?.options;
    expect(options?.properties).toEqual(expect.arrayContaining(['openFile', 'multiSelections']));
    expect(options?.properties).not.toContain('openDirectory');
    expect(options?.filters).toEqual(BUNDLE_FILTERS);
    expect(BUNDLE_FILTERS).toEqual([{ name: expect.stringContaining('*.ledger.tar'), extensions: ['ledger.tar'] }]);
    expect(files.picked(4).files).toEqual(picked);

    dialog.cancel();
    expect(await invoke(PICK_BUNDLES_CHANNEL, event(win))).toEqual({ ok: true, value: [] });
  });

  it('shows no dialog to a sender that is not an application window on app://ledger/', async () => {
    const { invoke, event, open, dialog } = setup();
    const win = open(fakeContents(1));
    const stranger = fakeContents(99); // never attached
    const refused: DialogEvent[] = [
      event(stranger),
      event(win, null),
      event(win, { url: 'app://ledger/frame.html', parent: APP_FRAME }),
      event(win, { url: 'https://evil.example/', parent: null }),
      event(win, { url: 'file:///opt/ledger/dist/renderer/index.html', parent: null }),
    ];
    for (const e of refused) {
      for (const channel of [PICK_FOLDER_CHANNEL, PICK_BUNDLES_CHANNEL]) {
        expect(await invoke(channel, e)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      }
    }
    expect(dialog.showOpenDialog).not.toHaveBeenCalled();
  });

  it('reports a failing dialog as INTERNAL, logged, not as an exception', async () => {
    const { invoke, event, open, dialog, logError } = setup();
    const win = open(fakeContents(1));
    dialog.fail(new Error('no display'));
    await expect(invoke(PICK_FOLDER_CHANNEL, event(win))).resolves.toEqual({ ok: false, error: { code: 'INTERNAL', message: 'the file dialog failed' } });
    expect(logError).toHaveBeenCalledOnce();
  });

  it('lets sync calls reach the core only with paths this window picked', async () => {
    const { invoke, event, open, dialog, call, dispatch } = setup();
    const win = open(fakeContents(1));
    const other = open(fakeContents(2));
    dialog.answer(['/media/usb']);
    await invoke(PICK_FOLDER_CHANNEL, event(win));
    const bundle = '/media/usb/SITE-A_1-12_SECRET.ledger.tar';
    dialog.answer([bundle]);
    await invoke(PICK_BUNDLES_CHANNEL, event(win));

    const forbidden: [string, unknown][] = [
      ['sync.export', { outDir: '/tmp', passphrase: 'x' }],
      ['sync.export', { outDir: '/media/usb/../../etc', passphrase: 'x' }],
      ['sync.export', { outDir: '/media/usb/', passphrase: 'x' }],
      ['sync.export', { passphrase: 'x' }],
      ['sync.export', { outDir: ['/media/usb'], passphrase: 'x' }],
      ['sync.exportAck', { siteId: 'SITE-A', outDir: '/home/user', passphrase: 'x' }],
      // A folder picked for writing is not a file picked for reading, and the other way round.
      ['sync.exportAck', { siteId: 'SITE-A', outDir: bundle, passphrase: 'x' }],
      ['sync.preview', { paths: ['/media/usb'] }],
      ['sync.preview', { paths: [bundle, '/etc/shadow'] }],
      ['sync.preview', { paths: [`${bundle}/../../../etc/shadow`] }],
      ['sync.preview', { path: bundle }],
      ['sync.import', { paths: [bundle, '/etc/shadow'] }],
      ['sync.import', { paths: bundle }],
      ['sync.import', null],
    ];
    for (const [method, input] of forbidden) {
      const result = await call(win, method, input);
      expect(result, `${method} ${JSON.stringify(input)}`).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    // Another window did not pick them.
    expect(await call(other, 'sync.preview', { paths: [bundle] })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await call(other, 'sync.export', { outDir: '/media/usb', passphrase: 'x' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(dispatch).not.toHaveBeenCalled();

    for (const [method, input] of [
      ['sync.export', { outDir: '/media/usb', passphrase: 'x' }],
      ['sync.exportAck', { siteId: 'SITE-A', outDir: '/media/usb', passphrase: 'x' }],
      ['sync.preview', { paths: [bundle] }],
      ['sync.import', { paths: [bundle] }],
      // Calls that name no path are not this rule's business.
      ['system.info', {}],
      ['sync.status', {}],
    ] as const) {
      expect(await call(win, method, input)).toEqual({ ok: true, value: { method } });
    }
    expect(dispatch).toHaveBeenCalledTimes(6);
  });

  it('forgets a window’s picks when its contents are destroyed', async () => {
    const { invoke, event, open, dialog, files } = setup();
    const win = open(fakeContents(5));
    dialog.answer(['/media/usb']);
    await invoke(PICK_FOLDER_CHANNEL, event(win));
    expect(files.pickedPathProblem(5, 'sync.export', { outDir: '/media/usb', passphrase: 'x' })).toBeNull();
    win.destroy();
    expect(files.picked(5)).toEqual({ folders: [], files: [] });
    expect(files.pickedPathProblem(5, 'sync.export', { outDir: '/media/usb', passphrase: 'x' })).toMatch(/was not chosen/);
  });

  it('remembers a bounded number of files, the newest', async () => {
    const { invoke, event, open, dialog, files } = setup();
    const win = open(fakeContents(6));
    const many = Array.from({ length: MAX_REMEMBERED_FILES + 5 }, (_, i) => `/media/usb/b${i}.ledger.tar`);
    dialog.answer(many.slice(0, 10));
    await invoke(PICK_BUNDLES_CHANNEL, event(win));
    dialog.answer(many.slice(10));
    await invoke(PICK_BUNDLES_CHANNEL, event(win));
    const kept = files.picked(6).files;
    expect(kept.length).toBeLessThanOrEqual(MAX_REMEMBERED_FILES);
    expect(kept).toContain(many[10]);
  });

  it('unregisters both channels on dispose', () => {
    const { files, spies, handlers } = setup();
    files.dispose();
    expect(spies.removeHandler).toHaveBeenCalledWith(PICK_FOLDER_CHANNEL);
    expect(spies.removeHandler).toHaveBeenCalledWith(PICK_BUNDLES_CHANNEL);
    expect([...handlers.keys()]).toEqual([LEDGER_CHANNEL]);
  });
});

describe('file dialogs with the real core', () => {
  let seeded: SeededDb | undefined;
  let medium: string | undefined;
  afterEach(async () => {
    await seeded?.cleanup();
    seeded = undefined;
    if (medium) rmSync(medium, { recursive: true, force: true });
    medium = undefined;
  });

  it('writes nothing to a folder the window did not pick; a picked one reaches the core', async () => {
    seeded = await seedDatabase();
    medium = mkdtempSync(path.join(os.tmpdir(), 'ledger-medium-'));
    const elsewhere = path.join(medium, 'elsewhere');
    const core = createCore({ db: openDb(seeded.dbPath), clock: seeded.clock, appVersion: 'test', passwordIterations: TEST_PASSWORD_ITERATIONS });
    try {
      const { ipcMain, handlers } = fakeIpcMain();
      const dialog = fakeDialog();
      const files = registerFileDialogs({ ipcMain, dialog: dialog.dialog, isAppWindow: (id) => ipc.connectionOf(id) !== undefined, windowOf: () => null });
      const ipc = registerLedgerIpc({ ipcMain, core, workstation: 'ws-1', checkCall: files.pickedPathProblem });
      const win = fakeContents(1);
      ipc.attach(win);
      const call = handlers.get(LEDGER_CHANNEL) as Listener;
      const from: CallEvent = { sender: { id: 1 }, senderFrame: APP_FRAME };
      // Signed in as the administrator and security officer in this window.
      const { admin } = seeded.users;
      expect(await call(from, 'session.signIn', { username: admin.username, password: admin.password })).toMatchObject({ ok: true });

      expect(await call(from, 'sync.export', { outDir: elsewhere, passphrase: 'Whatever-passphrase-1!' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(existsSync(elsewhere)).toBe(false);

      dialog.answer([medium]);
      await (handlers.get(PICK_FOLDER_CHANNEL) as Listener)({ sender: win, senderFrame: APP_FRAME });
      // The picked folder reaches the core, which answers on its own terms (no signing identity yet).
      const answer = await call(from, 'sync.export', { outDir: medium, passphrase: 'Whatever-passphrase-1!' });
      expect(answer).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringMatching(/signing identity|trust store/) } });
      expect(readdirSync(medium)).toEqual([]);
    } finally {
      core.close();
    }
  });
});
