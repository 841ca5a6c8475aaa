// The one print call that crosses from the renderer to the main process: "write what this window
// shows as a PDF". The preload exposes it as `window.ledgerPrint.savePdf`; the main process
// (electron/main/printPdf.ts) checks the request with `savePdfRequestProblem` before anything else.
import type { Result } from '../result.js';
import { isBannerText } from './bannerText.js';
import { isSafePdfName } from './pdfFileName.js';

export const SAVE_PDF_CHANNEL = 'print:savePdf';

export interface SavePdfRequest {
  /** The name the save dialog suggests (pdfFileName builds it), e.g. `Receipt RC-001.pdf`. */
  suggestedName: string;
  /** The banner for the top and bottom of every page: the highest marking on the page. */
  banner: string;
}

/** Where the PDF was written, or null when the user cancelled the save dialog. */
export type SavePdfResult = Result<{ path: string } | null>;

/** What the preload puts on the window (missing in the test harness and a plain browser). */
export interface LedgerPrint {
  savePdf(request: SavePdfRequest): Promise<SavePdfResult>;
}

/** Null when the request is exactly a SavePdfRequest with acceptable values; else why not. */
export function savePdfRequestProblem(input: unknown): string | null {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return 'the request must be an object';
  const keys = Object.keys(input).sort();
  if (keys.join(',') !== 'banner,suggestedName') return 'the request must have exactly banner and suggestedName';
  const { banner, suggestedName } = input as Record<string, unknown>;
  if (!isBannerText(banner)) return 'banner is not a classification marking';
  if (!isSafePdfName(suggestedName)) return 'suggestedName must be a plain file name ending in .pdf';
  return null;
}
