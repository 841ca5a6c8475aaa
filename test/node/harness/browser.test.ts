// The harness end to end in Debian's Chromium: the page gets window.ledger from the injected
// bridge, calls reach the real core, and nothing leaves 127.0.0.1.
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { METHOD_NAMES } from '../../../electron/common/contract/index.js';
import { CHROMIUM_PATH, isLoopbackUrl, launchChromium, type LaunchedChromium } from '../../harness/browser.js';
import { startHarness, type Harness } from '../../harness/server.js';
import { seedDatabase, type SeededDb } from '../../harness/seed.js';
import { makeFixtureRenderer, type FixtureRenderer } from './fixtureRenderer.js';

describe('isLoopbackUrl', () => {
  it('accepts only 127.0.0.1 and non-network schemes', () => {
    for (const url of ['http://127.0.0.1:5173/', 'ws://127.0.0.1:1/x', 'data:text/plain,x', 'about:blank', 'blob:http://127.0.0.1:1/abc']) expect(isLoopbackUrl(url), url).toBe(true);
    for (const url of ['http://localhost/', 'https://example.com/', 'http://127.0.0.2/', 'http://[::1]/', 'file:///etc/passwd', 'nonsense']) expect(isLoopbackUrl(url), url).toBe(false);
  });
});

describe.skipIf(!existsSync(CHROMIUM_PATH))('the harness in Chromium', () => {
  let fixture: FixtureRenderer;
  let seeded: SeededDb;
  let harness: Harness;
  let browser: LaunchedChromium;

  beforeAll(async () => {
    fixture = await makeFixtureRenderer();
    seeded = await seedDatabase();
    harness = await startHarness({ dbPath: seeded.dbPath, clock: seeded.clock, rendererDir: fixture.rendererDir });
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await harness?.close();
    await seeded?.cleanup();
    if (fixture) await rm(fixture.dir, { recursive: true, force: true });
  });

  it('gives the page window.ledger before the app script runs', async () => {
    const { page } = browser;
    await page.goto(harness.url);
    await page.waitForSelector('#out[data-ready="yes"]');
    expect(await page.textContent('#out')).toBe('SITE-A');
    const keys = await page.evaluate(() => Object.keys((window as unknown as { ledger: object }).ledger));
    expect(keys.sort()).toEqual([...METHOD_NAMES].sort());
  });

  it('makes window.ledger read-only, as contextBridge does', async () => {
    const replaced = await browser.page.evaluate(() => {
      const w = window as unknown as { ledger: unknown };
      const before = w.ledger;
      try {
        w.ledger = {};
      } catch {
        // strict-mode assignment to a read-only property throws; either way it must not change
      }
      return w.ledger === before && Object.isFrozen(before);
    });
    expect(replaced).toBe(true);
  });

  it('signs in through the bridge and keeps the session for this browser context', async () => {
    const { admin } = seeded.users;
    const results = await browser.page.evaluate(
      async ([username, password]) => {
        type Api = Record<string, (input: unknown) => Promise<{ ok: boolean; value?: { username?: string }; error?: { code: string } }>>;
        const api = (window as unknown as { ledger: Api }).ledger;
        const call = (name: string, input: unknown) => {
          const method = api[name];
          if (!method) throw new Error(`no ${name}`);
          return method(input);
        };
        return {
          before: await call('session.current', {}),
          signIn: await call('session.signIn', { username, password }),
          after: await call('session.current', {}),
          unplain: await call('system.info', new Map()),
        };
      },
      [admin.username, admin.password] as const,
    );
    expect(results.before).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(results.signIn).toMatchObject({ ok: true, value: { username: 'admin' } });
    expect(results.after).toMatchObject({ ok: true, value: { username: 'admin' } });
    expect(results.unplain).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('enforces the CSP: no inline script, no request to another origin', async () => {
    const outcome = await browser.page.evaluate(async () => {
      const inline = document.createElement('script');
      inline.textContent = 'window.__inlineRan = true';
      document.head.appendChild(inline);
      let fetched = 'blocked';
      try {
        await fetch('http://127.0.0.1:9/');
        fetched = 'sent';
      } catch {
        // refused by connect-src 'self'
      }
      return { inlineRan: (window as unknown as { __inlineRan?: boolean }).__inlineRan === true, fetched };
    });
    expect(outcome).toEqual({ inlineRan: false, fetched: 'blocked' });
  });

  it('made no request beyond 127.0.0.1', () => {
    expect(browser.requests.length).toBeGreaterThan(3);
    expect(browser.nonLoopbackRequests()).toEqual([]);
  });
});
