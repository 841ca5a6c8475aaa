// Native file dialogs for sync bundles, and the rule that goes with them: the core reads and
// writes only paths the user picked in one of these dialogs, in the same window. Two channels,
// `files:pickFolder` (the folder on the removable medium a bundle is written to) and
// `files:pickBundles` (bundle files to preview and import, *.ledger.tar), sender-checked like
// `ledger:call`. Each window's picks are remembered until its contents are destroyed, and
// `pickedPathProblem` (wired into the IPC adapter as `checkCall`) refuses sync.export,
// sync.exportAck, sync.preview and sync.import with FORBIDDEN for any other path, so a
// compromised renderer cannot make the core read or write arbitrary files.
import type { BaseWindow, Dialog, IpcMain, IpcMainInvokeEvent, OpenDialogOptions } from 'electron';
import type { MethodName } from '../common/contract/index.js';
import type { ErrorCode, Result } from '../common/result.js';
import { isAppUrl } from './appProtocol.js';

export const PICK_FOLDER_CHANNEL = 'files:pickFolder';
export const PICK_BUNDLES_CHANNEL = 'files:pickBundles';

/** Bundle files as writeBundle names them (docs/bundle-format.md): SITE_first-last_LEVEL.ledger.tar. */
export const BUNDLE_FILTERS = [{ name: 'Ledger bundles (*.ledger.tar)', extensions: ['ledger.tar'] }];

/** How many picks a window remembers (sync.import takes at most 1000 files). */
export const MAX_REMEMBERED_FILES = 1000;
export const MAX_REMEMBERED_FOLDERS = 100;

/** The parts of an invoke event the handlers read (an IpcMainInvokeEvent has them). */
export interface DialogEvent {
  sender: { id: number; once(event: 'destroyed', listener: () => void): unknown };
  senderFrame: { url: string; parent: unknown } | null;
}

export interface FileDialogsOptions {
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>;
  dialog: Pick<Dialog, 'showOpenDialog'>;
  /** Whether the contents are an application window (one the IPC adapter attached). */
  isAppWindow: (contentsId: number) => boolean;
  /** The window showing the contents (BrowserWindow.fromWebContents), for a modal dialog; or null. */
  windowOf: (sender: DialogEvent['sender']) => BaseWindow | null;
  logError?: (message: string, error: unknown) => void;
}

export interface FileDialogs {
  /** For the IPC adapter: why a call naming a path may not go to the core, or null. */
  pickedPathProblem: (contentsId: number, method: MethodName, input: unknown) => string | null;
  /** The paths a window picked (tests). */
  picked: (contentsId: number) => { folders: readonly string[]; files: readonly string[] };
  dispose: () => void;
}

type Kind = 'folder' | 'file';

/** Which input field of which method names a path, and whether it is one folder, one file or many files. */
const PATH_INPUTS: Partial<Record<MethodName, { field: string; kind: Kind; many: boolean }>> = {
  'sync.export': { field: 'outDir', kind: 'folder', many: false },
  'sync.exportAck': { field: 'outDir', kind: 'folder', many: false },
  'sync.preview': { field: 'paths', kind: 'file', many: true },
  'sync.import': { field: 'paths', kind: 'file', many: true },
};

function failure(code: ErrorCode, message: string): Result<never> {
  return { ok: false, error: { code, message } };
}

/** Keeps the newest `max` entries, each once. */
function remember(list: string[], paths: readonly string[], max: number): string[] {
  const next = [...list.filter((p) => !paths.includes(p)), ...paths];
  return next.slice(Math.max(0, next.length - max));
}

