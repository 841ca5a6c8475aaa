import type { Incident, IncidentDraft } from '../../../common/incidents/model.js';
import { LedgerError } from '../../../common/result.js';
import { findLiveIncidentByNumber, getIncident, incidentNumbersWithPrefix } from '../../../../db/queries/incidents.js';
import type { HandlerContext } from '../../context.js';

export function loadIncident(ctx: HandlerContext, id: string): Incident {
  const incident = getIncident(ctx.db, id);
  if (!incident) throw new LedgerError('NOT_FOUND', `no incident with id ${id}`);
  return incident;
}

/** Load for a change: the caller must have seen the current version (no lost updates). */
export function loadIncidentForChange(ctx: HandlerContext, id: string, expectedVersion: number): Incident {
  const incident = loadIncident(ctx, id);
  if (incident.siteId !== ctx.site.siteId) {
    throw new LedgerError('FORBIDDEN', `incident ${incident.incidentNumber} belongs to site ${incident.siteId}: only its origin site changes it`);
  }
  if (incident.version !== expectedVersion) {
    throw new LedgerError('CONFLICT', `incident ${incident.incidentNumber} was changed by someone else (version ${incident.version}, you had ${expectedVersion}): reload it`, {
      details: { currentVersion: incident.version },
    });
  }
  return incident;
}

export function assertIncidentNumberFree(ctx: HandlerContext, incidentNumber: string, exceptId?: string): void {
  const existing = findLiveIncidentByNumber(ctx.db, ctx.site.siteId, incidentNumber);
  if (existing !== undefined && existing !== exceptId) {
    throw new LedgerError('CONFLICT', `incident number ${incidentNumber} is already used by another incident`, {
      issues: [{ path: ['incidentNumber'], message: 'is already used by another incident' }],
    });
  }
}

/** The next free INC-<year>-<nnnn> of this site; numbers of void incidents are not reused. */
export function nextIncidentNumber(ctx: HandlerContext, year: string): string {
  const prefix = `INC-${year}-`;
  const used = incidentNumbersWithPrefix(ctx.db, ctx.site.siteId, prefix)
    .map((n) => Number.parseInt(n.slice(prefix.length), 10))
    .filter((n) => Number.isInteger(n));
  return `${prefix}${String(Math.max(0, ...used) + 1).padStart(4, '0')}`;
}

/** The user-editable part of a stored incident. */
export function draftOfIncident(i: Incident): IncidentDraft {
  return {
    incidentNumber: i.incidentNumber,
    unclassifiedTitle: i.unclassifiedTitle,
    classification: i.classification,
    description: i.description,
    location: i.location,
    occurredOn: i.occurredOn,
    discoveredOn: i.discoveredOn,
    reportedBy: i.reportedBy,
    reportedTo: i.reportedTo,
    reportedOn: i.reportedOn,
    material: i.material,
    exposure: i.exposure,
    unauthorisedPersons: i.unauthorisedPersons,
    classificationValidation: i.classificationValidation,
    determination: i.determination,
    correctiveActions: i.correctiveActions,
    csaNotifiedOn: i.csaNotifiedOn,
    foreignGovernment: i.foreignGovernment,
    foreignRelease: i.foreignRelease,
    internalFindings: i.internalFindings,
    notes: i.notes,
  };
}
