// Save as PDF in the desktop app: the main process renders the CALLING window with the shared page
// setup, asks where to save, and writes the file durably. Electron is stubbed (the real module
// cannot load outside Electron): ipcMain, the save dialog and the sender's printToPDF are fakes.
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ElectronPdfOptions } from '../../../electron/common/print/pdfOptions.js';
import { SAVE_PDF_CHANNEL } from '../../../electron/common/print/savePdf.js';
import type { Result } from '../../../electron/common/result.js';
import type { PrintEvent, PrintPdfOptions } from '../../../electron/main/printPdf.js';
import { PDF_FILTERS, registerPrintPdf, withPdfExtension, writeFileDurably } from '../../../electron/main/printPdf.js';

vi.mock('electron', () => {
  throw new Error('electron must not be loaded by printPdf');
});

type Listener = (event: unknown, request: unknown) => Promise<Result<unknown>>;

const APP_FRAME = { url: 'app://ledger/index.html', parent: null };
const PDF_BYTES = new TextEncoder().encode('%PDF-1.7 fake');
const REQUEST = { suggestedName: 'Receipt RC-2026-001.pdf', banner: 'SECRET//FGI DEU' };

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function setup(options: { appWindows?: number[] } = {}) {
  dir = mkdtempSync(path.join(os.tmpdir(), 'ledger-print-'));
  const handlers = new Map<string, Listener>();
  const ipcMain = {
    handle: vi.fn((channel: string, listener: Listener) => void handlers.set(channel, listener)),
    removeHandler: vi.fn((channel: string) => void handlers.delete(channel)),
  };
  const answers: { canceled: boolean; filePath: string }[] = [];
  const shown: { window: unknown; options: Record<string, unknown> }[] = [];
  const showSaveDialog = vi.fn((windowOrOptions: unknown, maybeOptions?: Record<string, unknown>) => {
    shown.push({ window: maybeOptions ? windowOrOptions : null, options: maybeOptions ?? (windowOrOptions as Record<string, unknown>) });
    return Promise.resolve(answers.shift() ?? { canceled: true, filePath: '' });
  });
  const logError = vi.fn();
  const appWindows = new Set(options.appWindows ?? [1]);
  const print = registerPrintPdf({
    ipcMain,
    dialog: { showSaveDialog } as unknown as PrintPdfOptions['dialog'],
    isAppWindow: (id) => appWindows.has(id),
    windowOf: (sender) => ({ window: sender.id }) as never,
    defaultFolder: () => dir,
    logError,
  });
  const contents = (id: number) => {
    const printed: ElectronPdfOptions[] = [];
    const sender = {
      id,
      printToPDF: vi.fn((o: ElectronPdfOptions) => {
        printed.push(o);
        return Promise.resolve(PDF_BYTES);
      }),
    };
    return { sender, printed };
  };
  const invoke = (event: PrintEvent, request: unknown) => {
    const listener = handlers.get(SAVE_PDF_CHANNEL);
    if (!listener) throw new Error(`${SAVE_PDF_CHANNEL} not registered`);
    return listener(event, request);
  };
  const choose = (filePath: string) => answers.push({ canceled: false, filePath });
  return { print, handlers, ipcMain, showSaveDialog, shown, logError, contents, invoke, choose };
}

