// Amendments: only names and dates, never to an earlier start, never for emergency requests;
// each a new version with the previous one kept beside it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MethodInput } from '../../../electron/common/contract/index.js';
import type { Connection } from '../../../electron/node/core.js';
import type { VisitView } from '../../../electron/common/visits/model.js';
import { verifyJournal } from '../../../db/journal/verify.js';
import type { TestSite } from '../support/testSite.js';
import { dumpDb, makeTestSite } from '../support/testSite.js';
import { LIMITS, SCOPE, emergencyDraft, nthVisitor, visitDraft, visitor } from './fixtures.js';

type Amendment = MethodInput<'visits.amend'>['amendment'];

let site: TestSite;
let clerk: Connection;
beforeEach(async () => {
  site = await makeTestSite();
  clerk = await site.connect('clerk');
});
afterEach(() => site.close());

async function amend(v: VisitView, amendment: Amendment) {
  return site.call(clerk, 'visits.amend', { id: v.id, expectedVersion: v.version, amendment });
}

async function refused(v: VisitView, amendment: Amendment, code: string, path?: (string | number)[]) {
  const before = dumpDb(site.db);
  const result = await amend(v, amendment);
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.error.code).toBe(code);
  if (path) expect(result.error.issues?.map((i) => i.path), JSON.stringify(result.error)).toContainEqual(path);
  expect(dumpDb(site.db)).toBe(before);
}

describe('what an amendment may do', () => {
  it('adds, changes and removes names and moves the dates later, as a new version keeping the previous one', async () => {
    const v = await site.must(clerk, 'visits.create', visitDraft({ visitors: [nthVisitor(1), nthVisitor(2), nthVisitor(3)] }));
    const [one, two, three] = v.visitors;
    const result = await amend(v, {
      reference: 'DEU-2026-001/A1',
      reason: 'programme meeting moved; Number2 replaced',
      startDate: '2026-03-18',
      endDate: '2026-03-24',
      addVisitors: [nthVisitor(4)],
      changeVisitors: [{ visitorId: three!.id, changes: { position: 'Programme manager', fullName: 'Visitor Number3 Renamed' } }],
      removeVisitors: [two!.id],
    });
    expect(result.ok, JSON.stringify(result)).toBe(true);
    if (!result.ok) return;
    const a = result.value;
    expect(a).toMatchObject({ version: 2, amendmentNumber: 1, startDate: '2026-03-18', endDate: '2026-03-24', activeVisitorCount: 3, status: 'requested' });
    expect(a.amendments).toHaveLength(1);
    const amendment = a.amendments[0]!;
    expect(amendment).toMatchObject({
      number: 1,
      on: '2026-03-02',
      by: 'clerk',
      reference: 'DEU-2026-001/A1',
      previous: {
        startDate: '2026-03-16',
        endDate: '2026-03-20',
        visitors: [
          { id: one!.id, fullName: 'Visitor Number1' },
          { id: two!.id, fullName: 'Visitor Number2' },
          { id: three!.id, fullName: 'Visitor Number3' },
        ],
      },
      current: { startDate: '2026-03-18', endDate: '2026-03-24' },
      removed: [{ id: two!.id, fullName: 'Visitor Number2' }],
      changed: [{ id: three!.id, fullName: 'Visitor Number3 Renamed', fields: ['fullName', 'position'] }],
      added: [{ fullName: 'Visitor Number4' }],
    });
    expect(amendment.current.visitors.map((x) => x.fullName)).toEqual(['Visitor Number1', 'Visitor Number3 Renamed', 'Visitor Number4']);
    // The removed visitor stays on record, marked removed in amendment 1.
    const removed = a.visitors.find((x) => x.id === two!.id);
    expect(removed).toMatchObject({ status: 'removed', removedInAmendment: 1, version: 2 });
    expect(a.visitors.find((x) => x.fullName === 'Visitor Number4')).toMatchObject({ addedInAmendment: 1, status: 'active' });

    const history = await site.must(clerk, 'visits.history', { id: v.id });
    expect(history.slice(-4).map((e) => [e.kind, e.action])).toEqual([
      ['visit', 'amend'],
      ['visitor', 'remove_visitor'],
      ['visitor', 'change_visitor'],
      ['visitor', 'add_visitor'],
    ]);
    // A second amendment keeps the first.
    const again = await site.must(clerk, 'visits.amend', { id: v.id, expectedVersion: 2, amendment: { reason: 'one more day', endDate: '2026-03-25' } });
    expect(again.amendments.map((x) => [x.number, x.previous.endDate, x.current.endDate])).toEqual([
      [1, '2026-03-20', '2026-03-24'],
      [2, '2026-03-24', '2026-03-25'],
    ]);
    expect(verifyJournal(site.db).ok).toBe(true);
  });

  it('amends an approved request without losing the approval', async () => {
    let v = await site.must(clerk, 'visits.create', visitDraft());
    v = await site.must(clerk, 'visits.transition', { id: v.id, expectedVersion: 1, action: { type: 'approve', on: '2026-03-02', disclosure: { level: 'SECRET', scope: SCOPE, limitations: LIMITS } } });
    const a = await site.must(clerk, 'visits.amend', { id: v.id, expectedVersion: v.version, amendment: { reason: 'extra engineer', addVisitors: [nthVisitor(9)] } });
    expect(a).toMatchObject({ status: 'approved', disclosure: { scope: SCOPE }, activeVisitorCount: 2 });
  });
});

