// The IPC adapter: one channel, `ledger:call`, into core.dispatch. It checks the boundary
// (sender, method name, plain data) and never throws: every answer is a Result. Each window's
// web contents has its own Connection (its session), created when the window is made and dropped
// when its contents are destroyed.
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import type { MethodName } from '../common/contract/index.js';
import { isMethodName } from '../common/contract/index.js';
import type { ErrorCode, Result } from '../common/result.js';
import type { Connection, Core } from '../node/core.js';
import { isAppUrl } from './appProtocol.js';
import { plainDataProblem } from './plainData.js';

export const LEDGER_CHANNEL = 'ledger:call';

/** The parts of an invoke event the adapter reads (an IpcMainInvokeEvent has them). */
export interface CallEvent {
  sender: { id: number };
  senderFrame: { url: string; parent: unknown } | null;
}

/** The parts of a window's web contents the adapter needs. */
export interface AttachableContents {
  id: number;
  once(event: 'destroyed', listener: () => void): unknown;
}

export interface LedgerIpcOptions {
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>;
  core: Pick<Core, 'dispatch' | 'endConnection'>;
  /** The workstation's host name, recorded with every session. */
  workstation: string;
  /** Where unexpected errors are reported; defaults to console.error. */
  logError?: (message: string, error: unknown) => void;
  /**
   * A last check before dispatch (after sender, method and plain data): a reason to refuse the
   * call with FORBIDDEN, or null. main.ts passes fileDialogs' pickedPathProblem, so sync calls
   * name only paths the window's own file dialogs returned.
   */
  checkCall?: (contentsId: number, method: MethodName, input: unknown) => string | null;
}

export interface LedgerIpc {
  /** Gives a window's contents its own Connection, dropped when the contents are destroyed. */
  attach(contents: AttachableContents): Connection;
  connectionOf(contentsId: number): Connection | undefined;
  /** The handler as registered, for tests and for callers that route calls themselves. */
  handleCall(event: CallEvent, method: unknown, input: unknown): Promise<Result<unknown>>;
  dispose(): void;
}

function failure(code: ErrorCode, message: string): Result<never> {
  return { ok: false, error: { code, message } };
}

function describeMethod(method: unknown): string {
  return typeof method === 'string' ? JSON.stringify(method.slice(0, 80)) : `a ${method === null ? 'null' : typeof method}`;
}

export function registerLedgerIpc(options: LedgerIpcOptions): LedgerIpc {
  const { ipcMain, core, workstation } = options;
  const logError = options.logError ?? ((message: string, error: unknown) => console.error(message, error));
  const connections = new Map<number, Connection>();

  function senderProblem(event: CallEvent): string | null {
    if (!connections.has(event.sender.id)) return 'the caller is not an application window';
    const frame = event.senderFrame;
    if (frame === null) return 'the calling frame is gone';
    if (frame.parent !== null) return 'only the top-level frame may call';
    if (!isAppUrl(frame.url)) return 'the calling page is not the application';
    return null;
  }

  async function handleCall(event: CallEvent, method: unknown, input: unknown): Promise<Result<unknown>> {
    try {
      const problem = senderProblem(event);
      if (problem !== null) return failure('FORBIDDEN', problem);
      const connection = connections.get(event.sender.id);
      if (connection === undefined) return failure('FORBIDDEN', 'the caller is not an application window');
      if (!isMethodName(method)) return failure('UNKNOWN_METHOD', `unknown method ${describeMethod(method)}`);
      const inputProblem = plainDataProblem(input);
      if (inputProblem !== null) return failure('INVALID_INPUT', inputProblem);
      const refused = options.checkCall?.(event.sender.id, method, input) ?? null;
      if (refused !== null) return failure('FORBIDDEN', refused);
      return await core.dispatch(connection, method, input);
    } catch (error) {
      logError(`ledger:call ${describeMethod(method)} failed`, error);
      return failure('INTERNAL', 'internal error');
    }
  }

  ipcMain.handle(LEDGER_CHANNEL, (event: IpcMainInvokeEvent, method: unknown, input: unknown) => handleCall(event, method, input));

  return {
    attach(contents) {
      const existing = connections.get(contents.id);
      if (existing) return existing;
      const connection: Connection = { session: null, workstation };
      connections.set(contents.id, connection);
      contents.once('destroyed', () => {
        connections.delete(contents.id);
        core.endConnection(connection);
      });
      return connection;
    },
    connectionOf: (id) => connections.get(id),
    handleCall,
    dispose() {
      ipcMain.removeHandler(LEDGER_CHANNEL);
      connections.clear();
    },
  };
}
