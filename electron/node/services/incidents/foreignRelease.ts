// What may be given to the foreign government (32 CFR 2001.48(b)): circumstances and findings,
// normally not weaknesses of the security system. Built field by field from an allow-list, so
// nothing internal (findings, reasons, persons, actions, notes) can slip into it.
import { bannerMarking } from '../../../common/classification/index.js';
import type { ForeignReleaseView } from '../../../common/incidents/model.js';
import { LedgerError } from '../../../common/result.js';
import { incidentCountries } from '../../../../db/projections/incidents.js';
import type { HandlerContext } from '../../context.js';
import { loadIncident } from './store.js';

export function foreignRelease(ctx: HandlerContext, id: string): ForeignReleaseView {
  const incident = loadIncident(ctx, id);
  if (incident.status === 'void') throw new LedgerError('INVALID_TRANSITION', `incident ${incident.incidentNumber} is void`);
  if (!incident.foreignGovernment.involved) {
    throw new LedgerError('INVALID_TRANSITION', `no foreign government is involved in incident ${incident.incidentNumber}`);
  }
  const view: ForeignReleaseView = {
    marking: bannerMarking(incident.foreignRelease.classification),
    classification: incident.foreignRelease.classification,
    incidentNumber: incident.incidentNumber,
    unclassifiedTitle: incident.unclassifiedTitle,
    countries: incidentCountries(incident),
    occurredOn: incident.occurredOn,
    discoveredOn: incident.discoveredOn,
    exposure: { from: incident.exposure.from, to: incident.exposure.to },
    material: incident.material.map((m) => ({
      description: m.description,
      marking: bannerMarking(m.classification),
      originator: m.originator,
      materialDate: m.materialDate,
      materialType: m.materialType,
    })),
    determination: incident.determination?.outcome ?? null,
    circumstances: incident.foreignRelease.circumstances,
    findings: incident.foreignRelease.findings,
    csaNotifiedOn: incident.csaNotifiedOn,
    preparedOn: ctx.today(),
  };
  // Producing a release for a foreign government is an export: audited.
  ctx.record('incident', incident.id, 'foreign_release', { countries: view.countries, marking: view.marking, outcome: 'prepared' });
  return view;
}
