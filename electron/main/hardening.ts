// Electron hardening (ARCHITECTURE.md, "Electron hardening (must)"): every renderer sandboxed, no
// permission ever granted, no navigation, no new windows, no webviews, no downloads, and no
// request leaves the app protocol. Nothing here auto-updates or reports anything anywhere.
// Electron objects come in as arguments so the tests can pass thin stubs.
import type { App, Session, WebContents } from 'electron';
import { isAppUrl } from './appProtocol.js';

export { CONTENT_SECURITY_POLICY, contentSecurityPolicy, securityHeaders } from './securityHeaders.js';

export interface HardeningOptions {
  /** DevTools stay closed in a packaged build; `devtools:` URLs are allowed only when they are open. */
  allowDevTools: boolean;
}

/**
 * Chromium switches for an air-gapped workstation: no cache on disk, no background or component
 * traffic, no proxy auto-detection, and every host name resolves to nothing (so not even a DNS
 * look-up leaves the machine).
 */
export const CHROMIUM_SWITCHES: readonly (readonly [string, string?])[] = [
  ['disable-http-cache'],
  ['disable-background-networking'],
  ['disable-component-update'],
  ['disable-domain-reliability'],
  ['disable-breakpad'],
  ['no-pings'],
  ['no-proxy-server'],
  ['host-resolver-rules', 'MAP * ~NOTFOUND'],
];

/** Before `ready`: sandbox every renderer, set the switches, harden each web contents as it appears. */
export function hardenApp(app: Pick<App, 'enableSandbox' | 'commandLine' | 'on'>, options: HardeningOptions): void {
  app.enableSandbox();
  for (const [name, value] of CHROMIUM_SWITCHES) {
    if (value === undefined) app.commandLine.appendSwitch(name);
    else app.commandLine.appendSwitch(name, value);
  }
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, options));
}

/** A request the app may make: its own protocol, inline data, and DevTools when allowed. */
export function isAllowedRequestUrl(url: string, options: HardeningOptions): boolean {
  if (isAppUrl(url)) return true;
  if (url.startsWith('data:')) return true;
  return options.allowDevTools && url.startsWith('devtools://');
}

type SessionLike = Pick<
  Session,
  'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler' | 'setSpellCheckerEnabled' | 'on'
> & { webRequest: Pick<Session['webRequest'], 'onBeforeRequest'> };

/** After `ready`, on the session the window uses. */
export function hardenSession(session: SessionLike, options: HardeningOptions): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.setSpellCheckerEnabled(false);
  session.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isAllowedRequestUrl(details.url, options) }));
  session.on('will-download', (event, item) => {
    if (!isAppExportDownload(item.getURL())) event.preventDefault();
  });
}

/**
 * The one kind of download allowed: a file the app itself builds in the page (a CSV export, as a
 * blob: URL of the app's origin). Electron then asks the user where to save it, so exports go only
 * where the user chooses (e.g. the removable medium). Anything else is refused.
 */
export function isAppExportDownload(url: string): boolean {
  return url.startsWith('blob:app://ledger/');
}

type WebContentsLike = Pick<WebContents, 'setWindowOpenHandler' | 'on' | 'closeDevTools'>;

export function hardenWebContents(contents: WebContentsLike, options: HardeningOptions): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  // The app is one page; routing happens inside it. loadURL does not raise will-navigate.
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-frame-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  if (!options.allowDevTools) contents.on('devtools-opened', () => contents.closeDevTools());
}
