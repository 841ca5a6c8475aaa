// The envelope every call returns across a boundary (IPC, HTTP, CLI). Errors never cross as
// thrown exceptions: Electron keeps only `message` of a thrown error, and a closed set of codes
// lets callers switch on them exhaustively.

export const ERROR_CODES = [
  'INVALID_INPUT',
  'NOT_FOUND',
  'FORBIDDEN',
  'UNAUTHENTICATED',
  /** The session is locked after idle time: unlock with the password; unsaved work is kept. */
  'SESSION_LOCKED',
  /** Too many failed sign-ins: an administrator must unlock the account. */
  'ACCOUNT_LOCKED',
  /** An administrator reset the password: choose a new one before anything else. */
  'PASSWORD_CHANGE_REQUIRED',
  'CONFLICT',
  'INVALID_TRANSITION',
  'BUNDLE_REJECTED',
  'UNKNOWN_METHOD',
  /** The installation has not been set up yet (no site identity, no administrator). */
  'NOT_CONFIGURED',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** One problem with one field of an input; `path` is the field path, e.g. ['sender', 'organisation']. */
export interface FieldIssue {
  path: (string | number)[];
  message: string;
}

export interface LedgerErrorBody {
  code: ErrorCode;
  message: string;
  /** Field problems for INVALID_INPUT; other codes may carry structured facts. */
  issues?: FieldIssue[];
  details?: Record<string, unknown>;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: LedgerErrorBody };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T = never>(error: LedgerErrorBody): Result<T> {
  return { ok: false, error };
}

/** Thrown inside the core by services; dispatch turns it into a Result. Never crosses a boundary. */
export class LedgerError extends Error {
  readonly code: ErrorCode;
  readonly issues: FieldIssue[] | undefined;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, message: string, extra?: { issues?: FieldIssue[]; details?: Record<string, unknown> }) {
    super(message);
    this.name = 'LedgerError';
    this.code = code;
    this.issues = extra?.issues;
    this.details = extra?.details;
  }

  toBody(): LedgerErrorBody {
    const body: LedgerErrorBody = { code: this.code, message: this.message };
    if (this.issues) body.issues = this.issues;
    if (this.details) body.details = this.details;
    return body;
  }
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

export function assertNever(value: never, what = 'value'): never {
  throw new Error(`Unexpected ${what}: ${String(value)}`);
}
