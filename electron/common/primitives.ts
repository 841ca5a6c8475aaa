// Small schemas shared by every record kind.
import { z } from 'zod';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Whether a `YYYY-MM-DD` string names a day of the proleptic Gregorian calendar (as Date does).
 * Plain arithmetic: every date of every record an import checks passes here, and building a Date
 * for each cost more than the rest of the record's checks together.
 */
export function isCalendarDate(s: string): boolean {
  if (!ISO_DATE.test(s)) return false;
  const year = Number(s.slice(0, 4));
  const month = Number(s.slice(5, 7));
  const day = Number(s.slice(8, 10));
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] as number));
}

/** A calendar date, `YYYY-MM-DD`, that exists. */
export const isoDateSchema = z.string().regex(ISO_DATE, 'must be a date as YYYY-MM-DD').refine(isCalendarDate, 'is not a real calendar date');

/** A UTC timestamp as produced by Date.toISOString(). */
export const isoTimestampSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/, 'must be a UTC timestamp');

/** ULID: 26 Crockford base-32 characters. */
export const ulidSchema = z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'must be a record identifier (ULID)');

/** Site identifiers name the installation that owns a record: upper case letters, digits and dashes. */
export const siteIdSchema = z
  .string()
  .regex(/^[A-Z0-9][A-Z0-9-]{1,31}$/, 'must be 2-32 characters: A-Z, 0-9 and dashes, starting with a letter or digit');

/** Free text typed by a user: trimmed, no control characters, bounded. */
export function text(max: number) {
  return z
    .string()
    .trim()
    .max(max, `must be at most ${max} characters`)
    // eslint-disable-next-line no-control-regex
    .refine((s) => !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(s), 'contains control characters');
}

export function requiredText(max: number) {
  return text(max).pipe(z.string().min(1, 'is required'));
}

export const reasonSchema = requiredText(500);

export const pageSchema = z.strictObject({
  offset: z.number().int().min(0).max(10_000_000).default(0),
  limit: z.number().int().min(1).max(500).default(100),
});

export function pagedSchema<T extends z.ZodType>(item: T) {
  return z.strictObject({ items: z.array(item), total: z.number().int().min(0), offset: z.number().int().min(0) });
}

/** Add whole days to a calendar date. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
