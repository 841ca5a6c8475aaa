// Helpers for the accounts/audit end-to-end story: a harness on a fresh (unconfigured) or seeded
// ledger, Chromium on it, sign-in, an axe scan and screenshots. Independent of the receipts
// story's support file so the two can change apart.
import AxeBuilder from '@axe-core/playwright';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { openDb } from '../../db/open.js';
import { ManualClock } from '../../electron/node/clock.js';
import type { LaunchedChromium } from '../harness/browser.js';
import { launchChromium } from '../harness/browser.js';
import { REPO_ROOT } from '../harness/buildBridge.js';
import { DEFAULT_START } from '../harness/defaults.js';
import { seedDatabase } from '../harness/seed.js';
import type { Harness } from '../harness/server.js';
import { startHarness } from '../harness/server.js';

export const SCREENSHOT_DIR = path.join(REPO_ROOT, 'test-results', 'screenshots');
export const UI_TIMEOUT_MS = 10_000;

export interface Rig {
  harness: Harness;
  browser: LaunchedChromium;
  page: Page;
  dbPath: string;
  close(): Promise<void>;
}

async function open(dbPath: string, clock: ManualClock, cleanup: () => Promise<void>): Promise<Rig> {
  let harness: Harness | undefined;
  try {
    harness = await startHarness({ dbPath, clock });
    const browser = await launchChromium();
    browser.page.setDefaultTimeout(UI_TIMEOUT_MS);
    const started = harness;
    return {
      harness,
      browser,
      page: browser.page,
      dbPath,
      async close() {
        await browser.close();
        await started.close();
        await cleanup();
      },
    };
  } catch (error) {
    await harness?.close();
    await cleanup();
    throw error;
  }
}

/** A new installation: an empty SQLite file, migrated by openDb but never set up (no site, no accounts). */
export async function freshRig(): Promise<Rig> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'ledger-fresh-'));
  const dbPath = path.join(dir, 'ledger.sqlite');
  openDb(dbPath).close();
  return open(dbPath, new ManualClock(DEFAULT_START), () => rm(dir, { recursive: true, force: true }));
}

/** SITE-A at SECRET with admin, custodian and auditor (test/harness/seed.ts). */
export async function seededRig(): Promise<Rig> {
  const seeded = await seedDatabase();
  return open(seeded.dbPath, seeded.clock, () => seeded.cleanup());
}

/** The sign-in form (after the notice was accepted): types the credentials and submits. */
export async function submitSignIn(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel(/^User name/).fill(username);
  await page.getByLabel(/^Password/).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Notice and consent, then sign-in; waits for the first section's heading. */
export async function consentAndSignIn(page: Page, username: string, password: string, home = 'Dashboard'): Promise<void> {
  await page.getByRole('button', { name: 'I agree' }).click();
  await submitSignIn(page, username, password);
  await page.getByRole('heading', { level: 1, name: home }).waitFor();
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole('banner').getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('button', { name: 'I agree' }).waitFor();
}

/** An axe scan of what is on screen; the violations, if any, are the failure message. */
export async function expectNoAxeViolations(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const described = results.violations.map(
    (v) => `${v.id} (${v.impact ?? 'no impact'}): ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(' ')}: ${n.failureSummary ?? ''}`).join('\n')}`,
  );
  expect(described, `axe violations on the ${screen} screen:\n${described.join('\n')}`).toEqual([]);
}

export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, name);
  await page.screenshot({ path: file, animations: 'disabled' });
  return file;
}

/** What a direct call through window.ledger answers in the page (the renderer's own client). */
export function callInPage(page: Page, method: string, input: unknown): Promise<{ ok: boolean; error?: { code: string; message: string }; value?: unknown }> {
  return page.evaluate(
    async ([m, i]) => {
      type Call = (input: unknown) => Promise<{ ok: boolean; error?: { code: string; message: string }; value?: unknown }>;
      const api = (window as unknown as { ledger: Record<string, Call> }).ledger;
      const call = api[m];
      if (!call) throw new Error(`no method ${m}`);
      return call(i);
    },
    [method, input] as const,
  );
}

/** The window regains focus: the app asks the core at once whether the session was locked. */
export async function refocusWindow(page: Page): Promise<void> {
  await page.evaluate(() => window.dispatchEvent(new Event('focus')));
}
