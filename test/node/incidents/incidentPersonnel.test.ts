// Personnel (responsible persons, culpability, disciplinary actions), pattern tracking across
// incidents, masked identifiers with journalled reveals, and the foreign release that carries
// only what may go to the foreign government.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MethodInput } from '../../../electron/common/contract/index.js';
import { foreignReleaseViewSchema } from '../../../electron/common/incidents/model.js';
import type { IncidentView } from '../../../electron/common/incidents/model.js';
import type { Connection } from '../../../electron/node/core.js';
import { verifyJournal } from '../../../db/journal/verify.js';
import type { TestSite } from '../support/testSite.js';
import { dumpDb, makeTestSite } from '../support/testSite.js';
import { incidentDraft } from './fixtures.js';

type Change = MethodInput<'incidents.personnel'>['change'];

let site: TestSite;
let clerk: Connection;
let officer: Connection;
beforeEach(async () => {
  site = await makeTestSite();
  clerk = await site.connect('clerk');
  officer = await site.connect('officer');
});
afterEach(() => site.close());

async function personnel(i: IncidentView, change: Change, conn = officer) {
  return site.call(conn, 'incidents.personnel', { id: i.id, expectedVersion: i.version, change, reason: 'inquiry finding' });
}
async function name(i: IncidentView, person: { name: string; identifier: string; identifierType?: 'ssn' | 'employee_id' }): Promise<IncidentView> {
  const result = await personnel(i, { op: 'name_person', person: { identifierType: 'ssn', ...person } });
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

describe('responsible individuals: the security officer records, few may read', () => {
  it('lets only the security officer name persons; masks the identifier; withholds personnel from custodian and auditor', async () => {
    const i = await site.must(clerk, 'incidents.create', incidentDraft());
    const before = dumpDb(site.db);
    expect(await personnel(i, { op: 'name_person', person: { name: 'John Doe', identifierType: 'ssn', identifier: '123-45-6789' } }, clerk)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(dumpDb(site.db)).toBe(before);

    const named = await name(i, { name: 'John Doe', identifier: '123-45-6789' });
    expect(named.personnel).toMatchObject({
      responsible: [{ name: 'John Doe', identifierType: 'ssn', identifierMasked: '*****6789', culpability: 'undetermined', namedOn: '2026-03-02', priorIncidents: [] }],
      disciplinaryActions: [],
      patternAlert: false,
    });
    expect(JSON.stringify(named)).not.toContain('123-45-6789');

    const analyst = await site.connect('analyst');
    expect((await site.must(analyst, 'incidents.get', { id: i.id })).personnel?.responsible[0]?.name).toBe('John Doe');
    for (const user of ['clerk', 'auditor']) {
      const conn = await site.connect(user);
      const seen = await site.must(conn, 'incidents.get', { id: i.id });
      expect(seen).toMatchObject({ personnel: null, responsibleCount: 1 });
      const history = await site.must(conn, 'incidents.history', { id: i.id });
      const text = JSON.stringify([seen, history, await site.must(conn, 'incidents.list', {})]);
      expect(text).not.toContain('John Doe');
      expect(text).not.toContain('6789');
      expect(text).not.toContain('inquiry finding');
    }
    const officerHistory = JSON.stringify(await site.must(officer, 'incidents.history', { id: i.id }));
    expect(officerHistory).toContain('John Doe');
    expect(officerHistory).not.toContain('123-45-6789');
  });

  it('updates culpability, records disciplinary actions, removes a person named in error', async () => {
    let i = await name(await site.must(clerk, 'incidents.create', incidentDraft()), { name: 'John Doe', identifier: '123-45-6789' });
    i = await name(i, { name: 'Wrong Person', identifier: '987-65-4321' });
    const [doe, wrong] = i.personnel!.responsible;
    const r1 = await personnel(i, { op: 'update_person', personId: doe!.id, changes: { culpability: 'negligence', culpabilityNotes: 'left the container open' } });
    expect(r1.ok).toBe(true);
    if (!r1.ok) return;
    i = r1.value;
    const r2 = await personnel(i, { op: 'disciplinary_action', personId: doe!.id, action: 'Written reprimand; refresher training', on: '2026-03-02' });
    if (!r2.ok) throw new Error(JSON.stringify(r2.error));
    i = r2.value;
    expect(await personnel(i, { op: 'remove_person', personId: doe!.id })).toMatchObject({ ok: false, error: { code: 'INVALID_TRANSITION' } });
    const r3 = await personnel(i, { op: 'remove_person', personId: wrong!.id });
    if (!r3.ok) throw new Error(JSON.stringify(r3.error));
    expect(r3.value.personnel).toMatchObject({
      responsible: [{ name: 'John Doe', culpability: 'negligence', culpabilityNotes: 'left the container open', identifierMasked: '*****6789' }],
      disciplinaryActions: [{ personId: doe!.id, action: 'Written reprimand; refresher training', on: '2026-03-02' }],
    });
    expect(await personnel(r3.value, { op: 'name_person', person: { name: 'J. Doe', identifierType: 'ssn', identifier: '123 45 6789' } })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', issues: [{ path: ['change', 'person', 'identifier'] }] },
    });
    expect(await personnel(r3.value, { op: 'disciplinary_action', personId: doe!.id, action: 'x', on: '2026-03-09' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', issues: [{ path: ['change', 'on'] }] },
    });
    expect(await personnel(r3.value, { op: 'update_person', personId: wrong!.id, changes: { culpability: 'not_culpable' } })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('pattern tracking (117.8(e))', () => {
  it('shows the prior incidents of a person named again, matched on the normalised identifier', async () => {
    let first = await site.must(clerk, 'incidents.create', incidentDraft({ occurredOn: null, discoveredOn: '2026-02-10', reportedOn: '2026-02-10' }));
    first = await name(first, { name: 'John Doe', identifier: '123-45-6789' });
    const r = await personnel(first, { op: 'update_person', personId: first.personnel!.responsible[0]!.id, changes: { culpability: 'negligence' } });
    expect(r.ok).toBe(true);
    // Another person with the same digits under another identifier type is someone else.
    const other = await site.must(clerk, 'incidents.create', incidentDraft({ occurredOn: null, discoveredOn: '2026-02-20', reportedOn: '2026-02-20' }));
    await name(other, { name: 'Employee 123456789', identifier: '123456789', identifierType: 'employee_id' });

    let second = await site.must(clerk, 'incidents.create', incidentDraft());
    second = await name(second, { name: 'J. Doe', identifier: ' 123 45 6789 ' });
    expect(second.personnel).toMatchObject({
      patternAlert: true,
      responsible: [{ name: 'J. Doe', priorIncidents: [{ incidentId: first.id, incidentNumber: first.incidentNumber, discoveredOn: '2026-02-10', culpability: 'negligence', status: 'reported' }] }],
    });
    expect(second.personnel!.responsible[0]!.priorIncidents).toHaveLength(1);
    // From the earlier incident, the later one is not "prior".
    expect((await site.must(officer, 'incidents.get', { id: first.id })).personnel?.patternAlert).toBe(false);
  });
});

describe('identifiers are revealed only with a journalled reason', () => {
  it('reveals to the security officer, journals who and why without the value', async () => {
    const i = await name(await site.must(clerk, 'incidents.create', incidentDraft()), { name: 'John Doe', identifier: '123-45-6789' });
    const personId = i.personnel!.responsible[0]!.id;
    expect(await site.call(clerk, 'incidents.revealIdentifier', { id: i.id, personId, reason: 'x' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const revealed = await site.must(officer, 'incidents.revealIdentifier', { id: i.id, personId, reason: 'report to the CSA needs it' });
    expect(revealed).toEqual({ personId, name: 'John Doe', identifierType: 'ssn', identifier: '123-45-6789' });
    const entry = (await site.must(officer, 'incidents.history', { id: i.id })).at(-1);
    expect(entry).toMatchObject({ action: 'reveal_identifier', actor: 'officer', data: { personId, reason: 'report to the CSA needs it', fields: ['identifier'] } });
    const raw = site.db.prepare("SELECT data FROM journal WHERE action = 'reveal_identifier'").get() as { data: string };
    expect(raw.data).not.toContain('6789');
    expect(verifyJournal(site.db).ok).toBe(true);
  });
});

describe('foreign release (2001.48(b))', () => {
  const INTERNAL = [
    'INTERNAL-DESCRIPTION',
    'INTERNAL-LOCATION',
    'INTERNAL-EXPOSURE',
    'INTERNAL-FINDINGS weakness of the alarm system',
    'INTERNAL-NOTES',
    'INTERNAL-REASONS',
    'INTERNAL-CORRECTIVE',
    'INTERNAL-UNAUTHORISED',
    'INTERNAL-REPORTER',
    'INTERNAL-REPORTEDTO',
    'INTERNAL-VALIDATION',
    'INTERNAL-CULPABILITY',
    'INTERNAL-DISCIPLINARY',
    'INTERNAL-PERSON',
  ];

  it('contains only releasable fields: no internal text ever appears in it; the release is journalled', async () => {
    let i = await site.must(
      clerk,
      'incidents.create',
      incidentDraft({
        description: INTERNAL[0]!,
        location: INTERNAL[1]!,
        exposure: { from: '2026-02-27', to: '2026-03-01', circumstances: INTERNAL[2]! },
        internalFindings: INTERNAL[3]!,
        notes: INTERNAL[4]!,
        determination: { outcome: 'suspected_compromise', reasons: INTERNAL[5]!, on: '2026-03-02' },
        correctiveActions: [{ description: INTERNAL[6]! }],
        unauthorisedPersons: [{ name: INTERNAL[7]!, nationality: 'RUS' }],
        reportedBy: INTERNAL[8]!,
        reportedTo: INTERNAL[9]!,
        classificationValidation: { validated: true, on: '2026-03-02', by: 'F. Officer', notes: INTERNAL[10]! },
        foreignRelease: { circumstances: 'RELEASABLE-CIRCUMSTANCES', findings: 'RELEASABLE-FINDINGS' },
      }),
    );
    i = await name(i, { name: INTERNAL[13]!, identifier: '123-45-6789' });
    const personId = i.personnel!.responsible[0]!.id;
    const r1 = await personnel(i, { op: 'update_person', personId, changes: { culpability: 'negligence', culpabilityNotes: INTERNAL[11]! } });
    if (!r1.ok) throw new Error(JSON.stringify(r1.error));
    const r2 = await personnel(r1.value, { op: 'disciplinary_action', personId, action: INTERNAL[12]!, on: '2026-03-02' });
    expect(r2.ok).toBe(true);

    for (const user of ['officer', 'clerk', 'analyst', 'auditor']) {
      const conn = await site.connect(user);
      const release = await site.must(conn, 'incidents.foreignRelease', { id: i.id });
      expect(Object.keys(release).sort()).toEqual(Object.keys(foreignReleaseViewSchema.shape).sort());
      expect(release).toMatchObject({
        marking: 'UNCLASSIFIED',
        incidentNumber: i.incidentNumber,
        countries: ['DEU'],
        discoveredOn: '2026-03-01',
        exposure: { from: '2026-02-27', to: '2026-03-01' },
        material: [{ description: 'Sonar array drawings', marking: 'SECRET//FGI DEU', originator: 'DEU' }],
        determination: 'suspected_compromise',
        circumstances: 'RELEASABLE-CIRCUMSTANCES',
        findings: 'RELEASABLE-FINDINGS',
      });
      const text = JSON.stringify(release);
      for (const internal of [...INTERNAL, '6789', 'RUS', 'negligence']) expect(text, `${internal} leaked`).not.toContain(internal);
    }
    const releases = (await site.must(officer, 'incidents.history', { id: i.id })).filter((e) => e.action === 'foreign_release');
    expect(releases).toHaveLength(4);
    expect(releases[0]).toMatchObject({ kind: 'incident', actor: 'officer', data: { countries: ['DEU'], marking: 'UNCLASSIFIED', outcome: 'prepared' } });
  });

  it('is refused when no foreign government is involved', async () => {
    const i = await site.must(clerk, 'incidents.create', incidentDraft({ material: [{ description: 'x', classification: { level: 'SECRET' } }], foreignGovernment: { involved: false } }));
    expect(await site.call(clerk, 'incidents.foreignRelease', { id: i.id })).toMatchObject({ ok: false, error: { code: 'INVALID_TRANSITION' } });
  });
});
