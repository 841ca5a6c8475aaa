// Time comes from an injected clock so suspense, overdue and lockout rules are testable without
// sleeping, and so the test harness can move a whole running app forward in time.

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export class ManualClock implements Clock {
  private current: number;

  constructor(start: Date) {
    this.current = start.getTime();
  }

  now(): Date {
    return new Date(this.current);
  }

  advance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new Error('a clock only moves forward');
    this.current += ms;
  }

  advanceDays(days: number): void {
    this.advance(days * 86_400_000);
  }

  set(date: Date): void {
    this.current = date.getTime();
  }
}

export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}
