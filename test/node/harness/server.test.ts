import { rm } from 'node:fs/promises';
import os from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../electron/main/securityHeaders.js';
import { HARNESS_CSP, injectBridge, startHarness, type Harness } from '../../harness/server.js';
import { seedDatabase, type SeededDb } from '../../harness/seed.js';
import { HOSTILE_PATHS } from '../main/hostilePaths.js';
import { makeFixtureRenderer, SECRET_TEXT, type FixtureRenderer } from './fixtureRenderer.js';
import { postJson, rawRequest } from './httpClient.js';

let fixture: FixtureRenderer;
let seeded: SeededDb;
let harness: Harness;

beforeAll(async () => {
  fixture = await makeFixtureRenderer();
  seeded = await seedDatabase();
  harness = await startHarness({ dbPath: seeded.dbPath, clock: seeded.clock, rendererDir: fixture.rendererDir });
}, 60_000);

afterAll(async () => {
  await harness?.close();
  await seeded?.cleanup();
  if (fixture) await rm(fixture.dir, { recursive: true, force: true });
});

const call = (method: unknown, input: unknown, cookie?: string) => postJson(harness.url, '/api/call', { method, input }, { cookie });

describe('binding', () => {
  it('listens on 127.0.0.1 only', async () => {
    expect(new URL(harness.url).hostname).toBe('127.0.0.1');
    const others = Object.values(os.networkInterfaces())
      .flat()
      .filter((address) => address !== undefined && !address.internal)
      .map((address) => address?.address ?? '');
    for (const address of [...others, '::1']) {
      await expect(rawRequest(harness.url, { host: address }), address).rejects.toThrow();
    }
  });
});

