// Every visit request rule with its boundary values, refused at the field with nothing stored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connection } from '../../../electron/node/core.js';
import { maskDateOfBirth, maskIdentifier, normaliseIdentifier } from '../../../electron/common/visits/identifiers.js';
import { addYears, clearanceCovers, latestEndDate, latestSubmissionDate, latestTripNotice, subtractWorkingDays, visitDurationDays } from '../../../electron/common/visits/rules.js';
import type { TestSite } from '../support/testSite.js';
import { dumpDb, makeTestSite } from '../support/testSite.js';
import type { VisitCreate } from './fixtures.js';
import { emergencyDraft, nthVisitor, visitDraft, visitor } from './fixtures.js';

let site: TestSite;
let clerk: Connection;
let seq = 0;
beforeAll(async () => {
  site = await makeTestSite();
  clerk = await site.connect('clerk');
});
afterAll(() => site.close());

/** A fresh request number for each accepted request so they never collide. */
function numbered(draft: VisitCreate): VisitCreate {
  return { ...draft, requestNumber: `R-${++seq}` };
}

async function accepted(draft: VisitCreate) {
  return site.must(clerk, 'visits.create', numbered(draft));
}

async function refusedAt(draft: VisitCreate, path: (string | number)[], message?: RegExp) {
  const before = dumpDb(site.db);
  const result = await site.call(clerk, 'visits.create', numbered(draft));
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.error.code).toBe('INVALID_INPUT');
  const issue = result.error.issues?.find((i) => JSON.stringify(i.path) === JSON.stringify(path));
  expect(issue, `no issue at ${path.join('.')}: ${JSON.stringify(result.error.issues)}`).toBeDefined();
  if (message) expect(issue!.message).toMatch(message);
  expect(dumpDb(site.db)).toBe(before);
}

describe('date arithmetic (pure)', () => {
  it('counts visit days inclusively and limits one-time to 30 days, recurring/long-term to one year', () => {
    expect(visitDurationDays('2026-03-16', '2026-03-16')).toBe(1);
    expect(latestEndDate('one_time', '2026-03-16')).toBe('2026-04-14');
    expect(visitDurationDays('2026-03-16', '2026-04-14')).toBe(30);
    expect(latestEndDate('emergency', '2026-03-02')).toBe('2026-03-31');
    expect(latestEndDate('recurring', '2026-04-01')).toBe('2027-03-31');
    expect(visitDurationDays('2026-04-01', '2027-03-31')).toBe(365);
    // Across 29 February 2028 a year is 366 days.
    expect(latestEndDate('long_term', '2027-04-01')).toBe('2028-03-31');
    expect(visitDurationDays('2027-04-01', '2028-03-31')).toBe(366);
    expect(addYears('2028-02-29', 1)).toBe('2029-02-28');
    expect(addYears('2026-03-10', 3)).toBe('2029-03-10');
  });

  it('counts working days Monday to Friday', () => {
    expect(subtractWorkingDays('2026-03-16', 5)).toBe('2026-03-09'); // Monday -> Monday a week before
    expect(subtractWorkingDays('2026-03-13', 10)).toBe('2026-02-27'); // Friday -> Friday two weeks before
    expect(subtractWorkingDays('2026-03-09', 1)).toBe('2026-03-06'); // Monday -> the Friday before
    expect(latestSubmissionDate('2026-03-16', 5)).toBe('2026-03-02');
    expect(latestTripNotice('2026-04-13')).toBe('2026-04-06');
  });

  it('masks identifiers to their last four characters and normalises them for matching', () => {
    expect(maskIdentifier('123-45-6789')).toBe('*****6789');
    expect(maskIdentifier('C01X00T47')).toBe('*****0T47');
    expect(maskIdentifier('AB1')).toBe('***');
    expect(maskDateOfBirth('1975-06-15')).toBe('1975-**-**');
    expect(normaliseIdentifier('ssn', '123-45-6789')).toBe(normaliseIdentifier('ssn', ' 123 45 6789 '));
    expect(normaliseIdentifier('ssn', '123456789')).not.toBe(normaliseIdentifier('employee_id', '123456789'));
  });

  it('compares foreign clearances with U.S. access levels; RESTRICTED gives no classified access', () => {
    expect(clearanceCovers('SECRET', 'SECRET')).toBe(true);
    expect(clearanceCovers('CONFIDENTIAL', 'SECRET')).toBe(false);
    expect(clearanceCovers('RESTRICTED', 'CONFIDENTIAL')).toBe(false);
    expect(clearanceCovers('NONE', 'UNCLASSIFIED')).toBe(true);
  });
});

