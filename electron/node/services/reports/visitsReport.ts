// Visits in a date range: every live request whose dates overlap the range. The disclosure scope
// is never in a report: it goes to the roles that brief hosts, on the visit itself.
import { VISIT_STATUS_LABELS, VISIT_TYPE_LABELS } from '../../../common/visits/model.js';
import type { ReportRequest } from '../../../common/reports/model.js';
import { MAX_REPORT_ROWS } from '../../../common/reports/model.js';
import { visitorCounts } from '../../../../db/queries/visits.js';
import { visitsOverlapping } from '../../../../db/queries/reports.js';
import type { HandlerContext } from '../../context.js';
import type { ReportParts } from './reportTable.js';
import { markedRow } from './reportTable.js';

type VisitsRequest = Extract<ReportRequest, { report: 'visits' }>;

export function visitsReport(ctx: HandlerContext, request: VisitsRequest): ReportParts {
  const { items, total } = visitsOverlapping(ctx.db, request.from, request.to, MAX_REPORT_ROWS);
  const counts = visitorCounts(
    ctx.db,
    items.map((v) => v.id),
  );
  const rows = items.map((v) =>
    markedRow('visit', v, [
      v.requestNumber,
      v.direction === 'incoming' ? 'Incoming' : 'Outgoing',
      VISIT_TYPE_LABELS[v.type],
      v.country,
      v.unclassifiedTitle,
      v.startDate,
      v.endDate,
      VISIT_STATUS_LABELS[v.status],
      String(counts.get(v.id)?.active ?? 0),
      v.accessLevel,
      v.host,
    ]),
  );
  return {
    parameters: `Visits overlapping ${request.from} to ${request.to}`,
    columns: ['Request number', 'Direction', 'Type', 'Country', 'Unclassified title', 'From', 'To', 'Status', 'Visitors', 'Level of access', 'Host'],
    sections: [{ heading: 'Visits', rows }],
    truncated: total > items.length,
  };
}
