import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import {
  CHROMIUM_SWITCHES,
  CONTENT_SECURITY_POLICY,
  hardenApp,
  hardenSession,
  hardenWebContents,
  isAllowedRequestUrl,
} from '../../../electron/main/hardening.js';

vi.mock('electron', () => {
  throw new Error('electron must not be loaded by the hardening module');
});

type Params<F> = F extends (...args: infer P) => unknown ? P : never;
type SessionArg = Params<typeof hardenSession>[0];
type ContentsArg = Params<typeof hardenWebContents>[0];
type AppArg = Params<typeof hardenApp>[0];

/** A preventable event as Electron passes it. */
function event(url = 'https://example.com/') {
  return { url, defaultPrevented: false, preventDefault: vi.fn(function (this: { defaultPrevented: boolean }) { this.defaultPrevented = true; }) };
}

function fakeSession() {
  const emitter = new EventEmitter();
  const handlers: Record<string, (...args: never[]) => unknown> = {};
  const session = {
    setPermissionRequestHandler: vi.fn((h: (...args: never[]) => unknown) => void (handlers.request = h)),
    setPermissionCheckHandler: vi.fn((h: (...args: never[]) => unknown) => void (handlers.check = h)),
    setDevicePermissionHandler: vi.fn((h: (...args: never[]) => unknown) => void (handlers.device = h)),
    setSpellCheckerEnabled: vi.fn(),
    on: (name: string, listener: (...args: unknown[]) => void) => emitter.on(name, listener),
    webRequest: { onBeforeRequest: vi.fn((h: (...args: never[]) => unknown) => void (handlers.beforeRequest = h)) },
  };
  return { session, handlers, emitter };
}

function fakeContents() {
  const emitter = new EventEmitter();
  let openHandler: (() => unknown) | undefined;
  const contents = {
    setWindowOpenHandler: vi.fn((h: () => unknown) => void (openHandler = h)),
    on: (name: string, listener: (...args: unknown[]) => void) => emitter.on(name, listener),
    closeDevTools: vi.fn(),
  };
  return { contents, emitter, open: () => openHandler?.() };
}

describe('the Content-Security-Policy', () => {
  it('is exactly the strict policy', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
  });
});

describe('hardenSession', () => {
  const options = { allowDevTools: false };

  it('denies every permission request and check', () => {
    const { session, handlers } = fakeSession();
    hardenSession(session as unknown as SessionArg, options);
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen', 'unknown']) {
      const callback = vi.fn();
      (handlers.request as (...args: unknown[]) => void)({}, permission, callback, {});
      expect(callback).toHaveBeenCalledWith(false);
      expect((handlers.check as (...args: unknown[]) => boolean)(null, permission, 'app://ledger', {})).toBe(false);
    }
    expect((handlers.device as (...args: unknown[]) => boolean)({ deviceType: 'usb' })).toBe(false);
    expect(session.setSpellCheckerEnabled).toHaveBeenCalledWith(false);
  });

  it('cancels every request that is not to the app protocol', () => {
    const { session, handlers } = fakeSession();
    hardenSession(session as unknown as SessionArg, options);
    const decide = (url: string) => {
      const callback = vi.fn();
      (handlers.beforeRequest as (...args: unknown[]) => void)({ url }, callback);
      return (callback.mock.calls[0]?.[0] as { cancel: boolean }).cancel;
    };
    expect(decide('app://ledger/index.html')).toBe(false);
    expect(decide('app://ledger/assets/index-abc.js')).toBe(false);
    expect(decide('data:image/png;base64,AAAA')).toBe(false);
    for (const url of ['https://example.com/', 'http://127.0.0.1:8080/', 'ws://localhost/', 'file:///etc/passwd', 'app://other/', 'app://ledger:1/x', 'devtools://devtools/bundled/inspector.html', 'ftp://x/']) {
      expect(decide(url)).toBe(true);
    }
  });

  it('refuses downloads except files the app builds itself (blob: of the app origin)', () => {
    const { session, emitter } = fakeSession();
    hardenSession(session as unknown as SessionArg, options);
    for (const url of ['https://example.com/x.csv', 'blob:https://example.com/123', 'file:///etc/passwd', 'app://ledger/index.html', 'data:text/csv,a']) {
      const download = event();
      emitter.emit('will-download', download, { getURL: () => url }, {});
      expect(download.preventDefault, url).toHaveBeenCalled();
    }
    const exportDownload = event();
    emitter.emit('will-download', exportDownload, { getURL: () => 'blob:app://ledger/6f1c2d3e-0000-4000-8000-000000000000' }, {});
    expect(exportDownload.preventDefault).not.toHaveBeenCalled();
  });

  it('lets DevTools load only when they are allowed', () => {
    expect(isAllowedRequestUrl('devtools://devtools/bundled/inspector.html', { allowDevTools: true })).toBe(true);
    expect(isAllowedRequestUrl('devtools://devtools/bundled/inspector.html', { allowDevTools: false })).toBe(false);
    expect(isAllowedRequestUrl('https://chrome-devtools-frontend.appspot.com/', { allowDevTools: true })).toBe(false);
  });
});

