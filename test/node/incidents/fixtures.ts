import type { MethodInput } from '../../../electron/common/contract/index.js';

export type IncidentCreate = MethodInput<'incidents.create'>;

/** A suspected compromise of German SECRET material found unsecured, reported today (2026-03-02). */
export function incidentDraft(overrides: Partial<IncidentCreate> = {}): IncidentCreate {
  return {
    unclassifiedTitle: 'Container found open after hours',
    classification: { level: 'SECRET' },
    description: 'GSA container 3 found open at 19:00 during the end-of-day check',
    location: 'Building 2, room 214',
    occurredOn: '2026-02-27',
    discoveredOn: '2026-03-01',
    reportedBy: 'Night guard',
    reportedTo: 'F. Officer',
    reportedOn: '2026-03-02',
    material: [
      {
        description: 'Sonar array drawings',
        classification: { level: 'SECRET', foreign: { kind: 'country', countries: ['DEU'], level: 'SECRET' } },
        originator: 'DEU',
        materialDate: '2026-01-10',
        materialType: 'Drawings',
      },
    ],
    foreignGovernment: { involved: true, countries: ['DEU'] },
    ...overrides,
  };
}
