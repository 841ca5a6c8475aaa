// Helpers for the printing story (print.test.ts): records entered through the core as another
// workstation would, the PDF made the way the desktop app makes it (the shared page setup of
// electron/common/print, here through Chromium's page.pdf), and the PDF read back with poppler.
import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import type { MethodName } from '../../electron/common/contract/index.js';
import { pdfPageSetup, playwrightPdfOptions } from '../../electron/common/print/pdfOptions.js';
import type { Connection } from '../../electron/node/core.js';
import { SEED_USERS, signedIn } from '../harness/seed.js';
import type { Harness } from '../harness/server.js';
import { SCREENSHOT_DIR } from './support.js';

const run = promisify(execFile);

/** Calls the core as a user at another workstation; throws on refusal. */
export async function asUser(harness: Harness, user: keyof typeof SEED_USERS) {
  const conn: Connection = await signedIn(harness.core, SEED_USERS[user], 'workstation-print');
  return async <T>(method: MethodName, input: unknown): Promise<T> => {
    const result = await harness.core.dispatch(conn, method, input);
    if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
    return result.value as T;
  };
}

/**
 * The PDF of what the page shows, with the banner the print view computed: the same request the
 * app's Save as PDF sends, turned into the same page setup (pdfOptions.ts) main uses.
 */
export async function printViewPdf(page: Page, file: string): Promise<{ path: string; banner: string }> {
  const banner = ((await page.getByTestId('print-banner-top').textContent()) ?? '').trim();
  const bytes = await page.pdf(playwrightPdfOptions(pdfPageSetup(banner)));
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, bytes);
  return { path: file, banner };
}

/**
 * What a plain browser's print dialog makes of the page (no header/footer templates): the
 * print view's fallback, which the Save as PDF button turns on around window.print().
 */
export async function browserDialogPdf(page: Page, file: string): Promise<string> {
  await page.evaluate(() => document.documentElement.setAttribute('data-print-fallback', ''));
  try {
    await writeFile(file, await page.pdf({ format: 'Letter' }));
  } finally {
    await page.evaluate(() => document.documentElement.removeAttribute('data-print-fallback'));
  }
  return file;
}

/** The PDF's text as pdftotext -layout reads it, one string per page. */
export async function pdfPages(file: string): Promise<string[]> {
  const { stdout } = await run('pdftotext', ['-layout', file, '-']);
  return stdout.split('\f').filter((p) => p.trim() !== '');
}

export function lines(pageText: string): string[] {
  return pageText
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
}

/** Page 1 rendered to PNG at 80 dpi under test-results/screenshots/. */
export async function pdfPageOnePng(file: string, name: string): Promise<string> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const out = path.join(SCREENSHOT_DIR, name);
  await run('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', file, out]);
  return `${out}.png`;
}
