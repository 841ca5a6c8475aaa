// Where "Save as PDF" goes. In the desktop app the preload exposes `window.ledgerPrint`: the main
// process renders this window with the banner in the header and footer of every page and asks
// where to save (electron/main/printPdf.ts). Anywhere else (the test harness, a plain browser)
// the browser's own print dialog does it; `data-print-fallback` on <html> then turns the page's
// own banners into running banners on every printed page (print.css), as the templates would.
import type { LedgerPrint, SavePdfRequest, SavePdfResult } from '../../../electron/common/print/savePdf.js';

declare global {
  interface Window {
    /** Only in the desktop app; missing in the test harness and in a plain browser. */
    readonly ledgerPrint?: LedgerPrint;
  }
}

export interface PdfSaver {
  /** true: the app writes the PDF itself; false: the browser's print dialog is shown. */
  readonly native: boolean;
  save(request: SavePdfRequest): Promise<SavePdfResult>;
}

export function nativePdf(print: LedgerPrint): PdfSaver {
  return {
    native: true,
    async save(request) {
      try {
        return await print.savePdf(request);
      } catch (error) {
        return { ok: false, error: { code: 'INTERNAL', message: `saving the PDF failed: ${error instanceof Error ? error.message : String(error)}` } };
      }
    },
  };
}

export const browserPrintDialog: PdfSaver = {
  native: false,
  save() {
    const root = document.documentElement;
    const done = () => root.removeAttribute('data-print-fallback');
    root.setAttribute('data-print-fallback', '');
    window.addEventListener('afterprint', done, { once: true });
    try {
      window.print();
    } finally {
      // print() blocks until the dialog closes where a dialog is shown; afterprint may not fire elsewhere.
      done();
    }
    return Promise.resolve({ ok: true, value: null });
  },
};

export function platformPdf(): PdfSaver {
  const print = typeof window === 'undefined' ? undefined : window.ledgerPrint;
  return print ? nativePdf(print) : browserPrintDialog;
}
