// How every printable form becomes a PDF, described once: Letter paper, margins that leave room for
// the classification banner at the top and bottom of EVERY page, and a footer with "Page X of Y".
// The desktop app hands `electronPdfOptions` to webContents.printToPDF (electron/main/printPdf.ts);
// the end-to-end test hands `playwrightPdfOptions` to Chromium's page.pdf, so the PDF a test reads
// is laid out like the one the app writes. Pure: no DOM, no Node, no Electron.
import { escapeHtml, isBannerText } from './bannerText.js';

export interface PdfPageSetup {
  /** Paper: the forms are U.S. forms. */
  pageSize: 'Letter';
  /** Inches; top and bottom hold the banners (Chromium draws the header/footer templates there). */
  marginsInches: { top: number; bottom: number; left: number; right: number };
  /** The banner line printed at the top and bottom of every page, already validated. */
  banner: string;
}

export const PDF_MARGINS_INCHES = { top: 0.7, bottom: 0.7, left: 0.6, right: 0.6 } as const;

/** The page setup for one banner; throws on text that is not a marking (callers validate first). */
export function pdfPageSetup(banner: string): PdfPageSetup {
  if (!isBannerText(banner)) throw new Error('the banner is not a classification marking');
  return { pageSize: 'Letter', marginsInches: { ...PDF_MARGINS_INCHES }, banner };
}

// Header and footer templates are rendered by Chromium apart from the page: no page styles apply
// (the font size is 0 unless set) and nothing may be fetched, so every style is inline. The banner
// is plain bold text: printed banners are read on any printer, colour or not.
const BANNER_STYLE = 'font-family: Arial, Helvetica, sans-serif; font-size: 11pt; font-weight: bold; letter-spacing: 0.04em; text-align: center; width: 100%;';

/** The top of every page: the banner, centred. Chromium fills nothing in it. */
export function headerTemplate(setup: PdfPageSetup): string {
  return `<div style="${BANNER_STYLE} padding-top: 0.15in;">${escapeHtml(setup.banner)}</div>`;
}

/** The bottom of every page: "Page X of Y" (Chromium fills the two spans), then the banner. */
export function footerTemplate(setup: PdfPageSetup): string {
  const pages =
    '<div style="font-family: Arial, Helvetica, sans-serif; font-size: 8pt; text-align: right; padding: 0 0.6in 2pt;">' +
    'Page <span class="pageNumber"></span> of <span class="totalPages"></span></div>';
  return `<div style="width: 100%;">${pages}<div style="${BANNER_STYLE} padding-bottom: 0.12in;">${escapeHtml(setup.banner)}</div></div>`;
}

/** Options for Electron's webContents.printToPDF (margins in inches). */
export interface ElectronPdfOptions {
  pageSize: 'Letter';
  margins: { top: number; bottom: number; left: number; right: number };
  printBackground: boolean;
  displayHeaderFooter: boolean;
  headerTemplate: string;
  footerTemplate: string;
  preferCSSPageSize: boolean;
  landscape: boolean;
  generateTaggedPDF: boolean;
}

export function electronPdfOptions(setup: PdfPageSetup): ElectronPdfOptions {
  return {
    pageSize: setup.pageSize,
    margins: { ...setup.marginsInches },
    printBackground: true,
    displayHeaderFooter: true,
    headerTemplate: headerTemplate(setup),
    footerTemplate: footerTemplate(setup),
    // The page size is ours, not the stylesheet's: a form cannot switch the paper.
    preferCSSPageSize: false,
    landscape: false,
    // Section 508: a tagged PDF keeps headings and reading order for screen readers.
    generateTaggedPDF: true,
  };
}

/** Options for Playwright's page.pdf (headless Chromium; margins as CSS lengths). */
export interface PlaywrightPdfOptions {
  format: 'Letter';
  margin: { top: string; bottom: string; left: string; right: string };
  printBackground: boolean;
  displayHeaderFooter: boolean;
  headerTemplate: string;
  footerTemplate: string;
  preferCSSPageSize: boolean;
  landscape: boolean;
  tagged: boolean;
}

export function playwrightPdfOptions(setup: PdfPageSetup): PlaywrightPdfOptions {
  const inches = (n: number) => `${n}in`;
  const m = setup.marginsInches;
  return {
    format: setup.pageSize,
    margin: { top: inches(m.top), bottom: inches(m.bottom), left: inches(m.left), right: inches(m.right) },
    printBackground: true,
    displayHeaderFooter: true,
    headerTemplate: headerTemplate(setup),
    footerTemplate: footerTemplate(setup),
    preferCSSPageSize: false,
    landscape: false,
    tagged: true,
  };
}
