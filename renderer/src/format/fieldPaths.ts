// Field keys for forms with repeated parts (visitors, facilities, material): the key is the whole
// schema path, array indexes included ('visitors.1.document.number'), so an issue from zod or
// from the core lands on the input of the right visitor.
import { fieldSentence } from './errors.js';

export interface PathIssue {
  path: readonly PropertyKey[];
  message: string;
}

/** ['visitors', 1, 'document', 'number'] -> 'visitors.1.document.number'. */
export function pathKey(path: readonly PropertyKey[]): string {
  return path.map((part) => String(part)).join('.');
}

/** The input id of a field key within one form: 'visit', 'visitors.1.fullName' -> 'visit-visitors-1-fullName'. */
export function inputId(form: string, key: string): string {
  return `${form}-${key.replace(/\./g, '-')}`;
}

/**
 * Assigns each issue to the nearest known field (trimming the path from the end until one matches);
 * issues that match no field come back in `other`. The first message per field wins.
 */
export function issuesByPath(issues: readonly PathIssue[], known: (key: string) => boolean): { fields: Map<string, string>; other: string[] } {
  const fields = new Map<string, string>();
  const other: string[] = [];
  for (const issue of issues) {
    const parts = issue.path.map((part) => String(part));
    while (parts.length > 0 && !known(parts.join('.'))) parts.pop();
    const key = parts.join('.');
    if (key === '') other.push(issue.message);
    else if (!fields.has(key)) fields.set(key, issue.message);
  }
  return { fields, other };
}

/** 'Passport or ID number' -> 'passport or ID number' (an acronym or 'U.S.' stays as it is). */
export function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}

/**
 * A sentence for an error summary, which is read away from the field: it always names the field
 * ("Material 2 countries of origin: name at least one country of origin").
 */
export function summarySentence(label: string, message: string): string {
  const sentence = fieldSentence(label, message);
  return sentence.toLowerCase().includes(label.toLowerCase()) ? sentence : `${label}: ${lowerFirst(message)}`;
}

/** Field errors as sentences naming the field: 'is required' -> 'Full name is required'. */
export function sentences(fields: ReadonlyMap<string, string>, labelOf: (key: string) => string): Map<string, string> {
  return new Map([...fields].map(([key, message]) => [key, fieldSentence(labelOf(key), message)]));
}