describe('static files', () => {
  it('serves index.html with the bridge before the app script, the CSP and a session cookie', async () => {
    const response = await rawRequest(harness.url);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.headers['content-security-policy']).toBe(HARNESS_CSP);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    const bridgeAt = response.text.indexOf('<script src="/__harness/bridge.js"></script>');
    const appAt = response.text.indexOf('<script type="module" crossorigin src="/assets/app.js">');
    expect(bridgeAt).toBeGreaterThan(0);
    expect(bridgeAt).toBeLessThan(appAt);
    expect(response.headers['set-cookie']?.[0]).toMatch(/^ledger_harness=[\w-]{43}; Path=\/; HttpOnly; SameSite=Strict$/);
  });

  it("uses the app's CSP but for connect-src 'self' (the bridge calls /api/call)", () => {
    expect(HARNESS_CSP).toBe(CONTENT_SECURITY_POLICY.replace("connect-src 'none'", "connect-src 'self'"));
  });

  it('serves assets with their MIME types and the bridge as JavaScript', async () => {
    expect((await rawRequest(harness.url, { path: '/assets/app.js' })).headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect((await rawRequest(harness.url, { path: '/assets/app.css' })).headers['content-type']).toBe('text/css; charset=utf-8');
    const bridge = await rawRequest(harness.url, { path: '/__harness/bridge.js' });
    expect(bridge.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(bridge.text).toContain('/api/call');
    expect(bridge.text).toContain('"ledger"');
  });

  it.each(HOSTILE_PATHS.filter((path) => path.startsWith('/') && !path.startsWith('//')))('refuses %s', async (hostile) => {
    const response = await rawRequest(harness.url, { path: hostile });
    expect(response.text).not.toContain(SECRET_TEXT);
    expect(response.status === 404 || response.text.includes('<title>Fixture</title>')).toBe(true);
  });

  it('refuses traversal outright (404), not just by falling back to index.html', async () => {
    for (const hostile of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/.env']) {
      expect((await rawRequest(harness.url, { path: hostile })).status, hostile).toBe(404);
    }
  });

  it('refuses other methods on static paths', async () => {
    expect((await rawRequest(harness.url, { method: 'PUT', path: '/index.html' })).status).toBe(405);
    expect((await rawRequest(harness.url, { method: 'GET', path: '/api/call' })).status).toBe(405);
  });
});

describe('origin checks', () => {
  it('refuses a wrong Host (DNS rebinding)', async () => {
    const response = await rawRequest(harness.url, { headers: { Host: 'evil.example' } });
    expect(response.status).toBe(403);
    const localhost = await rawRequest(harness.url, { headers: { Host: `localhost:${new URL(harness.url).port}` } });
    expect(localhost.status).toBe(403);
  });

  it('refuses requests from another origin', async () => {
    expect((await rawRequest(harness.url, { headers: { Origin: 'https://evil.example' } })).status).toBe(403);
    const response = await postJson(harness.url, '/api/call', { method: 'system.info', input: {} }, { origin: 'http://127.0.0.1:1' });
    expect(response.status).toBe(403);
    expect(response.json).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('refuses a POST without Origin (not sent by our page)', async () => {
    const response = await rawRequest(harness.url, {
      method: 'POST',
      path: '/api/call',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ method: 'system.info', input: {} }),
    });
    expect(response.status).toBe(403);
  });
});

describe('POST /api/call', () => {
  const post = (body: string | Buffer, contentType = 'application/json') =>
    rawRequest(harness.url, { method: 'POST', path: '/api/call', headers: { 'Content-Type': contentType, Origin: harness.origin }, body });

  it('answers with the core Result', async () => {
    const { status, json } = await call('system.info', {});
    expect(status).toBe(200);
    expect(json).toMatchObject({ ok: true, value: { siteId: 'SITE-A', systemHigh: 'SECRET', now: '2026-03-02T09:00:00.000Z' } });
  });

  it('refuses an oversized body with INVALID_INPUT', async () => {
    const response = await post(JSON.stringify({ method: 'system.info', input: { pad: 'x'.repeat(3 * 1024 * 1024) } }));
    expect(response.status).toBe(413);
    expect(JSON.parse(response.text)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('refuses bad JSON, bad UTF-8, a wrong content type and a malformed envelope with INVALID_INPUT', async () => {
    for (const [response, status] of [
      [await post('{"method": "system.info", '), 400],
      [await post(Buffer.from([0x7b, 0xff, 0xfe, 0x7d])), 400],
      [await post(JSON.stringify({ method: 'system.info' }), 'text/plain'), 415],
      [await post('[1,2,3]'), 200],
      [await post('null'), 200],
    ] as const) {
      expect(response.status).toBe(status);
      expect(JSON.parse(response.text)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    }
  });

  it('refuses unknown methods with UNKNOWN_METHOD', async () => {
    for (const method of ['no.such.method', '__proto__', 'hasOwnProperty', 7, null]) {
      expect((await call(method, {})).json).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    }
  });

  it('passes invalid input to the core, which answers INVALID_INPUT', async () => {
    expect((await call('session.signIn', { username: '' })).json).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('keeps one connection per cookie: a sign-in belongs to the browser context that made it', async () => {
    const { admin } = seeded.users;
    const first = await call('session.signIn', { username: admin.username, password: admin.password });
    expect(first.json).toMatchObject({ ok: true, value: { username: 'admin', workstation: 'harness' } });
    expect(first.cookie).toBeDefined();
    expect((await call('session.current', {}, first.cookie)).json).toMatchObject({ ok: true, value: { username: 'admin' } });
    expect((await call('session.current', {})).json).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect((await call('session.current', {}, 'ledger_harness=forged')).json).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });
});

describe('POST /__test/clock', () => {
  it('moves the ManualClock, which the core then reports', async () => {
    const before = harness.clock.now().getTime();
    const moved = await postJson(harness.url, '/__test/clock', { advanceDays: 3 });
    expect(moved.json).toEqual({ ok: true, value: { now: new Date(before + 3 * 86_400_000).toISOString() } });
    expect((await call('system.info', {})).json).toMatchObject({ ok: true, value: { now: new Date(before + 3 * 86_400_000).toISOString() } });

    expect((await postJson(harness.url, '/__test/clock', { set: '2026-05-01T00:00:00Z' })).json).toEqual({ ok: true, value: { now: '2026-05-01T00:00:00.000Z' } });
    expect((await postJson(harness.url, '/__test/clock', { advanceMs: 1000 })).json).toEqual({ ok: true, value: { now: '2026-05-01T00:00:01.000Z' } });
  });

  it('refuses going backwards and malformed requests', async () => {
    for (const body of [{ advanceDays: -1 }, { set: 'soon' }, { advanceDays: 1, set: '2026-01-01' }, {}, [], 'x']) {
      expect((await postJson(harness.url, '/__test/clock', body)).json).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    }
    expect((await postJson(harness.url, '/__test/clock', { advanceDays: 1 }, { origin: 'https://evil.example' })).status).toBe(403);
  });
});

describe('injectBridge', () => {
  it('puts the bridge before the first script, else before </head>, else first', () => {
    expect(injectBridge('<head><SCRIPT src=a></SCRIPT></head>')).toBe('<head><script src="/__harness/bridge.js"></script>\n<SCRIPT src=a></SCRIPT></head>');
    expect(injectBridge('<head><title>t</title></head>')).toBe('<head><title>t</title><script src="/__harness/bridge.js"></script>\n</head>');
    expect(injectBridge('<p>x</p>')).toBe('<script src="/__harness/bridge.js"></script>\n<p>x</p>');
  });
});

describe('startHarness', () => {
  it('refuses to start without a built renderer', async () => {
    await expect(startHarness({ dbPath: seeded.dbPath, rendererDir: `${fixture.dir}/nothing-here` })).rejects.toThrow(/no built renderer/);
  });
});
