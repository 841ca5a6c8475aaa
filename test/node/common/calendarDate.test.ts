import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isCalendarDate, isoDateSchema } from '../../../electron/common/primitives.js';

/** The rule it replaces: a day exists when Date reads it back unchanged. */
function byDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

describe('isCalendarDate', () => {
  it('knows month lengths and the Gregorian leap years', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2023-02-29')).toBe(false);
    expect(isCalendarDate('2000-02-29')).toBe(true);
    expect(isCalendarDate('1900-02-29')).toBe(false);
    expect(isCalendarDate('2026-04-31')).toBe(false);
    expect(isCalendarDate('2026-12-31')).toBe(true);
    expect(isCalendarDate('2026-00-10')).toBe(false);
    expect(isCalendarDate('2026-13-01')).toBe(false);
    expect(isCalendarDate('2026-01-00')).toBe(false);
    expect(isCalendarDate('2026-1-01')).toBe(false);
    expect(isCalendarDate('2026-01-01T00:00:00Z')).toBe(false);
  });

  it('agrees with Date on every month and day number 00-99 of the century years and their neighbours', () => {
    for (const year of [0, 1, 4, 100, 400, 1582, 1899, 1900, 1999, 2000, 2001, 2024, 2100, 2400, 9999]) {
      for (let month = 0; month <= 99; month++) {
        for (let day = 0; day <= 99; day++) {
          const s = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
          if (isCalendarDate(s) !== byDate(s)) expect.fail(`${s}: ${isCalendarDate(s)} but Date says ${byDate(s)}`);
        }
      }
    }
  });

  it('agrees with Date on any year (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), (year, month, day) => {
        const s = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
        expect(isCalendarDate(s)).toBe(byDate(s));
      }),
      { numRuns: 5000 },
    );
  });

  it('is the rule of isoDateSchema', () => {
    expect(isoDateSchema.safeParse('2024-02-29').success).toBe(true);
    const refused = isoDateSchema.safeParse('2023-02-29');
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.message).toBe('is not a real calendar date');
  });
});
