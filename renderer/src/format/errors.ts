// Turns Result errors and zod issues into what a user reads. Field errors stay next to their
// fields; everything else becomes one sentence.
import type { LedgerErrorBody } from '../../../electron/common/result.js';
import { assertNever } from '../../../electron/common/result.js';

/** One sentence for an error that is not about a single field. */
export function errorMessage(error: LedgerErrorBody): string {
  const code = error.code;
  switch (code) {
    case 'INVALID_INPUT':
      return error.issues && error.issues.length > 0 ? 'Some entries need correcting; see the marked fields.' : `The entry was refused: ${error.message}`;
    case 'NOT_FOUND':
      return `Not found: ${error.message}`;
    case 'FORBIDDEN':
      return `Your role does not allow this: ${error.message}`;
    case 'UNAUTHENTICATED':
      return error.message || 'Your session has ended. Sign in again.';
    case 'SESSION_LOCKED':
      return 'The session is locked after a period without activity. Enter your password to continue.';
    case 'ACCOUNT_LOCKED':
      return `The account is locked: ${error.message}`;
    case 'PASSWORD_CHANGE_REQUIRED':
      return 'Your password was reset by an administrator: choose a new one to continue.';
    case 'CONFLICT':
      return `Someone else changed this record while you were working on it. Reload it to see the latest version, then try again. (${error.message})`;
    case 'INVALID_TRANSITION':
      return `This action is not allowed in the record's current state: ${error.message}`;
    case 'BUNDLE_REJECTED':
      return `The bundle was rejected: ${error.message}`;
    case 'NOT_CONFIGURED':
      return `This installation has not been set up yet: ${error.message}`;
    case 'UNKNOWN_METHOD':
    case 'INTERNAL':
      return `The ledger could not complete the request: ${error.message}`;
    default:
      return assertNever(code, 'error code');
  }
}

/** A zod-style issue message as a sentence about a field: "is required" -> "Control number is required". */
export function fieldSentence(label: string, message: string): string {
  const friendly = friendlyZodMessage(message);
  if (friendly === CHOOSE) return `Choose the ${lowerFirst(label)}`;
  if (/^(is|are|must|may|contains|cannot|has)\b/.test(friendly)) return `${label} ${friendly}`;
  return friendly.charAt(0).toUpperCase() + friendly.slice(1);
}

const CHOOSE = 'Choose one of the options';

/** "Method of transmission" -> "method of transmission"; "U.S. level" stays. */
function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}

function friendlyZodMessage(message: string): string {
  if (message.startsWith('Invalid option') || message.startsWith('must be one of:')) return CHOOSE;
  if (/^Invalid input: expected \w+, received undefined/.test(message)) return 'is required';
  if (message.startsWith('Invalid input')) return 'is not valid';
  return message;
}

/** The field key of an issue path: strings joined by dots, stopping at the first array index. */
export function issueKey(path: readonly PropertyKey[]): string {
  const parts: string[] = [];
  for (const part of path) {
    if (typeof part !== 'string') break;
    parts.push(part);
  }
  return parts.join('.');
}

/**
 * Assigns each issue to the nearest known field (trimming the path until one matches); issues
 * that match no field are returned in `other`. The first message per field wins.
 */
export function issuesToFields(
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
  knownKeys: ReadonlySet<string>,
  stripPrefix?: string,
): { fields: Map<string, string>; other: string[] } {
  const fields = new Map<string, string>();
  const other: string[] = [];
  for (const issue of issues) {
    let key = issueKey(issue.path);
    if (stripPrefix && (key === stripPrefix || key.startsWith(`${stripPrefix}.`))) key = key.slice(stripPrefix.length + 1);
    while (key !== '' && !knownKeys.has(key)) key = key.includes('.') ? key.slice(0, key.lastIndexOf('.')) : '';
    if (key === '') other.push(issue.message);
    else if (!fields.has(key)) fields.set(key, issue.message);
  }
  return { fields, other };
}
