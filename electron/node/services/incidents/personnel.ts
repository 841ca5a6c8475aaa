// Responsible individuals, culpability and disciplinary actions (117.8(e)): the security
// officer's to record. Identifiers are matched across incidents to reveal patterns.
import type { PersonnelChange } from '../../../common/contract/incidents.js';
import type { Incident, IncidentView, ResponsiblePerson } from '../../../common/incidents/model.js';
import { normaliseIdentifier } from '../../../common/visits/identifiers.js';
import { LedgerError, assertNever } from '../../../common/result.js';
import type { HandlerContext } from '../../context.js';
import { loadIncident, loadIncidentForChange } from './store.js';
import { assertOpen } from './updateIncident.js';
import { toIncidentView } from './view.js';

export interface PersonnelInput {
  id: string;
  expectedVersion: number;
  change: PersonnelChange;
  reason: string;
}

export function changePersonnel(ctx: HandlerContext, input: PersonnelInput): IncidentView {
  const current = loadIncidentForChange(ctx, input.id, input.expectedVersion);
  assertOpen(current);
  const today = ctx.today();
  const next: Incident = { ...applyChange(ctx, current, input.change, today), version: current.version + 1, updatedAt: ctx.nowIso(), updatedBy: ctx.actor() };
  const change = input.change;
  ctx.record('incident', current.id, 'personnel', {
    record: next,
    change: { op: change.op, personId: change.op === 'name_person' ? next.responsible.at(-1)!.id : change.personId },
    reason: input.reason,
  });
  return toIncidentView(ctx, next, today);
}

function applyChange(ctx: HandlerContext, incident: Incident, change: PersonnelChange, today: string): Incident {
  switch (change.op) {
    case 'name_person': {
      const person: ResponsiblePerson = { id: ctx.newId(), ...change.person, namedOn: today };
      assertNotNamedTwice(incident.responsible, person, ['change', 'person', 'identifier']);
      return { ...incident, responsible: [...incident.responsible, person] };
    }
    case 'update_person': {
      const found = findPerson(incident, change.personId);
      const updated: ResponsiblePerson = { ...found, ...Object.fromEntries(Object.entries(change.changes).filter(([, v]) => v !== undefined)) };
      assertNotNamedTwice(incident.responsible.filter((p) => p.id !== found.id), updated, ['change', 'changes', 'identifier']);
      return { ...incident, responsible: incident.responsible.map((p) => (p.id === found.id ? updated : p)) };
    }
    case 'remove_person': {
      const found = findPerson(incident, change.personId);
      if (incident.disciplinaryActions.some((a) => a.personId === found.id)) {
        throw new LedgerError('INVALID_TRANSITION', `${found.name} has disciplinary actions recorded on this incident and stays named`);
      }
      return { ...incident, responsible: incident.responsible.filter((p) => p.id !== found.id) };
    }
    case 'disciplinary_action': {
      findPerson(incident, change.personId);
      if (change.on > today) {
        throw new LedgerError('INVALID_INPUT', 'change.on cannot be in the future', { issues: [{ path: ['change', 'on'], message: 'cannot be in the future' }] });
      }
      return { ...incident, disciplinaryActions: [...incident.disciplinaryActions, { id: ctx.newId(), personId: change.personId, action: change.action, on: change.on }] };
    }
    default:
      return assertNever(change, 'personnel change');
  }
}

function findPerson(incident: Incident, personId: string): ResponsiblePerson {
  const person = incident.responsible.find((p) => p.id === personId);
  if (!person) throw new LedgerError('NOT_FOUND', `no responsible person ${personId} on incident ${incident.incidentNumber}`);
  return person;
}

function assertNotNamedTwice(others: readonly ResponsiblePerson[], person: ResponsiblePerson, path: string[]): void {
  const key = normaliseIdentifier(person.identifierType, person.identifier);
  if (others.some((p) => normaliseIdentifier(p.identifierType, p.identifier) === key)) {
    throw new LedgerError('CONFLICT', 'this person is already named on the incident', { issues: [{ path, message: 'names a person already named on this incident' }] });
  }
}

/** Show a responsible person's full identifier; journalled with who and why, never the value. */
export function revealIdentifier(ctx: HandlerContext, id: string, personId: string, reason: string) {
  const incident = loadIncident(ctx, id);
  const person = findPerson(incident, personId);
  ctx.record('incident', incident.id, 'reveal_identifier', { personId, reason, fields: ['identifier'], securityRelevant: true });
  return { personId: person.id, name: person.name, identifierType: person.identifierType, identifier: person.identifier };
}
