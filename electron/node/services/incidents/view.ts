// How incidents are read: step due dates and overdue steps from today; personnel (with the prior
// incidents of each person named) only for the roles that may see it; identifiers masked.
import { PERSONNEL_READERS } from '../../../common/contract/incidents.js';
import type { Incident, IncidentListItem, IncidentView, PriorIncident } from '../../../common/incidents/model.js';
import { incidentSteps } from '../../../common/incidents/steps.js';
import type { Role } from '../../../common/roles.js';
import { maskIdentifier } from '../../../common/visits/identifiers.js';
import { personKey } from '../../../../db/projections/incidents.js';
import { incidentsNamingPerson } from '../../../../db/queries/incidents.js';
import { getReceipt } from '../../../../db/queries/receipts.js';
import type { HandlerContext } from '../../context.js';

export function canSeePersonnel(roles: readonly Role[]): boolean {
  return roles.some((role) => PERSONNEL_READERS.includes(role));
}

export function toIncidentListItem(incident: Incident, today: string): IncidentListItem {
  const { responsible, disciplinaryActions: _actions, ...rest } = incident;
  const steps = incidentSteps(incident, today);
  return {
    ...rest,
    steps,
    overdue: steps.some((s) => s.state === 'overdue'),
    nextStep: steps.find((s) => s.state === 'pending' || s.state === 'overdue') ?? null,
    responsibleCount: responsible.length,
  };
}

export function toIncidentView(ctx: HandlerContext, incident: Incident, today: string): IncidentView {
  const roles = ctx.requireSession().roles;
  const linkedReceipts = incident.material.flatMap((m) => {
    const receipt = m.receiptId === null ? undefined : getReceipt(ctx.db, m.receiptId);
    return receipt ? [{ id: receipt.id, controlNumber: receipt.controlNumber, status: receipt.status }] : [];
  });
  return {
    ...toIncidentListItem(incident, today),
    personnel: canSeePersonnel(roles) ? personnelView(ctx, incident) : null,
    linkedReceipts,
  };
}

function personnelView(ctx: HandlerContext, incident: Incident): NonNullable<IncidentView['personnel']> {
  const responsible = incident.responsible.map(({ identifier, ...person }) => ({
    ...person,
    identifierMasked: maskIdentifier(identifier),
    priorIncidents: priorIncidents(ctx, incident, personKey(person.identifierType, identifier)),
  }));
  return {
    responsible,
    disciplinaryActions: incident.disciplinaryActions,
    patternAlert: responsible.some((p) => p.priorIncidents.length > 0),
  };
}

/** 117.8(e): other incidents naming the same person (same normalised identifier), discovered on or before this one. */
function priorIncidents(ctx: HandlerContext, incident: Incident, key: string): PriorIncident[] {
  return incidentsNamingPerson(ctx.db, key, incident.id)
    .filter(({ incident: other }) => other.discoveredOn <= incident.discoveredOn)
    .map(({ incident: other, personId }) => ({
      incidentId: other.id,
      incidentNumber: other.incidentNumber,
      discoveredOn: other.discoveredOn,
      status: other.status,
      determination: other.determination?.outcome ?? null,
      culpability: other.responsible.find((p) => p.id === personId)?.culpability ?? 'undetermined',
    }));
}