export function registerFileDialogs(options: FileDialogsOptions): FileDialogs {
  const { ipcMain, dialog } = options;
  const logError = options.logError ?? ((message: string, error: unknown) => console.error(message, error));
  const picks = new Map<number, { folders: string[]; files: string[] }>();

  function senderProblem(event: DialogEvent): string | null {
    if (!options.isAppWindow(event.sender.id)) return 'the caller is not an application window';
    const frame = event.senderFrame;
    if (frame === null) return 'the calling frame is gone';
    if (frame.parent !== null) return 'only the top-level frame may call';
    if (!isAppUrl(frame.url)) return 'the calling page is not the application';
    return null;
  }

  function picksOf(sender: DialogEvent['sender']): { folders: string[]; files: string[] } {
    let entry = picks.get(sender.id);
    if (!entry) {
      entry = { folders: [], files: [] };
      picks.set(sender.id, entry);
      // A new window (or reloaded contents with a new id) starts with nothing picked.
      sender.once('destroyed', () => picks.delete(sender.id));
    }
    return entry;
  }

  async function open(event: DialogEvent, dialogOptions: OpenDialogOptions): Promise<Result<string[] | null>> {
    const problem = senderProblem(event);
    if (problem !== null) return failure('FORBIDDEN', problem);
    try {
      const window = options.windowOf(event.sender);
      const answer = window ? await dialog.showOpenDialog(window, dialogOptions) : await dialog.showOpenDialog(dialogOptions);
      return { ok: true, value: answer.canceled ? null : answer.filePaths.filter((p) => typeof p === 'string' && p !== '') };
    } catch (error) {
      logError('file dialog failed', error);
      return failure('INTERNAL', 'the file dialog failed');
    }
  }

  async function pickFolder(event: DialogEvent): Promise<Result<string | null>> {
    const answer = await open(event, {
      title: 'Choose the folder on the removable medium',
      buttonLabel: 'Choose folder',
      properties: ['openDirectory', 'createDirectory', 'dontAddToRecent'],
    });
    if (!answer.ok) return answer;
    const folder = answer.value?.[0] ?? null;
    if (folder === null) return { ok: true, value: null };
    const entry = picksOf(event.sender);
    entry.folders = remember(entry.folders, [folder], MAX_REMEMBERED_FOLDERS);
    return { ok: true, value: folder };
  }

  async function pickBundles(event: DialogEvent): Promise<Result<string[]>> {
    const answer = await open(event, {
      title: 'Choose bundle files',
      buttonLabel: 'Choose',
      properties: ['openFile', 'multiSelections', 'dontAddToRecent'],
      filters: BUNDLE_FILTERS,
    });
    if (!answer.ok) return answer;
    const files = (answer.value ?? []).slice(0, MAX_REMEMBERED_FILES);
    if (files.length === 0) return { ok: true, value: [] };
    const entry = picksOf(event.sender);
    entry.files = remember(entry.files, files, MAX_REMEMBERED_FILES);
    return { ok: true, value: files };
  }

  ipcMain.handle(PICK_FOLDER_CHANNEL, (event: IpcMainInvokeEvent) => pickFolder(event));
  ipcMain.handle(PICK_BUNDLES_CHANNEL, (event: IpcMainInvokeEvent) => pickBundles(event));

  return {
    pickedPathProblem(contentsId, method, input) {
      const spec = PATH_INPUTS[method];
      if (spec === undefined) return null;
      const value = typeof input === 'object' && input !== null ? (input as Record<string, unknown>)[spec.field] : undefined;
      const paths = spec.many ? value : [value];
      if (!Array.isArray(paths) || paths.some((p) => typeof p !== 'string')) {
        return `${method}: ${spec.field} must name ${spec.kind === 'folder' ? 'a folder' : 'files'} chosen in the file dialog`;
      }
      const entry = picks.get(contentsId);
      const allowed = spec.kind === 'folder' ? (entry?.folders ?? []) : (entry?.files ?? []);
      const unpicked = (paths as string[]).find((p) => !allowed.includes(p));
      if (unpicked !== undefined) {
        return `${method}: ${JSON.stringify(unpicked.slice(0, 200))} was not chosen in this window's ${spec.kind === 'folder' ? 'folder' : 'file'} dialog`;
      }
      return null;
    },
    picked(contentsId) {
      const entry = picks.get(contentsId);
      return { folders: [...(entry?.folders ?? [])], files: [...(entry?.files ?? [])] };
    },
    dispose() {
      ipcMain.removeHandler(PICK_FOLDER_CHANNEL);
      ipcMain.removeHandler(PICK_BUNDLES_CHANNEL);
      picks.clear();
    },
  };
}
