// The renderer is served from a privileged custom scheme, app://ledger/, never from file:// or a
// remote URL. Path resolution is a pure function (tested with hostile paths) and the file loader
// is shared with the test harness, so both refuse the same requests. Electron is reached only
// through the `protocol` object the caller passes in.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { CustomScheme, Protocol } from 'electron';
import { securityHeaders } from './securityHeaders.js';

export const APP_SCHEME = 'app';
export const APP_HOST = 'ledger';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

/** Must be registered before the app's `ready` event. */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: {
    standard: true,
    secure: true,
    supportFetchAPI: false,
    corsEnabled: false,
    bypassCSP: false,
    allowServiceWorkers: false,
    stream: false,
    codeCache: false,
  },
};

/** The URL if it is exactly on app://ledger/ (no port, no credentials), else null. */
export function parseAppUrl(url: string): URL | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null;
  if (parsed.username !== '' || parsed.password !== '') return null;
  return parsed;
}

export function isAppUrl(url: string): boolean {
  return parseAppUrl(url) !== null;
}

// Characters no served file name has: path separators, drive/stream colons, NUL and controls,
// and `%` (a name still encoded after one decoding is an attempt at double decoding).
// eslint-disable-next-line no-control-regex
const FORBIDDEN_IN_SEGMENT = /[/\\:%\u0000-\u001f\u007f]/;

/**
 * Maps a URL path (as in `URL.pathname`, still percent-encoded) to a file inside `rendererDir`, or
 * null when the path could name anything outside it or anything hidden: `..` (plain or encoded),
 * encoded separators, double encoding, absolute or drive paths, NUL, dot-files, empty segments,
 * malformed escapes.
 * `/` maps to index.html.
 */
export function resolveRendererPath(rendererDir: string, pathname: string): string | null {
  if (!pathname.startsWith('/') || pathname.length > 1024) return null;
  const raw = pathname.slice(1);
  const encoded = raw === '' ? ['index.html'] : raw.split('/');
  const segments: string[] = [];
  for (const segment of encoded) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      return null;
    }
    if (decoded === '' || decoded.startsWith('.') || decoded.endsWith('.') || decoded.endsWith(' ')) return null;
    if (FORBIDDEN_IN_SEGMENT.test(decoded) || decoded.length > 255) return null;
    segments.push(decoded);
  }
  const root = path.resolve(rendererDir);
  const full = path.resolve(root, ...segments);
  const relative = path.relative(root, full);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return null;
  return full;
}

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

export function mimeTypeFor(filePath: string): string {
  return MIME_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

export interface RendererAsset {
  status: 200 | 404;
  contentType: string;
  body: Uint8Array;
  /** The file served (index.html for the client-side-route fallback); null for a 404. */
  filePath: string | null;
}

const NOT_FOUND: RendererAsset = { status: 404, contentType: 'text/plain; charset=utf-8', body: new TextEncoder().encode('Not found'), filePath: null };

async function readAsset(filePath: string): Promise<RendererAsset | null> {
  try {
    const body = await readFile(filePath);
    return { status: 200, contentType: mimeTypeFor(filePath), body, filePath };
  } catch {
    return null;
  }
}

/**
 * Loads the file a URL path names. A missing path whose last segment has no extension is a
 * client-side route: it gets index.html, so a reload on a route still shows the app.
 */
export async function loadRendererAsset(rendererDir: string, pathname: string): Promise<RendererAsset> {
  const filePath = resolveRendererPath(rendererDir, pathname);
  if (filePath === null) return NOT_FOUND;
  const asset = await readAsset(filePath);
  if (asset) return asset;
  if (path.extname(filePath) === '') {
    const index = resolveRendererPath(rendererDir, '/');
    if (index !== null) return (await readAsset(index)) ?? NOT_FOUND;
  }
  return NOT_FOUND;
}

/** Answers one request to app://…; anything not a GET/HEAD on app://ledger/ is refused. */
export async function serveAppRequest(rendererDir: string, request: Pick<Request, 'method' | 'url'>): Promise<Response> {
  const headers = securityHeaders();
  const url = parseAppUrl(request.url);
  if (url === null) return new Response('Not found', { status: 404, headers: { ...headers, 'Content-Type': 'text/plain; charset=utf-8' } });
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return new Response('Method not allowed', { status: 405, headers: { ...headers, 'Content-Type': 'text/plain; charset=utf-8', Allow: 'GET, HEAD' } });
  }
  const asset = await loadRendererAsset(rendererDir, url.pathname);
  const body = request.method === 'HEAD' ? null : new Uint8Array(asset.body);
  return new Response(body, { status: asset.status, headers: { ...headers, 'Content-Type': asset.contentType } });
}

/** Before `ready`: make app:// a standard, secure scheme (origin, relative URLs, secure context). */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
}

/** After `ready`: serve `rendererDir` on app://ledger/. */
export function handleAppProtocol(protocol: Pick<Protocol, 'handle'>, rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => serveAppRequest(rendererDir, request));
}
