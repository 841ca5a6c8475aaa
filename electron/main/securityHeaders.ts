// The response headers every renderer file is served with, by the app protocol and (with one
// documented difference) by the test harness. Pure: no Electron.

const CSP_DIRECTIVES = {
  'default-src': "'self'",
  'script-src': "'self'",
  'style-src': "'self'",
  'img-src': "'self' data:",
  'font-src': "'self'",
  // The app talks to the core only through window.ledger (IPC), never over the network.
  'connect-src': "'none'",
  'object-src': "'none'",
  'base-uri': "'none'",
  'form-action': "'none'",
  'frame-ancestors': "'none'",
} as const;

export type CspDirective = keyof typeof CSP_DIRECTIVES;

/** The Content-Security-Policy, optionally with directives replaced (the harness needs connect-src 'self'). */
export function contentSecurityPolicy(overrides: Partial<Record<CspDirective, string>> = {}): string {
  const directives: Record<string, string> = { ...CSP_DIRECTIVES, ...overrides };
  return Object.entries(directives)
    .map(([name, value]) => `${name} ${value}`)
    .join('; ');
}

export const CONTENT_SECURITY_POLICY = contentSecurityPolicy();

/** Headers for every renderer response besides Content-Type. */
export function securityHeaders(csp: string = CONTENT_SECURITY_POLICY): Record<string, string> {
  return {
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Cache-Control': 'no-store',
  };
}
