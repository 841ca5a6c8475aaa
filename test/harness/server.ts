// The test-only third host: a loopback HTTP server that serves the built renderer and carries
// window.ledger calls to the real core over POST /api/call. It refuses what the app protocol
// refuses (same path resolution, same headers; only connect-src differs, so the bridge may call
// back), and also anything not from its own origin.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { isMethodName } from '../../electron/common/contract/index.js';
import type { ErrorCode, Result } from '../../electron/common/result.js';
import { loadRendererAsset } from '../../electron/main/appProtocol.js';
import { plainDataProblem } from '../../electron/main/plainData.js';
import { contentSecurityPolicy, securityHeaders } from '../../electron/main/securityHeaders.js';
import { openDb } from '../../db/open.js';
import { ManualClock } from '../../electron/node/clock.js';
import type { Connection, Core } from '../../electron/node/core.js';
import { createCore } from '../../electron/node/core.js';
import { REPO_ROOT, buildBridge } from './buildBridge.js';
import { DEFAULT_START, TEST_PASSWORD_ITERATIONS } from './defaults.js';
import { API_CALL_PATH, BRIDGE_PATH, CLOCK_PATH, MAX_BODY_BYTES, SESSION_COOKIE } from './routes.js';

export { DEFAULT_START, TEST_PASSWORD_ITERATIONS } from './defaults.js';

export interface HarnessOptions {
  /** A ledger database file, e.g. from seedDatabase(). */
  dbPath: string;
  /** Default: a ManualClock at DEFAULT_START. */
  clock?: ManualClock;
  /** The built renderer; relative paths are from the repository root. Default: dist/renderer. */
  rendererDir?: string;
  appVersion?: string;
  workstation?: string;
  passwordIterations?: number;
}

export interface Harness {
  /** http://127.0.0.1:<port>/ : open this in the browser. */
  url: string;
  origin: string;
  core: Core;
  clock: ManualClock;
  /** Stops the server (dropping open connections) and closes the core and its database. */
  close(): Promise<void>;
}

/** The CSP of the app protocol, except that the bridge must reach /api/call on its own origin. */
export const HARNESS_CSP = contentSecurityPolicy({ 'connect-src': "'self'" });

const BRIDGE_TAG = `<script src="${BRIDGE_PATH}"></script>`;

/** Puts the bridge before the page's first script (the app's module script), else at the end of head. */
export function injectBridge(html: string): string {
  const firstScript = html.search(/<script\b/i);
  if (firstScript >= 0) return `${html.slice(0, firstScript)}${BRIDGE_TAG}\n${html.slice(firstScript)}`;
  const headEnd = html.search(/<\/head>/i);
  if (headEnd >= 0) return `${html.slice(0, headEnd)}${BRIDGE_TAG}\n${html.slice(headEnd)}`;
  return `${BRIDGE_TAG}\n${html}`;
}

export async function startHarness(options: HarnessOptions): Promise<Harness> {
  const rendererDir = path.resolve(REPO_ROOT, options.rendererDir ?? 'dist/renderer');
  if (!existsSync(path.join(rendererDir, 'index.html'))) {
    throw new Error(`no built renderer at ${rendererDir}: run npx vite build --config renderer/vite.config.ts`);
  }
  const bridge = await readFile(await buildBridge());
  const clock = options.clock ?? new ManualClock(DEFAULT_START);
  const core = createCore({
    db: openDb(options.dbPath),
    clock,
    appVersion: options.appVersion ?? '0.0.0-harness',
    passwordIterations: options.passwordIterations ?? TEST_PASSWORD_ITERATIONS,
  });
  const workstation = options.workstation ?? 'harness';
  const connections = new Map<string, Connection>();

  const server = http.createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const host = `127.0.0.1:${port}`;
  const origin = `http://${host}`;

  const context: RequestContext = { rendererDir, bridge, clock, core, connections, workstation, host, origin };
  server.on('request', (request: http.IncomingMessage, response: http.ServerResponse) => {
    handleRequest(context, request, response).catch((error: unknown) => {
      console.error('harness: request failed', error);
      if (!response.headersSent) sendResult(response, 500, failure('INTERNAL', 'internal error'));
      else response.destroy();
    });
  });

  let closed = false;
  return {
    url: `${origin}/`,
    origin,
    core,
    clock,
    async close() {
      if (closed) return;
      closed = true;
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      core.close();
    },
  };
}

interface RequestContext {
  rendererDir: string;
  bridge: Buffer;
  clock: ManualClock;
  core: Core;
  connections: Map<string, Connection>;
  workstation: string;
  host: string;
  origin: string;
}

function failure(code: ErrorCode, message: string): Result<never> {
  return { ok: false, error: { code, message } };
}

async function handleRequest(ctx: RequestContext, request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
  // Host pins the server's own address (no DNS rebinding); Origin, when sent, must be our own.
  if (request.headers.host !== ctx.host) return sendResult(response, 403, failure('FORBIDDEN', 'wrong Host'));
  const requestOrigin = request.headers.origin;
  if (requestOrigin !== undefined && requestOrigin !== ctx.origin) return sendResult(response, 403, failure('FORBIDDEN', 'cross-origin request'));

  const connection = assignConnection(ctx, request, response);
  const url = new URL(request.url ?? '/', ctx.origin);
  const method = request.method ?? 'GET';

  if (url.pathname === API_CALL_PATH || url.pathname === CLOCK_PATH) {
    if (method !== 'POST') return sendResult(response, 405, failure('INVALID_INPUT', 'use POST'), { Allow: 'POST' });
    // A browser sends Origin on every POST; its absence means the caller is not our page.
    if (requestOrigin === undefined) return sendResult(response, 403, failure('FORBIDDEN', 'missing Origin'));
    const body = await readJsonBody(request);
    if (!body.ok) return sendResult(response, body.status, body.result);
    if (url.pathname === CLOCK_PATH) return sendResult(response, 200, moveClock(ctx.clock, body.value));
    return sendResult(response, 200, await callCore(ctx, connection, body.value));
  }

  if (method !== 'GET' && method !== 'HEAD') return sendText(response, 405, 'Method not allowed', { Allow: 'GET, HEAD' });
  if (url.pathname === BRIDGE_PATH) return sendBody(response, method, 200, 'text/javascript; charset=utf-8', ctx.bridge);
  const asset = await loadRendererAsset(ctx.rendererDir, url.pathname);
  const body = asset.contentType.startsWith('text/html') ? Buffer.from(injectBridge(Buffer.from(asset.body).toString('utf8'))) : asset.body;
  return sendBody(response, method, asset.status, asset.contentType, body);
}

