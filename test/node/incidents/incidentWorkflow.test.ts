// The incident workflow through dispatch: steps, who may take them, what each needs first, and
// an overdue receipt escalated into an incident taken to the final report.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Connection } from '../../../electron/node/core.js';
import type { IncidentView } from '../../../electron/common/incidents/model.js';
import type { IncidentActionInput } from '../../../electron/common/incidents/transitions.js';
import { availableIncidentActions } from '../../../electron/common/incidents/transitions.js';
import type { ReceiptView } from '../../../electron/common/receipts/model.js';
import { verifyJournal } from '../../../db/journal/verify.js';
import type { TestSite } from '../support/testSite.js';
import { dumpDb, makeTestSite } from '../support/testSite.js';
import { incomingDraft, outgoingFgiDraft } from '../support/receiptFixtures.js';
import { incidentDraft } from './fixtures.js';

let site: TestSite;
let clerk: Connection;
let officer: Connection;
beforeEach(async () => {
  site = await makeTestSite();
  clerk = await site.connect('clerk');
  officer = await site.connect('officer');
});
afterEach(() => site.close());

async function act(i: IncidentView, action: IncidentActionInput, conn = officer): Promise<IncidentView> {
  return site.must(conn, 'incidents.transition', { id: i.id, expectedVersion: i.version, action });
}
async function tryAct(i: IncidentView, action: IncidentActionInput, conn = officer) {
  return site.call(conn, 'incidents.transition', { id: i.id, expectedVersion: i.version, action });
}
async function update(i: IncidentView, changes: Parameters<typeof site.must<'incidents.update'>>[2]['changes'], conn = clerk): Promise<IncidentView> {
  return site.must(conn, 'incidents.update', { id: i.id, expectedVersion: i.version, changes, reason: 'inquiry findings' });
}
/** Bring the record to what the preliminary inquiry establishes. */
async function inquired(i: IncidentView): Promise<IncidentView> {
  return update(i, {
    classificationValidation: { validated: true, on: '2026-03-02', by: 'F. Officer' },
    determination: { outcome: 'suspected_compromise', reasons: 'container open for an unknown period; no inventory discrepancy', on: '2026-03-02' },
  });
}

