// Raw HTTP for the harness tests: node:http sends the path exactly as given (fetch would
// normalise `..` away), and every header can be set or left out.
import http from 'node:http';

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
}

export interface RawRequest {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Default: 127.0.0.1. */
  host?: string;
}

export function rawRequest(baseUrl: string, request: RawRequest = {}): Promise<RawResponse> {
  const base = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: request.host ?? base.hostname, port: base.port, method: request.method ?? 'GET', path: request.path ?? '/', headers: request.headers ?? {} },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(request.body);
  });
}

/** POSTs JSON as the page's own origin would; returns the parsed body and any new cookie. */
export async function postJson(
  baseUrl: string,
  path: string,
  body: unknown,
  options: { cookie?: string; origin?: string } = {},
): Promise<{ status: number; json: unknown; cookie: string | undefined }> {
  const origin = options.origin ?? new URL(baseUrl).origin;
  const headers: Record<string, string> = { 'Content-Type': 'application/json', Origin: origin };
  if (options.cookie) headers.Cookie = options.cookie;
  const response = await rawRequest(baseUrl, { method: 'POST', path, headers, body: JSON.stringify(body) });
  const setCookie = response.headers['set-cookie']?.[0]?.split(';')[0];
  return { status: response.status, json: JSON.parse(response.text) as unknown, cookie: setCookie ?? options.cookie };
}