// ---- connections: one per browser context, by cookie ----

function assignConnection(ctx: RequestContext, request: http.IncomingMessage, response: http.ServerResponse): Connection {
  const token = readCookie(request.headers.cookie, SESSION_COOKIE);
  const existing = token === undefined ? undefined : ctx.connections.get(token);
  if (existing) return existing;
  const fresh = randomBytes(32).toString('base64url');
  const connection: Connection = { session: null, workstation: ctx.workstation };
  ctx.connections.set(fresh, connection);
  response.setHeader('Set-Cookie', `${SESSION_COOKIE}=${fresh}; Path=/; HttpOnly; SameSite=Strict`);
  return connection;
}

function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}

// ---- bodies ----

type BodyRead = { ok: true; value: unknown } | { ok: false; status: number; result: Result<never> };

async function readJsonBody(request: http.IncomingMessage): Promise<BodyRead> {
  const contentType = request.headers['content-type'] ?? '';
  const declared = Number(request.headers['content-length'] ?? '0');
  const chunks: Buffer[] = [];
  let size = 0;
  // Drain the whole body even when it is too large, so the client gets an answer rather than a reset.
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size <= MAX_BODY_BYTES) chunks.push(chunk);
  }
  if (size > MAX_BODY_BYTES || declared > MAX_BODY_BYTES) {
    return { ok: false, status: 413, result: failure('INVALID_INPUT', `the request body is larger than ${MAX_BODY_BYTES} bytes`) };
  }
  if (!/^application\/json\s*(;|$)/i.test(contentType)) {
    return { ok: false, status: 415, result: failure('INVALID_INPUT', 'the request body must be application/json') };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    return { ok: false, status: 400, result: failure('INVALID_INPUT', 'the request body is not UTF-8') };
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, status: 400, result: failure('INVALID_INPUT', 'the request body is not valid JSON') };
  }
}

async function callCore(ctx: RequestContext, connection: Connection, body: unknown): Promise<Result<unknown>> {
  if (typeof body !== 'object' || body === null || Array.isArray(body) || !('method' in body)) {
    return failure('INVALID_INPUT', 'the request body must be {"method": ..., "input": ...}');
  }
  const { method } = body;
  const input = 'input' in body ? body.input : undefined;
  if (!isMethodName(method)) return failure('UNKNOWN_METHOD', `unknown method ${typeof method === 'string' ? JSON.stringify(method.slice(0, 80)) : typeof method}`);
  const problem = plainDataProblem(input);
  if (problem !== null) return failure('INVALID_INPUT', problem);
  try {
    return await ctx.core.dispatch(connection, method, input);
  } catch (error) {
    console.error(`harness: ${method} threw`, error);
    return failure('INTERNAL', 'internal error');
  }
}

function moveClock(clock: ManualClock, body: unknown): Result<{ now: string }> {
  if (typeof body !== 'object' || body === null || Array.isArray(body) || Object.keys(body).length !== 1) {
    return failure('INVALID_INPUT', 'send exactly one of {"advanceDays": n}, {"advanceMs": n}, {"set": "<ISO time>"}');
  }
  try {
    if ('advanceDays' in body && typeof body.advanceDays === 'number') clock.advanceDays(body.advanceDays);
    else if ('advanceMs' in body && typeof body.advanceMs === 'number') clock.advance(body.advanceMs);
    else if ('set' in body && typeof body.set === 'string' && !Number.isNaN(Date.parse(body.set))) clock.set(new Date(body.set));
    else return failure('INVALID_INPUT', 'send exactly one of {"advanceDays": n}, {"advanceMs": n}, {"set": "<ISO time>"}');
  } catch (error) {
    return failure('INVALID_INPUT', error instanceof Error ? error.message : String(error));
  }
  return { ok: true, value: { now: clock.now().toISOString() } };
}

// ---- responses ----

function sendBody(response: http.ServerResponse, method: string, status: number, contentType: string, body: Uint8Array): void {
  response.writeHead(status, { ...securityHeaders(HARNESS_CSP), 'Content-Type': contentType, 'Content-Length': body.byteLength });
  response.end(method === 'HEAD' ? undefined : body);
}

function sendText(response: http.ServerResponse, status: number, text: string, extra: Record<string, string> = {}): void {
  response.writeHead(status, { ...securityHeaders(HARNESS_CSP), ...extra, 'Content-Type': 'text/plain; charset=utf-8' });
  response.end(text);
}

function sendResult(response: http.ServerResponse, status: number, result: Result<unknown>, extra: Record<string, string> = {}): void {
  const body = Buffer.from(JSON.stringify(result));
  response.writeHead(status, { ...securityHeaders(HARNESS_CSP), ...extra, 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': body.byteLength });
  response.end(body);
}
