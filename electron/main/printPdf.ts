// "Save as PDF" for the printable forms: one channel, `print:savePdf`, sender-checked like
// `ledger:call`. The PDF is rendered from the CALLING window's own contents (never another's),
// with the page setup of electron/common/print/pdfOptions.ts: the banner in the header and footer
// templates is the request's marking text, validated and HTML-escaped there. The user chooses
// where it goes in a native save dialog; the file is written like a sync bundle (staged, flushed,
// renamed), so a file under its final name is always complete.
import { constants } from 'node:fs';
import { access, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { BaseWindow, Dialog, IpcMain, IpcMainInvokeEvent, SaveDialogOptions } from 'electron';
import { electronPdfOptions, pdfPageSetup, type ElectronPdfOptions } from '../common/print/pdfOptions.js';
import { SAVE_PDF_CHANNEL, savePdfRequestProblem, type SavePdfRequest, type SavePdfResult } from '../common/print/savePdf.js';
import type { ErrorCode, Result } from '../common/result.js';
import { isAppUrl } from './appProtocol.js';

export const PDF_FILTERS = [{ name: 'PDF documents (*.pdf)', extensions: ['pdf'] }];

/** The parts of an invoke event the handler reads (an IpcMainInvokeEvent has them). */
export interface PrintEvent {
  sender: { id: number; printToPDF(options: ElectronPdfOptions): Promise<Uint8Array> };
  senderFrame: { url: string; parent: unknown } | null;
}

export interface PrintPdfOptions {
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>;
  dialog: Pick<Dialog, 'showSaveDialog'>;
  /** Whether the contents are an application window (one the IPC adapter attached). */
  isAppWindow: (contentsId: number) => boolean;
  /** The window showing the contents, for a modal dialog; or null. */
  windowOf: (sender: PrintEvent['sender']) => BaseWindow | null;
  /** The folder the save dialog opens in (the user's documents), asked when the dialog opens. */
  defaultFolder: () => string;
  /** Writes the file; defaults to writeFileDurably. */
  writeFile?: (filePath: string, bytes: Uint8Array) => Promise<void>;
  logError?: (message: string, error: unknown) => void;
}

export interface PrintPdf {
  handleSavePdf(event: PrintEvent, request: unknown): Promise<SavePdfResult>;
  dispose(): void;
}

function failure(code: ErrorCode, message: string): Result<never> {
  return { ok: false, error: { code, message } };
}

/** The chosen path with `.pdf` at the end, whatever the user typed. */
export function withPdfExtension(filePath: string): string {
  return path.extname(filePath).toLowerCase() === '.pdf' ? filePath : `${filePath}.pdf`;
}

async function exists(filePath: string): Promise<boolean> {
  try {
    await access(filePath, constants.F_OK);
    return true;
  } catch {
    return false;
  }
}

/** Write beside the target, flush to the device, rename into place, flush the folder. */
export async function writeFileDurably(filePath: string, bytes: Uint8Array): Promise<void> {
  const partial = `${filePath}.partial`;
  try {
    const handle = await open(partial, 'w', 0o600);
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(partial, filePath);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
  if (process.platform === 'win32') return;
  try {
    const folder = await open(path.dirname(filePath), 'r');
    try {
      await folder.sync();
    } finally {
      await folder.close();
    }
  } catch {
    // Some file systems (removable media, FUSE) refuse fsync on a folder; the file itself is flushed.
  }
}

export function registerPrintPdf(options: PrintPdfOptions): PrintPdf {
  const { ipcMain, dialog } = options;
  const writeFile = options.writeFile ?? writeFileDurably;
  const logError = options.logError ?? ((message: string, error: unknown) => console.error(message, error));

  function senderProblem(event: PrintEvent): string | null {
    if (!options.isAppWindow(event.sender.id)) return 'the caller is not an application window';
    const frame = event.senderFrame;
    if (frame === null) return 'the calling frame is gone';
    if (frame.parent !== null) return 'only the top-level frame may print';
    if (!isAppUrl(frame.url)) return 'the calling page is not the application';
    return null;
  }

  // One save at a time per window: a double click (or a renderer gone wrong) stacks no dialogs.
  const busy = new Set<number>();

  async function handleSavePdf(event: PrintEvent, request: unknown): Promise<SavePdfResult> {
    const refused = senderProblem(event);
    if (refused !== null) return failure('FORBIDDEN', refused);
    const invalid = savePdfRequestProblem(request);
    if (invalid !== null) return failure('INVALID_INPUT', invalid);
    if (busy.has(event.sender.id)) return failure('CONFLICT', 'a PDF is already being saved from this window');
    busy.add(event.sender.id);
    try {
      return await renderAndSave(event, request as SavePdfRequest);
    } finally {
      busy.delete(event.sender.id);
    }
  }

  async function renderAndSave(event: PrintEvent, { banner, suggestedName }: SavePdfRequest): Promise<SavePdfResult> {
    let bytes: Uint8Array;
    try {
      // What the window shows now, as the user asked for it; the dialog comes after.
      bytes = await event.sender.printToPDF(electronPdfOptions(pdfPageSetup(banner)));
    } catch (error) {
      logError('printToPDF failed', error);
      return failure('INTERNAL', 'the PDF could not be made');
    }
    try {
      const saveOptions: SaveDialogOptions = {
        title: 'Save as PDF',
        buttonLabel: 'Save PDF',
        defaultPath: path.join(options.defaultFolder(), suggestedName),
        filters: PDF_FILTERS,
        properties: ['createDirectory', 'showOverwriteConfirmation', 'dontAddToRecent'],
      };
      const window = options.windowOf(event.sender);
      const answer = window ? await dialog.showSaveDialog(window, saveOptions) : await dialog.showSaveDialog(saveOptions);
      if (answer.canceled || !answer.filePath) return { ok: true, value: null };
      const target = withPdfExtension(answer.filePath);
      // The dialog asked about overwriting the name the user typed, not the one with .pdf added.
      if (target !== answer.filePath && (await exists(target))) {
        return failure('CONFLICT', `${path.basename(target)} already exists: choose another name`);
      }
      await writeFile(target, bytes);
      return { ok: true, value: { path: target } };
    } catch (error) {
      logError('saving the PDF failed', error);
      return failure('INTERNAL', `the PDF could not be saved: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  ipcMain.handle(SAVE_PDF_CHANNEL, (event: IpcMainInvokeEvent, request: unknown) => handleSavePdf(event, request));

  return {
    handleSavePdf,
    dispose() {
      ipcMain.removeHandler(SAVE_PDF_CHANNEL);
    },
  };
}