describe('what an amendment may not do', () => {
  it('refuses an emergency request with INVALID_TRANSITION, nothing stored', async () => {
    const v = await site.must(clerk, 'visits.create', emergencyDraft());
    await refused(v, { reason: 'add a name', addVisitors: [nthVisitor(5)] }, 'INVALID_TRANSITION');
    const result = await amend(v, { reason: 'later', endDate: '2026-03-05' });
    expect(result).toMatchObject({ ok: false, error: { message: /emergency visit cannot be amended/ } });
  });

  it('refuses an earlier start (a later one is fine)', async () => {
    const v = await site.must(clerk, 'visits.create', visitDraft());
    await refused(v, { reason: 'earlier', startDate: '2026-03-15' }, 'INVALID_INPUT', ['amendment', 'startDate']);
    expect((await amend(v, { reason: 'later', startDate: '2026-03-17' })).ok).toBe(true);
  });

  it("refuses dates beyond the type's limit, or an end before the start", async () => {
    const v = await site.must(clerk, 'visits.create', visitDraft());
    await refused(v, { reason: 'longer', endDate: '2026-04-15' }, 'INVALID_INPUT', ['amendment', 'endDate']);
    expect((await amend(v, { reason: 'longer', endDate: '2026-04-14' })).ok).toBe(true);
    const v2 = await site.must(clerk, 'visits.get', { id: v.id });
    await refused(v2, { reason: 'odd', startDate: '2026-03-20', endDate: '2026-03-19' }, 'INVALID_INPUT', ['amendment', 'endDate']);
  });

  it('refuses a start more than 90 days ahead of the amendment', async () => {
    const v = await site.must(clerk, 'visits.create', visitDraft());
    await refused(v, { reason: 'much later', startDate: '2026-06-01', endDate: '2026-06-02' }, 'INVALID_INPUT', ['amendment', 'startDate']);
    expect((await amend(v, { reason: 'later', startDate: '2026-05-31', endDate: '2026-06-01' })).ok).toBe(true);
  });

  it('refuses a 31st visitor, removing everyone, and unknown visitors', async () => {
    const v = await site.must(clerk, 'visits.create', visitDraft({ visitors: Array.from({ length: 29 }, (_, i) => nthVisitor(i + 1)) }));
    expect((await amend(v, { reason: 'one more', addVisitors: [nthVisitor(30)] })).ok).toBe(true);
    const v30 = await site.must(clerk, 'visits.get', { id: v.id });
    await refused(v30, { reason: 'too many', addVisitors: [nthVisitor(31)] }, 'INVALID_INPUT', ['amendment', 'addVisitors']);
    // Swapping one for another keeps 30.
    expect((await amend(v30, { reason: 'swap', addVisitors: [nthVisitor(31)], removeVisitors: [v30.visitors[0]!.id] })).ok).toBe(true);

    const small = await site.must(clerk, 'visits.create', visitDraft({ requestNumber: 'SMALL' }));
    await refused(small, { reason: 'nobody', removeVisitors: [small.visitors[0]!.id] }, 'INVALID_INPUT', ['amendment', 'removeVisitors']);
    await refused(small, { reason: 'stranger', removeVisitors: [v30.visitors[1]!.id] }, 'INVALID_INPUT', ['amendment', 'removeVisitors', 0]);
  });

  it('refuses a change that breaks a visitor rule or changes nothing, and an amendment that changes nothing', async () => {
    const v = await site.must(clerk, 'visits.create', visitDraft());
    const id = v.visitors[0]!.id;
    await refused(v, { reason: 'x', changeVisitors: [{ visitorId: id, changes: { clearance: { level: 'CONFIDENTIAL', grantingAuthority: 'BMVg' } } }] }, 'INVALID_INPUT', [
      'amendment',
      'changeVisitors',
      0,
      'changes',
      'clearance',
      'level',
    ]);
    await refused(v, { reason: 'x', changeVisitors: [{ visitorId: id, changes: { fullName: '' } }] }, 'INVALID_INPUT', ['amendment', 'changeVisitors', 0, 'changes', 'fullName']);
    await refused(v, { reason: 'x', changeVisitors: [{ visitorId: id, changes: { position: 'Systems engineer' } }] }, 'INVALID_INPUT', ['amendment', 'changeVisitors', 0, 'changes']);
    await refused(v, { reason: 'x', addVisitors: [visitor({ fullName: 'Twin' })] }, 'INVALID_INPUT', ['amendment', 'addVisitors', 0, 'document', 'number']);
    await refused(v, { reason: 'x' }, 'INVALID_INPUT', ['amendment']);
    // Fields other than names and dates are not part of an amendment at all.
    const other = await site.call(clerk, 'visits.amend', { id: v.id, expectedVersion: 1, amendment: { reason: 'x', purpose: 'something else' } as unknown as Amendment });
    expect(other).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', issues: [{ path: ['amendment'], message: /unknown field.*purpose/ }] } });
  });

  it('refuses amendments once cancelled, and a start change once the visit is under way', async () => {
    const v = await site.must(clerk, 'visits.create', visitDraft({ startDate: '2026-03-02', endDate: '2026-03-06', submittedOn: '2026-03-01' }));
    const approved = await site.must(clerk, 'visits.transition', { id: v.id, expectedVersion: 1, action: { type: 'approve', on: '2026-03-02', disclosure: { level: 'SECRET', scope: SCOPE } } });
    const started = await site.must(clerk, 'visits.transition', { id: v.id, expectedVersion: approved.version, action: { type: 'start', on: '2026-03-02' } });
    await refused(started, { reason: 'later', startDate: '2026-03-03' }, 'INVALID_INPUT', ['amendment', 'startDate']);
    expect((await amend(started, { reason: 'longer', endDate: '2026-03-09' })).ok).toBe(true);

    const c = await site.must(clerk, 'visits.create', visitDraft({ requestNumber: 'C-1' }));
    const cancelled = await site.must(clerk, 'visits.transition', { id: c.id, expectedVersion: 1, action: { type: 'cancel', on: '2026-03-02', reason: 'x' } });
    await refused(cancelled, { reason: 'x', endDate: '2026-03-21' }, 'INVALID_TRANSITION');
  });

  it('refuses a stale version with CONFLICT', async () => {
    const v = await site.must(clerk, 'visits.create', visitDraft());
    expect((await amend(v, { reason: 'a', endDate: '2026-03-21' })).ok).toBe(true);
    await refused(v, { reason: 'b', endDate: '2026-03-22' }, 'CONFLICT');
  });
});
