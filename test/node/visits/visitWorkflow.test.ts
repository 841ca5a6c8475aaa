// The visit workflow through dispatch on a real SQLite file: approval with a disclosure scope
// (and who may see it), the daily log, retention, identifiers masked and reveals journalled.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Connection } from '../../../electron/node/core.js';
import type { VisitView } from '../../../electron/common/visits/model.js';
import type { VisitActionInput } from '../../../electron/common/visits/transitions.js';
import { availableVisitActions } from '../../../electron/common/visits/transitions.js';
import { verifyJournal } from '../../../db/journal/verify.js';
import type { TestSite } from '../support/testSite.js';
import { dumpDb, makeTestSite } from '../support/testSite.js';
import { LIMITS, SCOPE, emergencyDraft, visitDraft } from './fixtures.js';

let site: TestSite;
let clerk: Connection;
let officer: Connection;
beforeEach(async () => {
  site = await makeTestSite();
  clerk = await site.connect('clerk');
  officer = await site.connect('officer');
});
afterEach(() => site.close());

const approveWithScope: VisitActionInput = { type: 'approve', on: '2026-03-02', reference: 'DoD-IV-2026-88', disclosure: { level: 'SECRET', scope: SCOPE, limitations: LIMITS } };

async function act(v: VisitView, action: VisitActionInput, conn = clerk): Promise<VisitView> {
  return site.must(conn, 'visits.transition', { id: v.id, expectedVersion: v.version, action });
}

async function tryAct(v: VisitView, action: VisitActionInput, conn = clerk) {
  return site.call(conn, 'visits.transition', { id: v.id, expectedVersion: v.version, action });
}

/** An approved emergency visit with two visitors, started today. */
async function startedEmergencyVisit(): Promise<VisitView> {
  const v = await act(await site.must(clerk, 'visits.create', emergencyDraft()), approveWithScope);
  return act(v, { type: 'start', on: '2026-03-02' });
}

