// Words the screens use for domain values.
import type { Direction } from '../../../electron/common/receipts/model.js';

export const DIRECTION_LABELS: Record<Direction, string> = { incoming: 'Incoming', outgoing: 'Outgoing' };

export const FGI_FILTER_LABELS = { any: 'U.S. and foreign', only: 'Foreign (FGI) only', exclude: 'U.S. only (exclude FGI)' } as const;

export const FOREIGN_KIND_LABELS = { none: 'None (U.S. information)', country: 'Foreign government', nato: 'NATO' } as const;

/** A calendar date as stored (YYYY-MM-DD), or a dash. */
export function formatDate(date: string | null | undefined): string {
  return date ? date : '—';
}

/** A UTC timestamp as "YYYY-MM-DD HH:MM UTC". */
export function formatTimestamp(at: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(at);
  return match ? `${match[1]} ${match[2]} UTC` : at;
}

export function yesNo(value: boolean): string {
  return value ? 'Yes' : 'No';
}

export function listOrDash(values: readonly string[]): string {
  return values.length > 0 ? values.join(', ') : '—';
}

/** "create" -> "Create", "report_improper" -> "Report improper". */
export function humanise(name: string): string {
  const words = name.replace(/[._]/g, ' ').replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

/** The STIG password rules (passwordSchema in electron/common/site.ts), shown before the user types. */
export const PASSWORD_RULES_HINT = 'At least 15 characters, with an upper-case letter, a lower-case letter, a digit and a special character (not a letter or digit).';
