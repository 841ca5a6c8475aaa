// Words the visit screens use for the core's values.
import type { VisitListItem } from '../../../../electron/common/visits/model.js';
import { VISIT_TYPE_LABELS } from '../../../../electron/common/visits/model.js';
import { DIRECTION_LABELS } from '../../format/labels.js';

export const WHEN_LABELS = { any: 'All visits', upcoming: 'Upcoming visits', current: 'Current visits' } as const;

/** "Incoming emergency", "Outgoing one-time". */
export function visitKind(v: Pick<VisitListItem, 'direction' | 'type'>): string {
  return `${DIRECTION_LABELS[v.direction]} ${VISIT_TYPE_LABELS[v.type].toLowerCase()}`;
}

/** "2026-03-16 to 2026-03-20 (5 days)". */
export function visitDates(v: Pick<VisitListItem, 'startDate' | 'endDate' | 'durationDays'>): string {
  return `${v.startDate} to ${v.endDate} (${v.durationDays} ${v.durationDays === 1 ? 'day' : 'days'})`;
}