describe('hardenWebContents', () => {
  it('denies window.open', () => {
    const { contents, open } = fakeContents();
    hardenWebContents(contents as unknown as ContentsArg, { allowDevTools: false });
    expect(open()).toEqual({ action: 'deny' });
  });

  it('blocks navigation, redirects and webviews, even to the app itself', () => {
    const { contents, emitter } = fakeContents();
    hardenWebContents(contents as unknown as ContentsArg, { allowDevTools: false });
    for (const name of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      for (const url of ['https://example.com/', 'app://ledger/other.html', 'file:///etc/passwd']) {
        const e = event(url);
        emitter.emit(name, e, url);
        expect(e.preventDefault, `${name} ${url}`).toHaveBeenCalled();
      }
    }
  });

  it('lets a frame navigate only within the app', () => {
    const { contents, emitter } = fakeContents();
    hardenWebContents(contents as unknown as ContentsArg, { allowDevTools: false });
    const outside = event('https://example.com/');
    emitter.emit('will-frame-navigate', outside);
    expect(outside.preventDefault).toHaveBeenCalled();
    const inside = event('app://ledger/index.html');
    emitter.emit('will-frame-navigate', inside);
    expect(inside.preventDefault).not.toHaveBeenCalled();
  });

  it('closes DevTools in a packaged build', () => {
    const packaged = fakeContents();
    hardenWebContents(packaged.contents as unknown as ContentsArg, { allowDevTools: false });
    packaged.emitter.emit('devtools-opened');
    expect(packaged.contents.closeDevTools).toHaveBeenCalled();

    const dev = fakeContents();
    hardenWebContents(dev.contents as unknown as ContentsArg, { allowDevTools: true });
    dev.emitter.emit('devtools-opened');
    expect(dev.contents.closeDevTools).not.toHaveBeenCalled();
  });
});

describe('hardenApp', () => {
  it('enables the sandbox everywhere, cuts the network, and hardens each new web contents', () => {
    const emitter = new EventEmitter();
    const app = {
      enableSandbox: vi.fn(),
      commandLine: { appendSwitch: vi.fn() },
      on: (name: string, listener: (...args: unknown[]) => void) => emitter.on(name, listener),
    };
    hardenApp(app as unknown as AppArg, { allowDevTools: false });
    expect(app.enableSandbox).toHaveBeenCalledOnce();
    expect(app.commandLine.appendSwitch).toHaveBeenCalledWith('host-resolver-rules', 'MAP * ~NOTFOUND');
    expect(app.commandLine.appendSwitch).toHaveBeenCalledWith('disable-http-cache');
    expect(app.commandLine.appendSwitch).toHaveBeenCalledTimes(CHROMIUM_SWITCHES.length);

    const { contents, open } = fakeContents();
    emitter.emit('web-contents-created', {}, contents);
    expect(open()).toEqual({ action: 'deny' });
  });
});