describe('the steps of 117.8(d)', () => {
  it('reported -> inquiry -> initial report -> investigation -> final report -> CSA review -> closed', async () => {
    let i = await site.must(clerk, 'incidents.create', incidentDraft());
    expect(availableIncidentActions(i.status, ['custodian']).map((a) => a.type)).toEqual(['begin_inquiry', 'void']);
    i = await act(i, { type: 'begin_inquiry', on: '2026-03-02' }, clerk);
    expect(availableIncidentActions(i.status, ['custodian']).map((a) => a.type)).toEqual(['void']);
    expect(availableIncidentActions(i.status, ['security_officer']).map((a) => a.type)).toEqual(['submit_initial_report', 'discount', 'void']);

    // The CSA reports are the security officer's.
    expect(await tryAct(i, { type: 'submit_initial_report', on: '2026-03-02' }, clerk)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    // The inquiry validates the classification and finds loss, compromise or suspected compromise first.
    expect(await tryAct(i, { type: 'submit_initial_report', on: '2026-03-02' })).toMatchObject({ ok: false, error: { code: 'INVALID_TRANSITION', message: /validate the classification/ } });
    i = await update(i, { classificationValidation: { validated: true, on: '2026-03-02', by: 'F. Officer' } });
    expect(await tryAct(i, { type: 'submit_initial_report', on: '2026-03-02' })).toMatchObject({ ok: false, error: { code: 'INVALID_TRANSITION', message: /determination/ } });
    i = await inquired(i);
    i = await act(i, { type: 'submit_initial_report', on: '2026-03-02' });
    expect(i).toMatchObject({ status: 'initial_report', csaNotifiedOn: '2026-03-02' });

    i = await act(i, { type: 'begin_investigation', on: '2026-03-02' }, clerk);
    expect(await tryAct(i, { type: 'submit_final_report', on: '2026-03-02' })).toMatchObject({ ok: false, error: { code: 'INVALID_TRANSITION', message: /releasable to the foreign government/ } });
    i = await update(i, { foreignRelease: { circumstances: 'Container found open after hours', findings: 'No evidence that unauthorised persons had access' } });
    i = await site.must(officer, 'incidents.personnel', { id: i.id, expectedVersion: i.version, change: { op: 'name_person', person: { name: 'J. Doe', identifierType: 'ssn', identifier: '123-45-6789' } }, reason: 'last to close' });
    expect(await tryAct(i, { type: 'submit_final_report', on: '2026-03-02' })).toMatchObject({ ok: false, error: { code: 'INVALID_TRANSITION', message: /culpability of J. Doe/ } });
    const personId = i.personnel!.responsible[0]!.id;
    i = await site.must(officer, 'incidents.personnel', { id: i.id, expectedVersion: i.version, change: { op: 'update_person', personId, changes: { culpability: 'negligence' } }, reason: 'finding' });
    i = await act(i, { type: 'submit_final_report', on: '2026-03-02' });
    expect(i.status).toBe('final_report');
    expect(i.steps.find((s) => s.step === 'csa_review')).toMatchObject({ dueOn: '2026-04-01', state: 'pending' });

    i = await act(i, { type: 'csa_review', on: '2026-03-02', reference: 'DCSA-2026-0042' }, clerk);
    expect(await tryAct(i, { type: 'close', on: '2026-03-02', csaDetermination: 'x' }, clerk)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    i = await act(i, { type: 'close', on: '2026-03-02', csaDetermination: 'CSA concurs: suspected compromise, negligence' });
    expect(i).toMatchObject({ status: 'closed', csaReviewReference: 'DCSA-2026-0042', csaClosure: 'CSA concurs: suspected compromise, negligence', overdue: false, nextStep: null });
    expect(i.steps.map((s) => s.state)).toEqual(['done', 'done', 'done', 'done', 'done', 'done']);

    // A closed incident is not changed any more.
    const before = dumpDb(site.db);
    expect(await site.call(clerk, 'incidents.update', { id: i.id, expectedVersion: i.version, changes: { notes: 'late' }, reason: 'x' })).toMatchObject({ ok: false, error: { code: 'INVALID_TRANSITION' } });
    expect(await tryAct(i, { type: 'void', reason: 'x' })).toMatchObject({ ok: false, error: { code: 'INVALID_TRANSITION' } });
    expect(dumpDb(site.db)).toBe(before);

    const history = await site.must(officer, 'incidents.history', { id: i.id });
    expect(history.map((e) => e.action)).toEqual([
      'create',
      'begin_inquiry',
      'update',
      'update',
      'submit_initial_report',
      'begin_investigation',
      'update',
      'personnel',
      'personnel',
      'submit_final_report',
      'csa_review',
      'close',
    ]);
    expect(verifyJournal(site.db).ok).toBe(true);
  });

  it('refuses steps out of order with INVALID_TRANSITION and steps dated before the previous one', async () => {
    const i = await site.must(clerk, 'incidents.create', incidentDraft());
    const before = dumpDb(site.db);
    for (const action of [
      { type: 'begin_investigation', on: '2026-03-02' },
      { type: 'submit_final_report', on: '2026-03-02' },
      { type: 'close', on: '2026-03-02', csaDetermination: 'x' },
      { type: 'discount', on: '2026-03-02', reasons: 'x' },
    ] as IncidentActionInput[]) {
      expect(await tryAct(i, action)).toMatchObject({ ok: false, error: { code: 'INVALID_TRANSITION' } });
    }
    expect(await tryAct(i, { type: 'begin_inquiry', on: '2026-03-01' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', issues: [{ path: ['action', 'on'], message: /previous step \(2026-03-02\)/ }] } });
    expect(await tryAct(i, { type: 'begin_inquiry', on: '2026-03-03' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', issues: [{ path: ['action', 'on'] }] } });
    expect(await tryAct(i, { type: 'begin_inquiry' } as unknown as IncidentActionInput)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', issues: [{ path: ['action', 'on'] }] } });
    expect(dumpDb(site.db)).toBe(before);
  });

  it('discounts compromise after the inquiry and closes at once', async () => {
    let i = await act(await site.must(clerk, 'incidents.create', incidentDraft()), { type: 'begin_inquiry', on: '2026-03-02' });
    i = await update(i, { classificationValidation: { validated: true, on: '2026-03-02', by: 'F. Officer' } });
    i = await act(i, { type: 'discount', on: '2026-03-02', reasons: 'container was alarmed and the alarm log shows no opening' });
    expect(i).toMatchObject({ status: 'closed', determination: { outcome: 'compromise_discounted', reasons: 'container was alarmed and the alarm log shows no opening' } });
    expect(i.steps.map((s) => s.state)).toEqual(['done', 'skipped', 'skipped', 'skipped', 'skipped', 'done']);
  });

  it('voids an incident opened in error, but not once reported to the CSA', async () => {
    const i = await site.must(clerk, 'incidents.create', incidentDraft());
    const v = await act(i, { type: 'void', reason: 'duplicate of INC-2026-0002' }, clerk);
    expect(v).toMatchObject({ status: 'void', voidReason: 'duplicate of INC-2026-0002', overdue: false });
    expect((await site.must(clerk, 'incidents.list', {})).total).toBe(0);
    expect((await site.must(clerk, 'incidents.list', { includeVoid: true })).total).toBe(1);
  });
});

describe('from an overdue receipt', () => {
  async function overdueReceipt(): Promise<ReceiptView> {
    const r = await site.must(clerk, 'receipts.create', outgoingFgiDraft());
    await site.must(clerk, 'receipts.transition', { id: r.id, expectedVersion: 1, action: { type: 'dispatch', dispatchedOn: '2026-03-02' } });
    site.clock.advanceDays(46); // suspense due 2026-04-16; today 2026-04-17
    clerk = await site.connect('clerk');
    officer = await site.connect('officer');
    return site.must(clerk, 'receipts.get', { id: r.id });
  }

  it('refuses a receipt that is not overdue or escalated, an incoming receipt, an unknown one', async () => {
    const prepared = await site.must(clerk, 'receipts.create', outgoingFgiDraft());
    const before = dumpDb(site.db);
    expect(await site.call(clerk, 'incidents.openFromReceipt', { receiptId: prepared.id })).toMatchObject({ ok: false, error: { code: 'INVALID_TRANSITION', message: /not an overdue or escalated/ } });
    await site.must(clerk, 'receipts.transition', { id: prepared.id, expectedVersion: 1, action: { type: 'dispatch', dispatchedOn: '2026-03-02' } });
    const beforeDispatched = dumpDb(site.db);
    expect(await site.call(clerk, 'incidents.openFromReceipt', { receiptId: prepared.id })).toMatchObject({ ok: false, error: { code: 'INVALID_TRANSITION', message: /suspense due 2026-04-16/ } });
    expect(dumpDb(site.db)).toBe(beforeDispatched);
    const incoming = await site.must(clerk, 'receipts.create', incomingDraft());
    expect(await site.call(clerk, 'incidents.openFromReceipt', { receiptId: incoming.id })).toMatchObject({ ok: false, error: { code: 'INVALID_TRANSITION' } });
    expect(await site.call(clerk, 'incidents.openFromReceipt', { receiptId: '01J00000000000000000000000' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(before).not.toBe(beforeDispatched);
  });

  it('opens an incident linked to the overdue receipt, once; escalated into an incident taken to the final report', async () => {
    let r = await overdueReceipt();
    expect(r.overdue).toBe(true);
    r = await site.must(clerk, 'receipts.transition', { id: r.id, expectedVersion: r.version, action: { type: 'tracer', sentOn: '2026-04-17' } });
    r = await site.must(clerk, 'receipts.transition', { id: r.id, expectedVersion: r.version, action: { type: 'escalate', on: '2026-04-17', reason: 'no answer to tracer' } });

    let i = await site.must(clerk, 'incidents.openFromReceipt', { receiptId: r.id });
    expect(i).toMatchObject({
      status: 'reported',
      incidentNumber: 'INC-2026-0001',
      unclassifiedTitle: 'Signed receipt not returned: OUT-2026-0001',
      classification: r.classification,
      discoveredOn: '2026-04-17',
      reportedOn: '2026-04-17',
      reportedBy: 'clerk',
      material: [{ receiptId: r.id, description: 'Radar cross-section test report', originator: 'DEU', materialDate: '2026-02-20' }],
      exposure: { from: '2026-03-02', to: null },
      foreignGovernment: { involved: true, countries: ['DEU'] },
      linkedReceipts: [{ id: r.id, controlNumber: 'OUT-2026-0001', status: 'escalated' }],
    });
    expect(i.description).toMatch(/due 2026-04-16.*Tracers sent 2026-04-17.*Escalated 2026-04-17: no answer to tracer/);
    expect(await site.call(clerk, 'incidents.openFromReceipt', { receiptId: r.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT', details: { incidentId: i.id } } });
    expect((await site.must(clerk, 'incidents.list', { receiptId: r.id })).items.map((x) => x.id)).toEqual([i.id]);

    i = await act(i, { type: 'begin_inquiry', on: '2026-04-17' }, clerk);
    i = await update(i, {
      classificationValidation: { validated: true, on: '2026-04-17', by: 'F. Officer' },
      determination: { outcome: 'loss', reasons: 'addressee confirms it never arrived', on: '2026-04-17' },
    });
    i = await act(i, { type: 'submit_initial_report', on: '2026-04-17' });
    i = await act(i, { type: 'begin_investigation', on: '2026-04-17' }, clerk);
    i = await update(i, { foreignRelease: { circumstances: 'Consignment lost in transit', findings: 'Loss in the courier chain' } });
    i = await act(i, { type: 'submit_final_report', on: '2026-04-17' });
    expect(i).toMatchObject({ status: 'final_report', csaNotifiedOn: '2026-04-17', overdue: false });
    expect(verifyJournal(site.db).ok).toBe(true);
    expect(await site.must(officer, 'journal.verify', {})).toMatchObject({ ok: true });
  });

  it('opens from an overdue receipt that was never escalated, discovered today', async () => {
    const r = await overdueReceipt();
    const i = await site.must(clerk, 'incidents.openFromReceipt', { receiptId: r.id, incidentNumber: 'INC-CUSTOM-1', reportedTo: 'FSO' });
    expect(i).toMatchObject({ incidentNumber: 'INC-CUSTOM-1', reportedTo: 'FSO', discoveredOn: '2026-04-17' });
  });
});

describe('lists', () => {
  it('filters by status, determination, country, dates and search; pages', async () => {
    const a = await site.must(clerk, 'incidents.create', incidentDraft({ unclassifiedTitle: 'Container found open', occurredOn: null, discoveredOn: '2026-02-10', reportedOn: '2026-02-11' }));
    const b = await site.must(clerk, 'incidents.create', incidentDraft({ unclassifiedTitle: 'Laptop missing', material: [{ description: 'Test laptop', classification: { level: 'SECRET' } }], foreignGovernment: { involved: false } }));
    await inquired(a);
    const ids = async (q: Parameters<typeof site.must<'incidents.list'>>[2]) => (await site.must(clerk, 'incidents.list', q)).items.map((x) => x.id);
    expect(await ids({ country: 'DEU' })).toEqual([a.id]);
    expect(await ids({ determinations: ['suspected_compromise'] })).toEqual([a.id]);
    expect(await ids({ from: '2026-03-01' })).toEqual([b.id]);
    expect(await ids({ to: '2026-02-28' })).toEqual([a.id]);
    expect(await ids({ search: 'laptop' })).toEqual([b.id]);
    expect(await ids({ sort: 'discoveredOn', sortDir: 'asc' })).toEqual([a.id, b.id]);
    expect(await ids({ sort: 'discoveredOn', sortDir: 'asc', limit: 1, offset: 1 })).toEqual([b.id]);
    expect(await ids({ overdueOnly: true })).toEqual([a.id]); // reported 11 Feb: the inquiry was due 12 Feb
    expect(await ids({ statuses: ['closed'] })).toEqual([]);
  });
});
