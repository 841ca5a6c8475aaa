// Incidents with culpability (117.8(e): patterns across incidents). Who was responsible and their
// culpability are personnel matters: only the roles that may read personnel see them; others see
// how many persons are named. Identifiers never appear.
import { INCIDENT_STATUS_LABELS } from '../../../common/incidents/steps.js';
import type { Incident } from '../../../common/incidents/model.js';
import { CULPABILITY_LABELS, DETERMINATION_LABELS } from '../../../common/incidents/model.js';
import type { ReportRequest } from '../../../common/reports/model.js';
import { MAX_REPORT_ROWS } from '../../../common/reports/model.js';
import { incidentsDiscovered } from '../../../../db/queries/reports.js';
import type { HandlerContext } from '../../context.js';
import { canSeePersonnel } from '../incidents/view.js';
import type { ReportParts } from './reportTable.js';
import { markedRow, orDash } from './reportTable.js';

type IncidentsRequest = Extract<ReportRequest, { report: 'incidents' }>;

function culpabilityText(incident: Incident, seesPersonnel: boolean): string {
  if (incident.responsible.length === 0) return 'No one named';
  if (!seesPersonnel) return `Withheld (${incident.responsible.length} named)`;
  return incident.responsible.map((p) => `${p.name}: ${CULPABILITY_LABELS[p.culpability]}`).join('; ');
}

export function incidentsReport(ctx: HandlerContext, request: IncidentsRequest): ReportParts {
  const seesPersonnel = canSeePersonnel(ctx.requireSession().roles);
  const { items, total } = incidentsDiscovered(ctx.db, request, MAX_REPORT_ROWS);
  const rows = items.map((i) =>
    markedRow('incident', i, [
      i.incidentNumber,
      i.unclassifiedTitle,
      i.discoveredOn,
      i.reportedOn,
      INCIDENT_STATUS_LABELS[i.status],
      i.determination ? DETERMINATION_LABELS[i.determination.outcome] : 'Not yet determined',
      orDash(i.csaNotifiedOn),
      culpabilityText(i, seesPersonnel),
    ]),
  );
  const range = request.from || request.to ? `discovered ${request.from ?? 'any time'} to ${request.to ?? 'today'}` : 'all incidents';
  return {
    parameters: `Incidents ${range}`,
    columns: ['Incident number', 'Unclassified title', 'Discovered', 'Reported', 'Status', 'Determination', 'CSA notified', 'Culpability'],
    sections: [{ heading: 'Incidents', rows }],
    truncated: total > items.length,
    notes: seesPersonnel ? [] : ['Responsible persons and culpability are personnel matters and are withheld from your role.'],
  };
}
