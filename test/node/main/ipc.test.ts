import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Result } from '../../../electron/common/result.js';
import type { CallEvent, LedgerIpcOptions } from '../../../electron/main/ipc.js';
import { LEDGER_CHANNEL, registerLedgerIpc } from '../../../electron/main/ipc.js';
import type { Connection } from '../../../electron/node/core.js';
import { seedDatabase, type SeededDb } from '../../harness/seed.js';
import { createCore } from '../../../electron/node/core.js';
import { openDb } from '../../../db/open.js';

// Nothing here may load the real electron module (it throws outside Electron).
vi.mock('electron', () => {
  throw new Error('electron must not be loaded by the IPC adapter');
});

type Listener = (event: CallEvent, ...args: unknown[]) => Promise<Result<unknown>>;

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

const APP_FRAME = { url: 'app://ledger/index.html', parent: null };

function setup(dispatch: (conn: Connection, method: string, input: unknown) => Promise<Result<unknown>>) {
  const { ipcMain, handlers, spies } = fakeIpcMain();
  const logError = vi.fn();
  const core = { dispatch: vi.fn(dispatch), endConnection: vi.fn() };
  const ipc = registerLedgerIpc({ ipcMain, core, workstation: 'ws-1', logError });
  const call = (event: CallEvent, method: unknown, input?: unknown) => {
    const listener = handlers.get(LEDGER_CHANNEL);
    if (!listener) throw new Error('no handler registered');
    return listener(event, method, input);
  };
  return { ipc, core, call, logError, spies, handlers };
}

const okDispatch = (_conn: Connection, method: string) => Promise.resolve<Result<unknown>>({ ok: true, value: { method } });

