// Visit requests built by code. The test clock starts on Monday 2026-03-02.
import type { MethodInput } from '../../../electron/common/contract/index.js';
import type { VisitorDraftInput } from '../../../electron/common/visits/model.js';

export type VisitCreate = MethodInput<'visits.create'>;

export function visitor(overrides: Partial<VisitorDraftInput> = {}): VisitorDraftInput {
  return {
    fullName: 'Klaus Weber',
    dateOfBirth: '1975-06-15',
    placeOfBirth: 'Koblenz, Germany',
    nationality: 'DEU',
    document: { type: 'passport', number: 'C01X00T47', issuingCountry: 'DEU' },
    clearance: { level: 'SECRET', grantingAuthority: 'BMVg' },
    position: 'Systems engineer',
    employer: 'BAAINBw',
    ...overrides,
  };
}

/** The n-th distinct visitor (its own name and passport). */
export function nthVisitor(n: number): VisitorDraftInput {
  return visitor({ fullName: `Visitor Number${n}`, document: { type: 'passport', number: `P${String(n).padStart(8, '0')}`, issuingCountry: 'DEU' } });
}

/** An incoming one-time SECRET visit from Germany, 16-20 March 2026, submitted 25 February. */
export function visitDraft(overrides: Partial<VisitCreate> = {}): VisitCreate {
  return {
    direction: 'incoming',
    type: 'one_time',
    requestNumber: 'DEU-2026-001',
    unclassifiedTitle: 'Radar programme design review',
    country: 'DEU',
    requester: { government: 'Embassy of the Federal Republic of Germany', agency: 'BAAINBw' },
    facilities: [{ name: 'Alpha Works', address: '1 Industrial Way', pointOfContact: 'P. Host', securityOfficer: 'F. Officer' }],
    startDate: '2026-03-16',
    endDate: '2026-03-20',
    authority: { program: 'Radar upgrade', contractNumber: 'N00024-26-C-0001' },
    purpose: 'Design review of the radar upgrade',
    accessLevel: 'SECRET',
    securityAssurance: { providedBy: 'German Ministry of Defence', on: '2026-02-20', reference: 'SA-2026-17' },
    submittedOn: '2026-02-25',
    host: 'P. Host',
    escort: 'E. Escort',
    visitors: [visitor()],
    ...overrides,
  };
}

/** An emergency visit with two visitors, starting today. */
export function emergencyDraft(overrides: Partial<VisitCreate> = {}): VisitCreate {
  return visitDraft({
    type: 'emergency',
    requestNumber: 'DEU-2026-EM1',
    startDate: '2026-03-02',
    endDate: '2026-03-04',
    submittedOn: '2026-03-02',
    personVisited: 'Dr. R. Engineer',
    foreignGovernmentPoc: 'Oberst M. Schmidt, German Embassy',
    emergencyJustification: 'Failure of a fielded radar unit; repair cannot wait for a normal request',
    visitors: [visitor(), visitor({ fullName: 'Anna Fischer', document: { type: 'passport', number: 'C02Y11Z58', issuingCountry: 'DEU' } })],
    ...overrides,
  });
}

export const SCOPE = 'Radar interface control documents up to SECRET; no source code; no test data of other programmes';
export const LIMITS = 'No access to building 7; escorted at all times';
