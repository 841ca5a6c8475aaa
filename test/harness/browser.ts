// Debian's Chromium driven by playwright-core, in a fresh profile, with every request recorded so
// a test can prove nothing left 127.0.0.1. Flags: no background, component or sync traffic, and
// every host name but 127.0.0.1 resolves to nothing (Chromium still looks up Google hosts
// otherwise; see shared/STACK.md).
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { chromium } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';

export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1',
];

export interface LaunchOptions {
  headless?: boolean;
  executablePath?: string;
  /** Extra Playwright context options (viewport, locale, ...). */
  viewport?: { width: number; height: number };
}

export interface LaunchedChromium {
  context: BrowserContext;
  /** The context's first tab. */
  page: Page;
  /** Every URL the browser requested, in order. */
  requests: readonly string[];
  /** Requests that went anywhere but 127.0.0.1 (data:, blob: and about: are not network). */
  nonLoopbackRequests(): string[];
  /** Closes the browser and deletes its profile. */
  close(): Promise<void>;
}

export function isLoopbackUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol === 'data:' || parsed.protocol === 'blob:' || parsed.protocol === 'about:') return true;
  return ['http:', 'https:', 'ws:', 'wss:'].includes(parsed.protocol) && parsed.hostname === '127.0.0.1';
}

export async function launchChromium(options: LaunchOptions = {}): Promise<LaunchedChromium> {
  const profile = await mkdtemp(path.join(os.tmpdir(), 'ledger-chromium-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: options.executablePath ?? CHROMIUM_PATH,
      headless: options.headless ?? true,
      args: [...CHROMIUM_ARGS],
      viewport: options.viewport ?? { width: 1280, height: 860 },
      locale: 'en-US',
      timezoneId: 'UTC',
      serviceWorkers: 'block',
      acceptDownloads: false,
    });
  } catch (error) {
    await rm(profile, { recursive: true, force: true });
    throw error;
  }
  const requests: string[] = [];
  context.on('request', (request) => requests.push(request.url()));
  const page = context.pages()[0] ?? (await context.newPage());

  return {
    context,
    page,
    requests,
    nonLoopbackRequests: () => requests.filter((url) => !isLoopbackUrl(url)),
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}
