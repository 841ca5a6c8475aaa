// Date arithmetic behind the visit rules (DOMAIN.md "International visits", MISWG Document 7).
// Pure, so the UI can show the same limits the core enforces.
import type { UsLevel } from '../classification/model.js';
import { usLevelRank } from '../classification/model.js';
import { addDays, daysBetween } from '../primitives.js';
import type { ClearanceLevel, VisitType } from './model.js';

/** One-time visits are normally up to 30 days; an emergency visit is a one-time visit at short notice. */
export const ONE_TIME_MAX_DAYS = 30;
/** Requests naming more visitors are split. */
export const MAX_VISITORS_PER_REQUEST = 30;
/** Submission no more than 90 days ahead of the start. */
export const MAX_DAYS_AHEAD = 90;
/** Lead time: the host country's plus 5 working days; recurring visits: 5 working days' notice per trip. */
export const EXTRA_LEAD_WORKING_DAYS = 5;
export const TRIP_NOTICE_WORKING_DAYS = 5;
export const RETENTION_YEARS = 1;
export const NATO_RETENTION_YEARS = 3;

export function addYears(date: string, years: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  const day = d.getUTCDate();
  d.setUTCFullYear(d.getUTCFullYear() + years);
  // 29 February plus a year is 28 February, not 1 March.
  if (d.getUTCDate() !== day) d.setUTCDate(0);
  return d.toISOString().slice(0, 10);
}

/** Calendar days from start to end, both included. */
export function visitDurationDays(startDate: string, endDate: string): number {
  return daysBetween(startDate, endDate) + 1;
}

/** The last end date a visit of this type starting on `startDate` may have. */
export function latestEndDate(type: VisitType, startDate: string): string {
  switch (type) {
    case 'one_time':
    case 'emergency':
      return addDays(startDate, ONE_TIME_MAX_DAYS - 1);
    case 'recurring':
    case 'long_term':
      // Up to one year: the day before the same date a year later (365 days, 366 across a 29 February).
      return addDays(addYears(startDate, 1), -1);
  }
}

export function durationLimitText(type: VisitType): string {
  return type === 'one_time' || type === 'emergency' ? `${ONE_TIME_MAX_DAYS} days` : 'one year';
}

function isWeekend(date: string): boolean {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 || day === 6;
}

/** The date `n` working days (Monday to Friday; public holidays are not modelled) before `date`. */
export function subtractWorkingDays(date: string, n: number): string {
  let current = date;
  let counted = 0;
  while (counted < n) {
    current = addDays(current, -1);
    if (!isWeekend(current)) counted++;
  }
  return current;
}

/** The last date an outgoing request may be submitted: the host country's lead time plus 5 working days. */
export function latestSubmissionDate(startDate: string, hostLeadTimeWorkingDays: number): string {
  return subtractWorkingDays(startDate, hostLeadTimeWorkingDays + EXTRA_LEAD_WORKING_DAYS);
}

/** The last date the host may be notified of a recurring visit's trip. */
export function latestTripNotice(tripStart: string): string {
  return subtractWorkingDays(tripStart, TRIP_NOTICE_WORKING_DAYS);
}

export function retentionYears(natoVisit: boolean): number {
  return natoVisit ? NATO_RETENTION_YEARS : RETENTION_YEARS;
}

/** The date a visit ends for retention: its completion, else its planned end. */
export function visitEnd(request: { completedOn: string | null; endDate: string }): string {
  return request.completedOn ?? request.endDate;
}

/** Records may be disposed of after this date: 1 year after the visit ends (NATO: 3 years). */
export function disposeAfter(visitEnd: string, natoVisit: boolean): string {
  return addYears(visitEnd, retentionYears(natoVisit));
}

/** Rank of a clearance against U.S. levels: foreign RESTRICTED gives no classified access. */
export function clearanceRank(level: ClearanceLevel): number {
  switch (level) {
    case 'NONE':
    case 'RESTRICTED':
      return 0;
    case 'CONFIDENTIAL':
      return 1;
    case 'SECRET':
      return 2;
    case 'TOP SECRET':
      return 3;
  }
}

export function clearanceCovers(clearance: ClearanceLevel, access: UsLevel): boolean {
  return clearanceRank(clearance) >= usLevelRank(access);
}