describe('registerLedgerIpc', () => {
  it('registers exactly one channel, ledger:call', () => {
    const { spies, handlers } = setup(okDispatch);
    expect(spies.handle).toHaveBeenCalledTimes(1);
    expect([...handlers.keys()]).toEqual(['ledger:call']);
  });

  it("passes a valid call to dispatch with the window's own connection and returns its Result", async () => {
    const { ipc, core, call } = setup(okDispatch);
    const contents = fakeContents(7);
    const connection = ipc.attach(contents);
    expect(connection).toEqual({ session: null, workstation: 'ws-1' });

    const result = await call({ sender: { id: 7 }, senderFrame: APP_FRAME }, 'system.info', {});
    expect(result).toEqual({ ok: true, value: { method: 'system.info' } });
    expect(core.dispatch).toHaveBeenCalledWith(connection, 'system.info', {});
    expect(core.dispatch.mock.calls[0]?.[0]).toBe(connection);
  });

  it('gives each window its own connection and drops it when the window goes', async () => {
    const { ipc, core, call } = setup(okDispatch);
    const first = fakeContents(1);
    const second = fakeContents(2);
    const a = ipc.attach(first);
    const b = ipc.attach(second);
    expect(a).not.toBe(b);
    expect(ipc.attach(first)).toBe(a);

    await call({ sender: { id: 2 }, senderFrame: APP_FRAME }, 'system.info', {});
    expect(core.dispatch.mock.calls[0]?.[0]).toBe(b);

    first.destroy();
    expect(ipc.connectionOf(1)).toBeUndefined();
    // Closing a window ends its session in the audit trail.
    expect(core.endConnection).toHaveBeenCalledWith(a);
    const after = await call({ sender: { id: 1 }, senderFrame: APP_FRAME }, 'system.info', {});
    expect(after).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('rejects unknown method names with UNKNOWN_METHOD, never calling the core', async () => {
    const { ipc, core, call } = setup(okDispatch);
    ipc.attach(fakeContents(1));
    for (const method of ['no.such', '__proto__', 'constructor', 'toString', '', 42, null, { method: 'system.info' }, undefined]) {
      const result = await call({ sender: { id: 1 }, senderFrame: APP_FRAME }, method, {});
      expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    }
    expect(core.dispatch).not.toHaveBeenCalled();
  });

  it('rejects senders other than an application window on app://ledger/ with FORBIDDEN', async () => {
    const { ipc, core, call } = setup(okDispatch);
    ipc.attach(fakeContents(1));
    const foreign: CallEvent[] = [
      { sender: { id: 99 }, senderFrame: APP_FRAME },
      { sender: { id: 1 }, senderFrame: null },
      { sender: { id: 1 }, senderFrame: { url: 'https://evil.example/index.html', parent: null } },
      { sender: { id: 1 }, senderFrame: { url: 'file:///opt/ledger/dist/renderer/index.html', parent: null } },
      { sender: { id: 1 }, senderFrame: { url: 'app://other/index.html', parent: null } },
      { sender: { id: 1 }, senderFrame: { url: 'app://ledger:8080/index.html', parent: null } },
      { sender: { id: 1 }, senderFrame: { url: 'app://user@ledger/index.html', parent: null } },
      { sender: { id: 1 }, senderFrame: { url: 'devtools://devtools/bundled/index.html', parent: null } },
      { sender: { id: 1 }, senderFrame: { url: 'app://ledger/frame.html', parent: APP_FRAME } },
    ];
    for (const event of foreign) {
      expect(await call(event, 'system.info', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(core.dispatch).not.toHaveBeenCalled();
  });

  it('rejects input that is not plain data with INVALID_INPUT', async () => {
    const { ipc, core, call } = setup(okDispatch);
    ipc.attach(fakeContents(1));
    const cyclic: Record<string, unknown> = {};
    cyclic.me = cyclic;
    for (const input of [new Map([[1, 2]]), { at: new Date() }, cyclic, 5n, { n: NaN }, 'x'.repeat(3 * 1024 * 1024)]) {
      expect(await call({ sender: { id: 1 }, senderFrame: APP_FRAME }, 'system.info', input)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    }
    expect(core.dispatch).not.toHaveBeenCalled();
  });

  it('turns a core that throws or rejects into INTERNAL, never an exception', async () => {
    const thrown = setup(() => {
      throw new Error('boom');
    });
    thrown.ipc.attach(fakeContents(1));
    await expect(thrown.call({ sender: { id: 1 }, senderFrame: APP_FRAME }, 'system.info', {})).resolves.toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: 'internal error' },
    });
    expect(thrown.logError).toHaveBeenCalledOnce();

    const rejected = setup(() => Promise.reject(new Error('later boom')));
    rejected.ipc.attach(fakeContents(1));
    await expect(rejected.call({ sender: { id: 1 }, senderFrame: APP_FRAME }, 'system.info', {})).resolves.toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });

  it('unregisters the channel on dispose', () => {
    const { ipc, spies, handlers } = setup(okDispatch);
    ipc.dispose();
    expect(spies.removeHandler).toHaveBeenCalledWith('ledger:call');
    expect(handlers.size).toBe(0);
  });
});

describe('registerLedgerIpc with the real core', () => {
  let seeded: SeededDb | undefined;
  afterEach(async () => {
    await seeded?.cleanup();
    seeded = undefined;
  });

  it('serves system.info and keeps a sign-in to the window that made it', async () => {
    seeded = await seedDatabase();
    const core = createCore({ db: openDb(seeded.dbPath), clock: seeded.clock, appVersion: '1.2.3', passwordIterations: 1000 });
    try {
      const { ipcMain, handlers } = fakeIpcMain();
      const ipc = registerLedgerIpc({ ipcMain, core, workstation: 'ws-1' });
      ipc.attach(fakeContents(1));
      ipc.attach(fakeContents(2));
      const listener = handlers.get(LEDGER_CHANNEL);
      if (!listener) throw new Error('no handler');
      const from = (id: number): CallEvent => ({ sender: { id }, senderFrame: APP_FRAME });

      expect(await listener(from(1), 'system.info', {})).toMatchObject({ ok: true, value: { siteId: 'SITE-A', systemHigh: 'SECRET', appVersion: '1.2.3' } });
      const { admin } = seeded.users;
      expect(await listener(from(1), 'session.signIn', { username: admin.username, password: admin.password })).toMatchObject({ ok: true, value: { username: 'admin', workstation: 'ws-1' } });
      expect(await listener(from(1), 'session.current', {})).toMatchObject({ ok: true });
      expect(await listener(from(2), 'session.current', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
      expect(await listener(from(1), 'users.create', { username: 'x' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    } finally {
      core.close();
    }
  });
});
