// Shared setup for the end-to-end tests: a seeded ledger, the harness (real core, built
// renderer on 127.0.0.1) and Debian's Chromium, plus the checks every screen gets: the
// system-high banners, an axe scan, screenshots, and a read-only look at the SQLite file.
import AxeBuilder from '@axe-core/playwright';
import Database from 'better-sqlite3';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { launchChromium, type LaunchedChromium } from '../harness/browser.js';
import { REPO_ROOT } from '../harness/buildBridge.js';
import { seedDatabase, type SeededDb, type SeedUser } from '../harness/seed.js';
import { startHarness, type Harness } from '../harness/server.js';

/** Where screenshots go (a CI artifact folder, ignored by git and lint). */
export const SCREENSHOT_DIR = path.join(REPO_ROOT, 'test-results', 'screenshots');

/** How long a UI expectation may take to come true before it fails (auto-waiting, no sleeps). */
export const UI_TIMEOUT_MS = 10_000;

export interface E2e {
  seeded: SeededDb;
  harness: Harness;
  browser: LaunchedChromium;
  page: Page;
  close(): Promise<void>;
}

/** A fresh ledger, the harness on it and a browser on the harness's page (not yet opened). */
export async function startE2e(): Promise<E2e> {
  const seeded = await seedDatabase();
  let harness: Harness | undefined;
  let browser: LaunchedChromium | undefined;
  try {
    harness = await startHarness({ dbPath: seeded.dbPath, clock: seeded.clock });
    browser = await launchChromium();
  } catch (error) {
    await harness?.close();
    await seeded.cleanup();
    throw error;
  }
  const { page } = browser;
  page.setDefaultTimeout(UI_TIMEOUT_MS);
  const started = { harness, browser };
  return {
    seeded,
    harness,
    browser,
    page,
    async close() {
      await started.browser.close();
      await started.harness.close();
      await seeded.cleanup();
    },
  };
}

/** The text as rendered (innerText: visible text only, CSS text-transform applied), whitespace collapsed. */
export function textOf(locator: Locator): Promise<string> {
  return locator.innerText().then(collapse);
}

/**
 * The text as written in the DOM (what assistive technology reads; not upper-cased by CSS, as
 * USWDS tags are), whitespace collapsed.
 */
export function domText(locator: Locator): Promise<string> {
  return locator.textContent().then((s) => collapse(s ?? ''));
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Options for vitest's expect.poll: the way to wait for a screen to change (no fixed sleeps). */
export const POLL = { timeout: UI_TIMEOUT_MS, interval: 50 } as const;

export interface BannerLook {
  text: string;
  background: string;
  color: string;
}

export async function bannerLook(locator: Locator): Promise<BannerLook> {
  await locator.waitFor();
  return locator.evaluate((el) => {
    const style = getComputedStyle(el);
    return { text: (el as HTMLElement).innerText.trim(), background: style.backgroundColor, color: style.color };
  });
}

/** SF 707 red, white text: the screen colours of SECRET. */
export const SECRET_LOOK: BannerLook = { text: 'SECRET', background: 'rgb(200, 16, 46)', color: 'rgb(255, 255, 255)' };

/** The system-high banner, top and bottom, reads SECRET in white on red. */
export async function expectSecretBanners(page: Page, screen: string): Promise<void> {
  for (const position of ['top', 'bottom'] as const) {
    const banner = page.getByTestId(`classification-banner-${position}`);
    // The banner reads "Reading the system-high level…" until system.info answers.
    await expect.poll(() => bannerLook(banner), { ...POLL, message: `${screen}: ${position} banner` }).toEqual(SECRET_LOOK);
  }
}

/** An axe scan of what is on screen; the violations, if any, are the failure message. */
export async function expectNoAxeViolations(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const described = results.violations.map(
    (v) => `${v.id} (${v.impact ?? 'no impact'}): ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(' ')}: ${n.failureSummary ?? ''}`).join('\n')}`,
  );
  expect(described, `axe violations on the ${screen} screen:\n${described.join('\n')}`).toEqual([]);
}

/**
 * Saves a PNG under test-results/screenshots/. The app scrolls inside <main> between fixed
 * banners, so Playwright's fullPage sees one screen; `wholeMain` makes the window tall enough
 * for all of main for the shot, then puts it back.
 */
export async function screenshot(page: Page, name: string, options: { wholeMain?: boolean } = {}): Promise<string> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, name);
  const viewport = page.viewportSize();
  const hidden = options.wholeMain ? await page.locator('main').evaluate((main) => main.scrollHeight - main.clientHeight) : 0;
  if (viewport && hidden > 0) await page.setViewportSize({ width: viewport.width, height: viewport.height + hidden });
  try {
    await page.screenshot({ path: file, animations: 'disabled' });
  } finally {
    if (viewport && hidden > 0) await page.setViewportSize(viewport);
  }
  return file;
}

/** Accept the notice and consent banner and sign in; waits for the dashboard, then opens the receipts list. */
export async function consentAndSignIn(page: Page, user: Pick<SeedUser, 'username' | 'password'>): Promise<void> {
  await page.getByRole('button', { name: 'I agree' }).click();
  await page.getByLabel('User name').fill(user.username);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();
  await page.getByRole('navigation', { name: 'Primary' }).getByRole('link', { name: 'Receipts' }).click();
  await page.getByRole('heading', { name: 'Receipts', level: 1 }).waitFor();
}

export interface DbSnapshot {
  receipts: number;
  journalEntries: number;
  /** The hash of the newest journal entry (the chain's head). */
  head: string | null;
}

/** What the ledger file holds, read through a separate read-only connection (not the app's). */
export function readLedger(dbPath: string): DbSnapshot {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    const receipts = (db.prepare('SELECT count(*) AS n FROM receipts').get() as { n: number }).n;
    const journalEntries = (db.prepare('SELECT count(*) AS n FROM journal').get() as { n: number }).n;
    const head = (db.prepare('SELECT hash FROM journal ORDER BY ord DESC LIMIT 1').get() as { hash: string } | undefined)?.hash ?? null;
    return { receipts, journalEntries, head };
  } finally {
    db.close();
  }
}

export interface JournalLine {
  kind: string;
  action: string;
  actor: string;
}

/** The newest `count` journal entries, oldest first, read through a read-only connection. */
export function lastJournalEntries(dbPath: string, count: number): JournalLine[] {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    const rows = db.prepare('SELECT kind, action, actor FROM journal ORDER BY ord DESC LIMIT ?').all(count) as JournalLine[];
    return rows.reverse();
  } finally {
    db.close();
  }
}
