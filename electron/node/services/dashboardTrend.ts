// Open items over time, for the dashboard's small chart: one point a week for the last twelve
// weeks and today, counted from the dates the records keep (dispatch, signed receipt back,
// reported, closed), so no history has to be replayed. One read per kind, counted here.
import type { Database } from 'better-sqlite3';
import type { TrendPoint } from '../../common/contract/dashboard.js';
import { addDays } from '../../common/primitives.js';
import type { OpenInterval } from '../../../db/queries/dashboard.js';
import { awaitingIntervals, incidentIntervals } from '../../../db/queries/dashboard.js';

export const TREND_WEEKS = 12;

function openOn(intervals: readonly OpenInterval[], date: string): number {
  return intervals.filter((i) => i.opened <= date && (i.closed === null || i.closed > date)).length;
}

export function openTrend(db: Database, today: string): TrendPoint[] {
  const dates = Array.from({ length: TREND_WEEKS + 1 }, (_, i) => addDays(today, (i - TREND_WEEKS) * 7));
  const from = dates[0] ?? today;
  const receipts = awaitingIntervals(db, from, today);
  const incidents = incidentIntervals(db, from, today);
  return dates.map((date) => ({ date, receiptsAwaiting: openOn(receipts, date), incidentsOpen: openOn(incidents, date) }));
}
