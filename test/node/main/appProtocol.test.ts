import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  APP_INDEX_URL,
  APP_SCHEME_PRIVILEGES,
  handleAppProtocol,
  isAppUrl,
  mimeTypeFor,
  registerAppScheme,
  resolveRendererPath,
  serveAppRequest,
} from '../../../electron/main/appProtocol.js';
import { CONTENT_SECURITY_POLICY } from '../../../electron/main/securityHeaders.js';
import { HOSTILE_PATHS } from './hostilePaths.js';

vi.mock('electron', () => {
  throw new Error('electron must not be loaded by the app protocol module');
});

const ROOT = path.resolve('/srv/app/dist/renderer');

describe('resolveRendererPath', () => {
  it('maps ordinary paths inside the renderer folder', () => {
    expect(resolveRendererPath(ROOT, '/')).toBe(path.join(ROOT, 'index.html'));
    expect(resolveRendererPath(ROOT, '/index.html')).toBe(path.join(ROOT, 'index.html'));
    expect(resolveRendererPath(ROOT, '/assets/index-4f2a.js')).toBe(path.join(ROOT, 'assets', 'index-4f2a.js'));
    expect(resolveRendererPath(ROOT, '/assets/my%20font.woff2')).toBe(path.join(ROOT, 'assets', 'my font.woff2'));
  });

  it.each(HOSTILE_PATHS)('refuses %s', (hostile) => {
    expect(resolveRendererPath(ROOT, hostile)).toBeNull();
  });

  it('never resolves outside the folder, whatever the input', () => {
    const pieces = ['..', '.', '%2e', '%2E', '%2f', '%5c', '/', '\\', 'a', 'assets', '%00', ':', 'C:', ''];
    for (const a of pieces) for (const b of pieces) for (const c of pieces) {
      const resolved = resolveRendererPath(ROOT, `/${a}${b}/${c}`);
      if (resolved !== null) expect(resolved.startsWith(ROOT + path.sep)).toBe(true);
    }
  });
});

describe('parseAppUrl / isAppUrl', () => {
  it('accepts only app://ledger/ without port or credentials', () => {
    expect(isAppUrl(APP_INDEX_URL)).toBe(true);
    expect(isAppUrl('app://ledger/assets/x.js?v=1#h')).toBe(true);
    for (const url of ['app://ledger.evil/', 'app://other/', 'app://ledger:80/', 'app://u:p@ledger/', 'https://ledger/', 'file:///ledger/', 'not a url', '']) {
      expect(isAppUrl(url), url).toBe(false);
    }
  });
});

describe('mimeTypeFor', () => {
  it('names the types a built renderer contains', () => {
    expect(mimeTypeFor('index.html')).toBe('text/html; charset=utf-8');
    expect(mimeTypeFor('a/index-1.js')).toBe('text/javascript; charset=utf-8');
    expect(mimeTypeFor('a/x.MJS')).toBe('text/javascript; charset=utf-8');
    expect(mimeTypeFor('a/x.css')).toBe('text/css; charset=utf-8');
    expect(mimeTypeFor('a/x.svg')).toBe('image/svg+xml');
    expect(mimeTypeFor('a/x.woff2')).toBe('font/woff2');
    expect(mimeTypeFor('a/x.png')).toBe('image/png');
    expect(mimeTypeFor('a/x.bin')).toBe('application/octet-stream');
    expect(mimeTypeFor('a/Makefile')).toBe('application/octet-stream');
  });
});

describe('serveAppRequest', () => {
  let dir: string;
  let renderer: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'ledger-protocol-'));
    renderer = path.join(dir, 'renderer');
    await mkdir(path.join(renderer, 'assets'), { recursive: true });
    await writeFile(path.join(renderer, 'index.html'), '<!doctype html><script type="module" src="/assets/app.js"></script>');
    await writeFile(path.join(renderer, 'assets', 'app.js'), 'console.log(1)');
    await writeFile(path.join(renderer, 'assets', 'app.css'), 'body{}');
    await writeFile(path.join(renderer, '.env'), 'SECRET=1');
    await writeFile(path.join(dir, 'secret.txt'), 'TOP SECRET');
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const get = (url: string, method = 'GET') => serveAppRequest(renderer, { url, method });

  it('serves index.html with the CSP and the right type', async () => {
    const response = await get('app://ledger/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.text()).toContain('/assets/app.js');
  });

  it('serves assets with their MIME types', async () => {
    const js = await get('app://ledger/assets/app.js');
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await js.text()).toBe('console.log(1)');
    expect((await get('app://ledger/assets/app.css')).headers.get('content-type')).toBe('text/css; charset=utf-8');
  });

  it('answers a client-side route with index.html, a missing file with 404', async () => {
    expect(await (await get('app://ledger/receipts/123')).text()).toContain('<!doctype html>');
    expect((await get('app://ledger/assets/missing.js')).status).toBe(404);
    // A folder is not listed: it is treated as a route.
    expect(await (await get('app://ledger/assets')).text()).toContain('<!doctype html>');
  });

  it('refuses hostile paths without reading outside the folder', async () => {
    for (const hostile of HOSTILE_PATHS.filter((p) => p.startsWith('/'))) {
      const response = await get(`app://ledger${hostile}`);
      const text = await response.text();
      expect(text, hostile).not.toContain('TOP SECRET');
      expect(text, hostile).not.toContain('SECRET=1');
    }
    expect((await get('app://ledger/%2e%2e/secret.txt')).status).toBe(404);
    expect((await get('app://ledger/.env')).status).toBe(404);
  });

  it('refuses other hosts and methods', async () => {
    expect((await get('app://other/index.html')).status).toBe(404);
    expect((await get('app://ledger/index.html', 'POST')).status).toBe(405);
    const head = await get('app://ledger/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });
});

describe('registration', () => {
  it('registers app:// as a standard, secure scheme without fetch, CORS, CSP bypass or service workers', () => {
    const protocol = { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() };
    registerAppScheme(protocol);
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([APP_SCHEME_PRIVILEGES]);
    expect(APP_SCHEME_PRIVILEGES).toEqual({
      scheme: 'app',
      privileges: { standard: true, secure: true, supportFetchAPI: false, corsEnabled: false, bypassCSP: false, allowServiceWorkers: false, stream: false, codeCache: false },
    });
  });

  it('handles the app scheme by serving the renderer folder', async () => {
    const protocol = { handle: vi.fn() };
    handleAppProtocol(protocol, '/nonexistent');
    expect(protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    const handler = protocol.handle.mock.calls[0]?.[1] as (request: Request) => Promise<Response>;
    expect((await handler(new Request('https://example.com/'))).status).toBe(404);
  });
});