describe('approval and the disclosure scope', () => {
  it('an emergency request with two visitors is approved with a disclosure scope', async () => {
    const created = await site.must(clerk, 'visits.create', emergencyDraft());
    expect(created).toMatchObject({ status: 'requested', version: 1, type: 'emergency', activeVisitorCount: 2, amendable: false, disclosure: null });
    expect(availableVisitActions(created.type, created.status).map((a) => a.type)).toEqual(['approve', 'deny', 'non_sponsored', 'record_assurance', 'cancel', 'void']);
    const approved = await act(created, approveWithScope);
    expect(approved).toMatchObject({
      status: 'approved',
      version: 2,
      decision: { outcome: 'approved', on: '2026-03-02', reference: 'DoD-IV-2026-88' },
      disclosure: { level: 'SECRET', scope: SCOPE, limitations: LIMITS },
      publicDomainOnly: false,
      current: true,
    });
  });

  it('an incoming approval must state the disclosure level and scope, within the access requested', async () => {
    const v = await site.must(clerk, 'visits.create', visitDraft({ accessLevel: 'CONFIDENTIAL', visitors: [emergencyDraft().visitors[0]!] }));
    const before = dumpDb(site.db);
    expect(await tryAct(v, { type: 'approve', on: '2026-03-02' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', issues: [{ path: ['action', 'disclosure'] }] } });
    expect(await tryAct(v, { ...approveWithScope })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', issues: [{ path: ['action', 'disclosure', 'level'], message: 'exceeds the level of access requested (CONFIDENTIAL)' }] },
    });
    expect(await tryAct(v, { type: 'approve', on: '2026-03-02', disclosure: { level: 'CONFIDENTIAL', scope: '' } })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', issues: [{ path: ['action', 'disclosure', 'scope'] }] },
    });
    expect(await tryAct(v, { ...approveWithScope, on: '2026-02-24' })).toMatchObject({ ok: false, error: { issues: [{ path: ['action', 'on'] }] } });
    expect(dumpDb(site.db)).toBe(before);
  });

  it('classified access needs the sponsoring government’s security assurance first', async () => {
    let v = await site.must(clerk, 'visits.create', visitDraft({ securityAssurance: null }));
    expect(await tryAct(v, approveWithScope)).toMatchObject({ ok: false, error: { code: 'INVALID_TRANSITION', message: /security assurance/ } });
    v = await act(v, { type: 'record_assurance', assurance: { providedBy: 'German MoD', on: '2026-03-01' } });
    expect(v).toMatchObject({ status: 'requested', securityAssurance: { providedBy: 'German MoD', on: '2026-03-01', reference: '' } });
    expect((await act(v, approveWithScope)).status).toBe('approved');
  });

  it('shows the scope to security officer, custodian and HQ analyst; withholds it from the auditor', async () => {
    const v = await act(await site.must(clerk, 'visits.create', emergencyDraft()), approveWithScope);
    for (const user of ['officer', 'clerk', 'analyst']) {
      const conn = await site.connect(user);
      expect((await site.must(conn, 'visits.get', { id: v.id })).disclosure?.scope).toBe(SCOPE);
    }
    const auditor = await site.connect('auditor');
    const seen = await site.must(auditor, 'visits.get', { id: v.id });
    expect(seen).toMatchObject({ disclosure: null, disclosureWithheld: true });
    const listed = await site.must(auditor, 'visits.list', {});
    expect(JSON.stringify(listed)).not.toContain('Radar interface control');
    const history = await site.must(auditor, 'visits.history', { id: v.id });
    expect(JSON.stringify(history)).not.toContain('Radar interface control');
    expect(history.find((e) => e.action === 'approve')?.data).toMatchObject({ redacted: ['record.disclosure', 'action.disclosure'] });
    expect(await site.call(auditor, 'visits.transition', { id: v.id, expectedVersion: v.version, action: { type: 'start', on: '2026-03-02' } })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });

  it('never puts the scope (or identifiers) on what the visitor is given', async () => {
    const v = await startedEmergencyVisit();
    const visitorId = v.visitors[0]!.id;
    await site.must(clerk, 'visits.logArrival', {
      visitorId,
      expectedVersion: 1,
      arrival: { date: '2026-03-02', arrivedAt: '08:30', badgeNumber: 'V-017', identityCheckedBy: 'Guard One', positiveIdentification: true },
    });
    const pass = await site.must(clerk, 'visits.visitorPass', { visitorId });
    expect(pass).toMatchObject({ fullName: 'Klaus Weber', requestNumber: 'DEU-2026-EM1', badgeNumber: 'V-017', marking: 'CUI', escort: 'E. Escort' });
    const text = JSON.stringify(pass);
    for (const secret of [SCOPE, LIMITS, 'C01X00T47', '1975-06-15', 'SECRET']) expect(text).not.toContain(secret);
  });

  it('denied and non-sponsored visits are public-domain only, and may still take place', async () => {
    let denied = await site.must(clerk, 'visits.create', visitDraft({ requestNumber: 'D-1' }));
    denied = await act(denied, { type: 'deny', on: '2026-03-02', reason: 'no sponsoring programme' });
    expect(denied).toMatchObject({ status: 'denied', publicDomainOnly: true, disclosure: null, decision: { outcome: 'denied', reason: 'no sponsoring programme' } });
    let ns = await site.must(clerk, 'visits.create', visitDraft({ requestNumber: 'NS-1', startDate: '2026-03-02', endDate: '2026-03-03' }));
    ns = await act(ns, { type: 'non_sponsored', on: '2026-03-02', reason: 'commercial visit' });
    expect(await act(ns, { type: 'start', on: '2026-03-02' })).toMatchObject({ status: 'in_progress', publicDomainOnly: true });
    // ...unless an export authorisation exists.
    let licensed = await site.must(clerk, 'visits.create', visitDraft({ requestNumber: 'NS-2', authority: { exportLicence: 'DSP-5 050123456' } }));
    licensed = await act(licensed, { type: 'non_sponsored', on: '2026-03-02', reason: 'commercial visit' });
    expect(licensed.publicDomainOnly).toBe(false);
  });
});

describe('illegal transitions', () => {
  it('answers INVALID_TRANSITION and changes nothing', async () => {
    const v = await site.must(clerk, 'visits.create', visitDraft());
    const before = dumpDb(site.db);
    for (const action of [
      { type: 'complete', on: '2026-03-02' },
      { type: 'start', on: '2026-03-02' },
      { type: 'log_trip', trip: { from: '2026-03-16', to: '2026-03-17', notifiedOn: '2026-03-02' } },
    ] as VisitActionInput[]) {
      expect(await tryAct(v, action)).toMatchObject({ ok: false, error: { code: 'INVALID_TRANSITION' } });
    }
    const cancelled = await act(v, { type: 'cancel', on: '2026-03-02', reason: 'programme slipped' });
    expect(await tryAct(cancelled, approveWithScope)).toMatchObject({ ok: false, error: { code: 'INVALID_TRANSITION', message: /cancelled/ } });
    expect(await tryAct(cancelled, { type: 'start', on: '2026-03-02' })).toMatchObject({ ok: false, error: { code: 'INVALID_TRANSITION' } });
    expect((await act(cancelled, { type: 'void', reason: 'entered twice' })).status).toBe('void');
    expect(dumpDb(site.db)).not.toBe(before);
  });

  it('refuses a stale version with CONFLICT', async () => {
    const v = await site.must(clerk, 'visits.create', visitDraft());
    await act(v, { type: 'cancel', on: '2026-03-02', reason: 'x' });
    expect(await tryAct(v, { type: 'cancel', on: '2026-03-02', reason: 'x' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('starts only within the visit dates', async () => {
    const v = await act(await site.must(clerk, 'visits.create', visitDraft()), approveWithScope);
    expect(await tryAct(v, { type: 'start', on: '2026-03-02' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', issues: [{ path: ['action', 'on'] }] } });
  });
});

describe('daily arrival and departure log', () => {
  const arrival = { date: '2026-03-02', arrivedAt: '08:30', badgeNumber: 'V-017', identityCheckedBy: 'Guard One', positiveIdentification: true as const };

  it('logs arrival with badge and positive identification, then departure; completion needs everyone gone', async () => {
    const v = await startedEmergencyVisit();
    const [first, second] = v.visitors;
    const a = await site.must(clerk, 'visits.logArrival', { visitorId: first!.id, expectedVersion: 1, arrival });
    expect(a).toMatchObject({ version: 2, onSite: true, log: [{ date: '2026-03-02', arrivedAt: '08:30', departedAt: null, badgeNumber: 'V-017', identityCheckedBy: 'Guard One' }] });
    expect((await site.must(clerk, 'visits.get', { id: v.id })).onSiteCount).toBe(1);

    // One badge, one wearer; one open arrival per visitor.
    expect(await site.call(clerk, 'visits.logArrival', { visitorId: second!.id, expectedVersion: 1, arrival })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', issues: [{ path: ['arrival', 'badgeNumber'] }] },
    });
    expect(await site.call(clerk, 'visits.logArrival', { visitorId: first!.id, expectedVersion: 2, arrival: { ...arrival, badgeNumber: 'V-018' } })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_TRANSITION' },
    });
    const current = await site.must(clerk, 'visits.get', { id: v.id });
    expect(await tryAct(current, { type: 'complete', on: '2026-03-02' })).toMatchObject({ ok: false, error: { code: 'INVALID_TRANSITION', message: /Klaus Weber/ } });

    expect(await site.call(clerk, 'visits.logDeparture', { visitorId: first!.id, expectedVersion: 2, departure: { date: '2026-03-02', departedAt: '08:00', badgeReturned: true } })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', issues: [{ path: ['departure', 'departedAt'] }] },
    });
    const d = await site.must(clerk, 'visits.logDeparture', { visitorId: first!.id, expectedVersion: 2, departure: { date: '2026-03-02', departedAt: '17:05', badgeReturned: true } });
    expect(d).toMatchObject({ onSite: false, log: [{ departedAt: '17:05', badgeReturned: true }] });
    // The badge is free again.
    await site.must(clerk, 'visits.logArrival', { visitorId: second!.id, expectedVersion: 1, arrival: { ...arrival, arrivedAt: '17:10' } });
    await site.must(clerk, 'visits.logDeparture', { visitorId: second!.id, expectedVersion: 2, departure: { date: '2026-03-02', departedAt: '18:00', badgeReturned: true } });

    const completed = await act(await site.must(clerk, 'visits.get', { id: v.id }), { type: 'complete', on: '2026-03-02' });
    expect(completed).toMatchObject({ status: 'completed', completedOn: '2026-03-02', retentionYears: 1, disposeAfter: '2027-03-02' });
    expect(verifyJournal(site.db).ok).toBe(true);
    expect(await site.must(officer, 'journal.verify', {})).toMatchObject({ ok: true });
  });

  it('refuses arrivals before the visit starts, outside its dates, in the future, or without identification', async () => {
    const v = await act(await site.must(clerk, 'visits.create', emergencyDraft()), approveWithScope);
    const id = v.visitors[0]!.id;
    expect(await site.call(clerk, 'visits.logArrival', { visitorId: id, expectedVersion: 1, arrival })).toMatchObject({ ok: false, error: { code: 'INVALID_TRANSITION', message: /start the visit/ } });
    await act(v, { type: 'start', on: '2026-03-02' });
    const before = dumpDb(site.db);
    expect(await site.call(clerk, 'visits.logArrival', { visitorId: id, expectedVersion: 1, arrival: { ...arrival, date: '2026-03-03' } })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', issues: [{ path: ['arrival', 'date'], message: 'cannot be in the future' }] },
    });
    expect(
      await site.call(clerk, 'visits.logArrival', { visitorId: id, expectedVersion: 1, arrival: { ...arrival, positiveIdentification: false as unknown as true } }),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', issues: [{ path: ['arrival', 'positiveIdentification'] }] } });
    expect(await site.call(clerk, 'visits.logArrival', { visitorId: id, expectedVersion: 1, arrival: { ...arrival, arrivedAt: '25:00' } })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', issues: [{ path: ['arrival', 'arrivedAt'] }] },
    });
    expect(dumpDb(site.db)).toBe(before);
  });

  it('a recurring visit logs each trip (5 working days notice) and arrivals only within a trip', async () => {
    let v = await site.must(clerk, 'visits.create', visitDraft({ type: 'recurring', requestNumber: 'REC-1', startDate: '2026-03-02', endDate: '2027-03-01', submittedOn: '2026-03-02' }));
    v = await act(v, approveWithScope);
    // Trip from Monday 9 March: notice by Monday 2 March (5 working days) is fine...
    v = await act(v, { type: 'log_trip', trip: { from: '2026-03-09', to: '2026-03-10', notifiedOn: '2026-03-02', purpose: 'integration' } });
    expect(v.trips).toEqual([{ from: '2026-03-09', to: '2026-03-10', notifiedOn: '2026-03-02', purpose: 'integration' }]);
    // ...a trip from Friday 6 March needed notice by Friday 27 February.
    expect(await tryAct(v, { type: 'log_trip', trip: { from: '2026-03-06', to: '2026-03-06', notifiedOn: '2026-03-02' } })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', issues: [{ path: ['action', 'trip', 'notifiedOn'], message: /notify by 2026-02-27/ }] },
    });
    expect(await tryAct(v, { type: 'log_trip', trip: { from: '2026-03-10', to: '2026-03-12', notifiedOn: '2026-03-02' } })).toMatchObject({
      ok: false,
      error: { issues: [{ path: ['action', 'trip', 'from'], message: /overlaps/ }] },
    });
    expect(await tryAct(v, { type: 'log_trip', trip: { from: '2027-03-01', to: '2027-03-02', notifiedOn: '2026-03-02' } })).toMatchObject({
      ok: false,
      error: { issues: [{ path: ['action', 'trip', 'from'], message: /outside the approved dates/ }] },
    });
    v = await act(v, { type: 'start', on: '2026-03-02' });
    // Today (2 March) is not within a logged trip.
    expect(await site.call(clerk, 'visits.logArrival', { visitorId: v.visitors[0]!.id, expectedVersion: 1, arrival })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', issues: [{ path: ['arrival', 'date'], message: /logged trip/ }] },
    });
    site.clock.advanceDays(7);
    clerk = await site.connect('clerk');
    await site.must(clerk, 'visits.logArrival', { visitorId: v.visitors[0]!.id, expectedVersion: 1, arrival: { ...arrival, date: '2026-03-09' } });
  });
});

describe('retention', () => {
  it('disposes 1 year after the visit ends, NATO visits 3 years; the list finds records past their date', async () => {
    const plain = await site.must(clerk, 'visits.create', visitDraft({ requestNumber: 'RET-1' }));
    expect(plain).toMatchObject({ retentionYears: 1, disposeAfter: '2027-03-20' });
    expect(plain.visitors[0]!.disposeAfter).toBe('2027-03-20');
    const nato = await site.must(clerk, 'visits.create', visitDraft({ requestNumber: 'RET-2', natoVisit: true, country: 'NATO' }));
    expect(nato).toMatchObject({ retentionYears: 3, disposeAfter: '2029-03-20' });
    expect((await site.must(clerk, 'visits.list', { dueForDisposal: true })).total).toBe(0);
    site.clock.set(new Date('2027-03-21T09:00:00.000Z'));
    const later = await site.connect('clerk');
    expect((await site.must(later, 'visits.list', { dueForDisposal: true })).items.map((i) => i.requestNumber)).toEqual(['RET-1']);
  });
});

describe('identifiers: masked in every read, revealed only with a journalled reason', () => {
  it('masks the passport number and date of birth, reveals them for a reason, journals the reveal without the values', async () => {
    const v = await site.must(clerk, 'visits.create', emergencyDraft());
    const shown = v.visitors[0]!;
    expect(shown).toMatchObject({ document: { type: 'passport', numberMasked: '*****0T47', issuingCountry: 'DEU' }, dateOfBirthMasked: '1975-**-**' });
    expect(JSON.stringify(await site.must(clerk, 'visits.get', { id: v.id }))).not.toContain('C01X00T47');
    expect(JSON.stringify(await site.must(clerk, 'visits.list', {}))).not.toContain('C01X00T47');

    const revealed = await site.must(officer, 'visits.revealVisitor', { visitorId: shown.id, reason: 'identity check at the gate' });
    expect(revealed).toEqual({ visitorId: shown.id, fullName: 'Klaus Weber', dateOfBirth: '1975-06-15', document: { type: 'passport', number: 'C01X00T47', issuingCountry: 'DEU' } });

    const history = await site.must(clerk, 'visits.history', { id: v.id });
    const reveal = history.find((e) => e.action === 'reveal_identifiers');
    expect(reveal).toMatchObject({ kind: 'visitor', entityId: shown.id, actor: 'officer', data: { reason: 'identity check at the gate', fields: ['document.number', 'dateOfBirth'] } });
    expect(JSON.stringify(reveal)).not.toContain('C01X00T47');
    // The history masks identifiers for everyone.
    expect(JSON.stringify(history)).not.toContain('C01X00T47');
    expect(JSON.stringify(history)).not.toContain('1975-06-15');
    expect(history.map((e) => [e.kind, e.action])).toEqual([
      ['visit', 'create'],
      ['visitor', 'create'],
      ['visitor', 'create'],
      ['visitor', 'reveal_identifiers'],
    ]);

    const auditor = await site.connect('auditor');
    expect(await site.call(auditor, 'visits.revealVisitor', { visitorId: shown.id, reason: 'curious' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await site.call(officer, 'visits.revealVisitor', { visitorId: shown.id, reason: '' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', issues: [{ path: ['reason'] }] } });
    expect(verifyJournal(site.db).ok).toBe(true);
  });
});

describe('views: upcoming and current, by country, status, type, dates; paged', () => {
  it('filters in SQL and pages without overlap', async () => {
    await site.must(clerk, 'visits.create', visitDraft({ requestNumber: 'UP-DEU' }));
    await site.must(clerk, 'visits.create', visitDraft({ requestNumber: 'UP-GBR', country: 'GBR', startDate: '2026-04-06', endDate: '2026-04-07' }));
    const current = await act(await site.must(clerk, 'visits.create', emergencyDraft({ requestNumber: 'NOW-DEU' })), approveWithScope);
    await act(await site.must(clerk, 'visits.create', visitDraft({ requestNumber: 'GONE' })), { type: 'cancel', on: '2026-03-02', reason: 'x' });

    const numbers = async (query: Parameters<typeof site.must<'visits.list'>>[2]) => (await site.must(clerk, 'visits.list', query)).items.map((i) => i.requestNumber);
    expect(await numbers({ when: 'upcoming' })).toEqual(['UP-DEU', 'UP-GBR']);
    expect(await numbers({ when: 'current' })).toEqual(['NOW-DEU']);
    expect(await numbers({ country: 'GBR' })).toEqual(['UP-GBR']);
    expect(await numbers({ statuses: ['cancelled'] })).toEqual(['GONE']);
    expect(await numbers({ types: ['emergency'] })).toEqual(['NOW-DEU']);
    expect(await numbers({ from: '2026-04-01', to: '2026-04-30' })).toEqual(['UP-GBR']);
    expect(await numbers({ to: '2026-03-10' })).toEqual(['NOW-DEU']);
    expect(await numbers({ search: 'Fischer' })).toEqual(['NOW-DEU']);
    expect(await numbers({ sort: 'requestNumber', sortDir: 'desc', limit: 2 })).toEqual(['UP-GBR', 'UP-DEU']);
    expect(await numbers({ sort: 'requestNumber', sortDir: 'desc', limit: 2, offset: 2 })).toEqual(['NOW-DEU', 'GONE']);
    const page = await site.must(clerk, 'visits.list', { when: 'current' });
    expect(page).toMatchObject({ total: 1, offset: 0, items: [{ id: current.id, activeVisitorCount: 2, current: true }] });
    expect(await site.call(clerk, 'visits.list', { country: 'germany' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', issues: [{ path: ['country'] }] } });
  });

  it('answers NOT_FOUND for an unknown request', async () => {
    expect(await site.call(clerk, 'visits.get', { id: '01J00000000000000000000000' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