describe('registerPrintPdf', () => {
  it('renders the calling window with the banner in the header and footer, then saves where the user chose', async () => {
    const { invoke, contents, choose, shown } = setup();
    const win = contents(1);
    const target = path.join(dir, 'receipt.pdf');
    choose(target);
    expect(await invoke({ sender: win.sender, senderFrame: APP_FRAME }, REQUEST)).toEqual({ ok: true, value: { path: target } });
    expect(readFileSync(target)).toEqual(Buffer.from(PDF_BYTES));
    expect(readdirSync(dir)).toEqual(['receipt.pdf']);

    const options = win.printed[0];
    expect(options).toMatchObject({ pageSize: 'Letter', displayHeaderFooter: true, printBackground: true, preferCSSPageSize: false });
    expect(options?.headerTemplate).toContain('SECRET//FGI DEU');
    expect(options?.footerTemplate).toContain('SECRET//FGI DEU');
    expect(options?.footerTemplate).toContain('<span class="pageNumber"></span> of <span class="totalPages"></span>');

    expect(shown[0]?.window).toEqual({ window: 1 });
    expect(shown[0]?.options).toMatchObject({ defaultPath: path.join(dir, REQUEST.suggestedName), filters: PDF_FILTERS });
  });

  it('adds .pdf to a name typed without it, and will not overwrite a file the dialog did not ask about', async () => {
    const { invoke, contents, choose } = setup();
    const win = contents(1);
    choose(path.join(dir, 'certificate'));
    expect(await invoke({ sender: win.sender, senderFrame: APP_FRAME }, REQUEST)).toEqual({ ok: true, value: { path: path.join(dir, 'certificate.pdf') } });
    choose(path.join(dir, 'certificate'));
    expect(await invoke({ sender: win.sender, senderFrame: APP_FRAME }, REQUEST)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(withPdfExtension('/a/b.PDF')).toBe('/a/b.PDF');
    expect(withPdfExtension('/a/b.pdf.txt')).toBe('/a/b.pdf.txt.pdf');
  });

  it('answers null when the user cancels, writing nothing', async () => {
    const { invoke, contents } = setup();
    expect(await invoke({ sender: contents(1).sender, senderFrame: APP_FRAME }, REQUEST)).toEqual({ ok: true, value: null });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('prints nothing for a sender that is not the application window on app://ledger/', async () => {
    const { invoke, contents, showSaveDialog } = setup({ appWindows: [1] });
    const win = contents(1);
    const stranger = contents(99);
    const refused: PrintEvent[] = [
      { sender: stranger.sender, senderFrame: APP_FRAME },
      { sender: win.sender, senderFrame: null },
      { sender: win.sender, senderFrame: { url: 'app://ledger/frame.html', parent: APP_FRAME } },
      { sender: win.sender, senderFrame: { url: 'https://evil.example/', parent: null } },
    ];
    for (const event of refused) expect(await invoke(event, REQUEST)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(win.sender.printToPDF).not.toHaveBeenCalled();
    expect(stranger.sender.printToPDF).not.toHaveBeenCalled();
    expect(showSaveDialog).not.toHaveBeenCalled();
  });

  it('refuses banners that are not markings and names that are not plain PDF file names', async () => {
    const { invoke, contents } = setup();
    const win = contents(1);
    const bad: unknown[] = [
      null,
      'SECRET',
      { ...REQUEST, banner: '<img src=x onerror=alert(1)>' },
      { ...REQUEST, banner: 'SECRET<script>' },
      { ...REQUEST, banner: 'secret' },
      { ...REQUEST, banner: 'NOT A LEVEL' },
      { ...REQUEST, banner: 'SECRET//' },
      { ...REQUEST, banner: '' },
      { ...REQUEST, banner: 'S'.repeat(500) },
      { ...REQUEST, suggestedName: '../../.bashrc.pdf' },
      { ...REQUEST, suggestedName: '/etc/passwd.pdf' },
      { ...REQUEST, suggestedName: 'receipt.exe' },
      { ...REQUEST, suggestedName: 'a\\b.pdf' },
      { ...REQUEST, extra: 1 },
      { banner: 'SECRET' },
    ];
    for (const request of bad) expect(await invoke({ sender: win.sender, senderFrame: APP_FRAME }, request)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(win.printed).toEqual([]);
    for (const banner of ['UNCLASSIFIED', 'CUI', 'TOP SECRET//FGI CAN DEU', '//DEU SECRET', '//COSMIC TOP SECRET ATOMAL', 'SECRET//REL TO USA, GBR', 'SECRET//FGI DEU NATO//NOFORN']) {
      expect(await invoke({ sender: win.sender, senderFrame: APP_FRAME }, { ...REQUEST, banner })).toEqual({ ok: true, value: null });
    }
  });

  it('reports a failing printToPDF or write as INTERNAL, logged, and leaves no partial file', async () => {
    const { invoke, contents, choose, logError } = setup();
    const win = contents(1);
    win.sender.printToPDF.mockImplementationOnce(() => Promise.reject(new Error('renderer gone')));
    expect(await invoke({ sender: win.sender, senderFrame: APP_FRAME }, REQUEST)).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'the PDF could not be made' } });
    choose(path.join(dir, 'missing-folder', 'x.pdf'));
    expect(await invoke({ sender: win.sender, senderFrame: APP_FRAME }, REQUEST)).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(logError).toHaveBeenCalledTimes(2);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('saves one PDF at a time per window', async () => {
    const { invoke, contents, choose } = setup({ appWindows: [1, 2] });
    const win = contents(1);
    choose(path.join(dir, 'first.pdf'));
    const first = invoke({ sender: win.sender, senderFrame: APP_FRAME }, REQUEST);
    expect(await invoke({ sender: win.sender, senderFrame: APP_FRAME }, REQUEST)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await invoke({ sender: contents(2).sender, senderFrame: APP_FRAME }, REQUEST)).toEqual({ ok: true, value: null });
    expect(await first).toEqual({ ok: true, value: { path: path.join(dir, 'first.pdf') } });
    expect(await invoke({ sender: win.sender, senderFrame: APP_FRAME }, REQUEST)).toEqual({ ok: true, value: null });
  });

  it('removes its channel on dispose', () => {
    const { print, handlers } = setup();
    expect([...handlers.keys()]).toEqual([SAVE_PDF_CHANNEL]);
    print.dispose();
    expect(handlers.size).toBe(0);
  });
});

describe('writeFileDurably', () => {
  it('replaces an existing file whole and leaves nothing beside it', async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'ledger-print-'));
    const file = path.join(dir, 'form.pdf');
    writeFileSync(file, 'old');
    await writeFileDurably(file, PDF_BYTES);
    expect(readFileSync(file)).toEqual(Buffer.from(PDF_BYTES));
    expect(readdirSync(dir)).toEqual(['form.pdf']);
  });
});
