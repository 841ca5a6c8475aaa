// The errors of a form whose inputs are keyed by their path in the contract's schema (visit
// requests, incidents): the client's own check and the core's refusal land on the same keys, are
// listed in form order for the summary, and are worded next to each input.
import type { ZodError } from 'zod';
import type { LedgerErrorBody } from '../../../electron/common/result.js';
import { errorMessage } from '../format/errors.js';
import { issuesByPath, summarySentence } from '../format/fieldPaths.js';

export interface KeyedError {
  key: string;
  /** The sentence for the summary ("Visitor 2 full name is required"). */
  message: string;
  /** The raw message, for the sentence next to the field. */
  raw: string;
}

/** The client's issues by key, for the keys the form has. */
export function clientErrors(validation: { success: true } | { success: false; error: ZodError }, keys: readonly string[]): Map<string, string> {
  if (validation.success) return new Map();
  const known = new Set(keys);
  return issuesByPath(validation.error.issues, (key) => known.has(key)).fields;
}

/** Every error to show, in form order: the client's first, else the core's. */
export function keyedErrors(keys: readonly string[], client: ReadonlyMap<string, string>, server: ReadonlyMap<string, string>, labelOf: (key: string) => string): KeyedError[] {
  const list: KeyedError[] = [];
  for (const key of keys) {
    const raw = client.get(key) ?? server.get(key);
    if (raw !== undefined) list.push({ key, raw, message: summarySentence(labelOf(key), raw) });
  }
  return list;
}

/** The core's refusal: issues on the form's keys by key, the rest in one general message. */
export function refusal(error: LedgerErrorBody, keys: readonly string[]): { serverErrors: Map<string, string>; generalError: string } {
  if (!error.issues) return { serverErrors: new Map(), generalError: errorMessage(error) };
  const known = new Set(keys);
  const { fields, other } = issuesByPath(error.issues, (key) => known.has(key));
  return { serverErrors: fields, generalError: other.length > 0 ? `${errorMessage(error)} ${other.join('; ')}` : errorMessage(error) };
}

/** Forget the core's errors under a repeated part that changed shape (a row added or removed). */
export function dropKeysUnder(errors: Map<string, string>, prefix: string): void {
  for (const key of [...errors.keys()]) if (key.startsWith(prefix)) errors.delete(key);
}