describe('type limits', () => {
  it('one-time: 30 days accepted, 31 refused at the end date', async () => {
    await accepted(visitDraft({ startDate: '2026-03-16', endDate: '2026-04-14' }));
    await refusedAt(visitDraft({ startDate: '2026-03-16', endDate: '2026-04-15' }), ['endDate'], /at most 30 days.*2026-04-14.*31 days/);
  });

  it('emergency: a one-time visit at short notice, so 30 days too', async () => {
    await accepted(emergencyDraft({ endDate: '2026-03-31' }));
    await refusedAt(emergencyDraft({ endDate: '2026-04-01' }), ['endDate']);
  });

  it('recurring: 365 days accepted, 366 refused; 366 across 29 February accepted', async () => {
    const recurring = { type: 'recurring' as const, submittedOn: '2026-03-02' };
    await accepted(visitDraft({ ...recurring, startDate: '2026-04-01', endDate: '2027-03-31' }));
    await refusedAt(visitDraft({ ...recurring, startDate: '2026-04-01', endDate: '2027-04-01' }), ['endDate'], /one year/);
    site.clock.set(new Date('2027-03-01T09:00:00.000Z'));
    clerk = await site.connect('clerk');
    await accepted(visitDraft({ ...recurring, submittedOn: '2027-03-01', startDate: '2027-04-01', endDate: '2028-03-31' }));
    site.clock.set(new Date('2026-03-02T09:00:00.000Z'));
    clerk = await site.connect('clerk');
  });

  it('long-term: needs a Technology Control Plan; 365 days accepted, 366 refused', async () => {
    const longTerm = { type: 'long_term' as const, startDate: '2026-04-01', submittedOn: '2026-03-02' };
    await refusedAt(visitDraft({ ...longTerm, endDate: '2026-09-30' }), ['technologyControlPlanRef'], /Technology Control Plan|long-term/);
    await accepted(visitDraft({ ...longTerm, endDate: '2027-03-31', technologyControlPlanRef: 'TCP-2026-04' }));
    await refusedAt(visitDraft({ ...longTerm, endDate: '2027-04-01', technologyControlPlanRef: 'TCP-2026-04' }), ['endDate']);
  });

  it('emergency: person visited, foreign-government point of contact, contract and justification are required', async () => {
    const bare = { personVisited: '', foreignGovernmentPoc: '', emergencyJustification: '', authority: { program: 'Radar upgrade' } };
    for (const path of [['personVisited'], ['foreignGovernmentPoc'], ['authority', 'contractNumber'], ['emergencyJustification']]) {
      await refusedAt(emergencyDraft(bare), path, /required/);
    }
  });

  it('refuses an end before the start', async () => {
    await refusedAt(visitDraft({ startDate: '2026-03-16', endDate: '2026-03-15' }), ['endDate'], /before the start/);
  });
});

describe('visitors', () => {
  it('30 visitors accepted; 31 refused with a request to split', async () => {
    const thirty = Array.from({ length: 30 }, (_, i) => nthVisitor(i + 1));
    const v = await accepted(visitDraft({ visitors: thirty }));
    expect(v.visitors).toHaveLength(30);
    expect(v.activeVisitorCount).toBe(30);
    await refusedAt(visitDraft({ visitors: [...thirty, nthVisitor(31)] }), ['visitors'], /at most 30 visitors: split.*31/);
  });

  it('keeps the visitors in the order they were entered', async () => {
    const v = await accepted(visitDraft({ visitors: [nthVisitor(3), nthVisitor(1), nthVisitor(2)] }));
    expect(v.visitors.map((x) => x.fullName)).toEqual(['Visitor Number3', 'Visitor Number1', 'Visitor Number2']);
  });

  it('refuses a visitor cleared below the access requested, a clearance without authority, a future birth date, a passport twice', async () => {
    await refusedAt(visitDraft({ visitors: [visitor({ clearance: { level: 'CONFIDENTIAL', grantingAuthority: 'BMVg' } })] }), ['visitors', 0, 'clearance', 'level'], /below .*SECRET/);
    await refusedAt(visitDraft({ visitors: [visitor({ clearance: { level: 'SECRET' } })] }), ['visitors', 0, 'clearance', 'grantingAuthority']);
    await refusedAt(visitDraft({ visitors: [visitor({ dateOfBirth: '2026-03-02' })] }), ['visitors', 0, 'dateOfBirth']);
    await refusedAt(
      visitDraft({ visitors: [visitor(), visitor({ fullName: 'Other Name', document: { type: 'passport', number: 'c01x-00t47', issuingCountry: 'DEU' } })] }),
      ['visitors', 1, 'document', 'number'],
    );
  });

  it('accepts uncleared visitors for an unclassified visit', async () => {
    await accepted(visitDraft({ accessLevel: 'UNCLASSIFIED', securityAssurance: null, visitors: [visitor({ clearance: { level: 'NONE' } })] }));
  });

  it('refuses bad input at the field path through the schema, nothing stored', async () => {
    await refusedAt(visitDraft({ visitors: [visitor({ fullName: '  ' })] }), ['visitors', 0, 'fullName']);
    await refusedAt(visitDraft({ visitors: [visitor({ nationality: 'XXX' })] }), ['visitors', 0, 'nationality']);
    await refusedAt(visitDraft({ visitors: [] }), ['visitors']);
    await refusedAt(visitDraft({ country: 'USA' }), ['country']);
    await refusedAt(visitDraft({ startDate: '2026-02-30' }), ['startDate']);
    await refusedAt({ ...visitDraft(), type: 'weekly' } as unknown as VisitCreate, ['type']);
  });
});

describe('submission window and lead time', () => {
  it('submission 90 days ahead accepted, 91 refused', async () => {
    await accepted(visitDraft({ submittedOn: '2026-03-02', startDate: '2026-05-31', endDate: '2026-05-31' }));
    await refusedAt(visitDraft({ submittedOn: '2026-03-02', startDate: '2026-06-01', endDate: '2026-06-01' }), ['submittedOn'], /91 days.*no more than 90/);
  });

  it('refuses a submission date in the future or after the start', async () => {
    await refusedAt(visitDraft({ submittedOn: '2026-03-03' }), ['submittedOn'], /future/);
    await refusedAt(visitDraft({ submittedOn: '2026-03-01', startDate: '2026-02-27', endDate: '2026-03-03' }), ['submittedOn'], /after the start/);
  });

  it("outgoing: the host country's lead time plus 5 working days", async () => {
    const outgoing = {
      direction: 'outgoing' as const,
      country: 'GBR',
      requester: { government: 'U.S. Department of Defense (CSA)', company: 'Alpha Works' },
      submittedOn: '2026-03-02',
      visitors: [visitor({ nationality: 'USA', document: { type: 'passport', number: '512345678', issuingCountry: 'USA' }, clearance: { level: 'SECRET', grantingAuthority: 'DCSA' } })],
    };
    await refusedAt(visitDraft({ ...outgoing, startDate: '2026-03-16', endDate: '2026-03-18' }), ['hostLeadTimeWorkingDays'], /lead time/);
    await accepted(visitDraft({ ...outgoing, startDate: '2026-03-16', endDate: '2026-03-18', hostLeadTimeWorkingDays: 5 }));
    await refusedAt(visitDraft({ ...outgoing, startDate: '2026-03-13', endDate: '2026-03-13', hostLeadTimeWorkingDays: 5 }), ['submittedOn'], /submitting by 2026-02-27/);
    // An emergency request is the way to go at short notice.
    await accepted(emergencyDraft({ ...outgoing, hostLeadTimeWorkingDays: null }));
  });

  it('incoming: the lead time field does not apply', async () => {
    await refusedAt(visitDraft({ hostLeadTimeWorkingDays: 10 }), ['hostLeadTimeWorkingDays']);
  });
});

describe('the request record', () => {
  it('must itself be unclassified (CUI by default, because it names people)', async () => {
    await refusedAt(visitDraft({ classification: { level: 'CONFIDENTIAL' } }), ['classification', 'level'], /unclassified/);
    const v = await accepted(visitDraft());
    expect(v.classification).toMatchObject({ level: 'UNCLASSIFIED', cui: true });
  });

  it('refuses a second live request with the same number in the same direction', async () => {
    await site.must(clerk, 'visits.create', visitDraft({ requestNumber: 'DUP-1' }));
    expect(await site.call(clerk, 'visits.create', visitDraft({ requestNumber: 'DUP-1' }))).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', issues: [{ path: ['requestNumber'] }] },
    });
  });
});
