import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Connection } from '../../../electron/node/core.js';
import type { ReceiptView } from '../../../electron/common/receipts/model.js';
import type { ReceiptActionInput } from '../../../electron/common/receipts/transitions.js';
import { verifyJournal } from '../../../db/journal/verify.js';
import type { TestSite } from '../support/testSite.js';
import { PASSWORD, dumpDb, makeTestSite } from '../support/testSite.js';
import { incomingDraft, outgoingFgiDraft } from '../support/receiptFixtures.js';

let site: TestSite;
let clerk: Connection;
beforeEach(async () => {
  site = await makeTestSite();
  clerk = await site.connect('clerk');
});
afterEach(() => site.close());

async function act(r: ReceiptView, action: ReceiptActionInput): Promise<ReceiptView> {
  return site.must(clerk, 'receipts.transition', { id: r.id, expectedVersion: r.version, action });
}

async function tryAct(r: ReceiptView, action: ReceiptActionInput) {
  return site.call(clerk, 'receipts.transition', { id: r.id, expectedVersion: r.version, action });
}

describe('outgoing receipt workflow', () => {
  it('prepared -> dispatched opens a 45-day suspense for an international transfer', async () => {
    const r = await site.must(clerk, 'receipts.create', outgoingFgiDraft());
    expect(r).toMatchObject({ status: 'prepared', version: 1, siteId: 'SITE-A', suspenseDueOn: null, overdue: false });
    const d = await act(r, { type: 'dispatch', dispatchedOn: '2026-03-02' });
    expect(d).toMatchObject({ status: 'dispatched', version: 2, suspenseDays: 45, suspenseDueOn: '2026-04-16', overdue: false });
  });

  it('uses the configurable domestic period, and a changed policy applies to later dispatches', async () => {
    const officer = await site.connect('officer');
    const r = await site.must(clerk, 'receipts.create', outgoingFgiDraft({ international: false, controlNumber: 'D-1' }));
    expect((await act(r, { type: 'dispatch', dispatchedOn: '2026-03-02' })).suspenseDueOn).toBe('2026-04-01');
    await site.must(officer, 'settings.update', { changes: { suspenseDaysInternational: 40, suspenseDaysDomestic: 20, dueSoonDays: 5 }, reason: 'local policy' });
    const r2 = await site.must(clerk, 'receipts.create', outgoingFgiDraft({ international: false, controlNumber: 'D-2' }));
    expect((await act(r2, { type: 'dispatch', dispatchedOn: '2026-03-02' })).suspenseDueOn).toBe('2026-03-22');
  });

  it('refuses an international suspense longer than the 45 days of 32 CFR 117.19(d)', async () => {
    const officer = await site.connect('officer');
    const result = await site.call(officer, 'settings.update', { changes: { suspenseDaysInternational: 60 }, reason: 'x' });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', issues: [{ path: ['changes', 'suspenseDaysInternational'] }] } });
  });

  it('becomes due soon, then overdue as the clock passes the suspense, then tracer, escalation, acknowledgement', async () => {
    let r = await act(await site.must(clerk, 'receipts.create', outgoingFgiDraft()), { type: 'dispatch', dispatchedOn: '2026-03-02' });
    site.clock.advanceDays(40);
    // Forty days idle locks the session: unlock it as the user would.
    expect(await site.call(clerk, 'receipts.get', { id: r.id })).toMatchObject({ ok: false, error: { code: 'SESSION_LOCKED' } });
    await site.must(clerk, 'session.unlock', { password: PASSWORD });
    r = await site.must(clerk, 'receipts.get', { id: r.id });
    expect(r).toMatchObject({ overdue: false, dueSoon: true });
    expect((await tryAct(r, { type: 'tracer', sentOn: '2026-04-11' })).ok).toBe(false);

    site.clock.advanceDays(6); // 2026-04-17, one day past 2026-04-16
    clerk = await site.connect('clerk');
    r = await site.must(clerk, 'receipts.get', { id: r.id });
    expect(r).toMatchObject({ overdue: true, daysOverdue: 1, dueSoon: false });
    const overdue = await site.must(clerk, 'receipts.list', { overdueOnly: true });
    expect(overdue.items.map((i) => i.id)).toEqual([r.id]);

    r = await act(r, { type: 'tracer', sentOn: '2026-04-17' });
    expect(r).toMatchObject({ status: 'tracer_sent', tracerDates: ['2026-04-17'], overdue: true });
    r = await act(r, { type: 'escalate', on: '2026-04-17', reason: 'no answer to tracer; CSA informed' });
    expect(r.status).toBe('escalated');
    r = await act(r, { type: 'acknowledge', signedBy: 'Dr. K. Weber', returnedOn: '2026-04-17' });
    expect(r).toMatchObject({ status: 'acknowledged', receiptSignedBy: 'Dr. K. Weber', overdue: false });
    r = await act(r, { type: 'archive' });
    expect(r.status).toBe('archived');
    expect(verifyJournal(site.db).ok).toBe(true);
  });

  it('keeps every step in the record history, oldest first, with who and when', async () => {
    const r = await site.must(clerk, 'receipts.create', outgoingFgiDraft());
    const d = await act(r, { type: 'dispatch', dispatchedOn: '2026-03-02' });
    await act(d, { type: 'acknowledge', signedBy: 'K. Weber', returnedOn: '2026-03-02' });
    const history = await site.must(clerk, 'receipts.history', { id: r.id });
    expect(history.map((e) => [e.action, e.actor, e.kind])).toEqual([
      ['create', 'clerk', 'receipt'],
      ['dispatch', 'clerk', 'receipt'],
      ['acknowledge', 'clerk', 'receipt'],
    ]);
  });

  const illegal: [string, ReceiptActionInput][] = [
    ['acknowledge before dispatch', { type: 'acknowledge', signedBy: 'x', returnedOn: '2026-03-02' }],
    ['tracer before dispatch', { type: 'tracer', sentOn: '2026-03-02' }],
    ['inspect outgoing material', { type: 'inspect', inspection: { inspectedOn: '2026-03-02', tamperingFound: false, contentsMatch: true } }],
    ['destroy outgoing material', { type: 'destroy', destruction: { date: '2026-03-02', method: 'shred' } }],
    ['archive before acknowledgement', { type: 'archive' }],
  ];
  it.each(illegal)('refuses to %s, changing nothing', async (_name, action) => {
    const r = await site.must(clerk, 'receipts.create', outgoingFgiDraft());
    const before = dumpDb(site.db);
    expect(await tryAct(r, action)).toMatchObject({ ok: false, error: { code: 'INVALID_TRANSITION' } });
    expect(dumpDb(site.db)).toBe(before);
  });

  it('refuses dates in the future and acknowledgements dated before dispatch', async () => {
    const r = await site.must(clerk, 'receipts.create', outgoingFgiDraft());
    expect(await tryAct(r, { type: 'dispatch', dispatchedOn: '2026-03-03' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', issues: [{ path: ['action', 'dispatchedOn'], message: 'cannot be in the future' }] },
    });
    const d = await act(r, { type: 'dispatch', dispatchedOn: '2026-03-02' });
    expect(await tryAct(d, { type: 'acknowledge', signedBy: 'x', returnedOn: '2026-03-01' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', issues: [{ path: ['action', 'returnedOn'] }] },
    });
  });

  it('detects a stale version instead of losing an update', async () => {
    const r = await site.must(clerk, 'receipts.create', outgoingFgiDraft());
    await act(r, { type: 'dispatch', dispatchedOn: '2026-03-02' });
    expect(await tryAct(r, { type: 'void', reason: 'entered twice' })).toMatchObject({ ok: false, error: { code: 'CONFLICT', details: { currentVersion: 2 } } });
  });

  it('voids with a reason, keeps the record, and frees its control number', async () => {
    const r = await site.must(clerk, 'receipts.create', outgoingFgiDraft());
    const v = await act(r, { type: 'void', reason: 'entered twice' });
    expect(v).toMatchObject({ status: 'void', voidReason: 'entered twice' });
    expect((await site.must(clerk, 'receipts.get', { id: r.id })).status).toBe('void');
    expect((await site.must(clerk, 'receipts.list', {})).total).toBe(0);
    expect((await site.must(clerk, 'receipts.list', { includeVoid: true })).total).toBe(1);
    expect(await site.call(clerk, 'receipts.update', { id: r.id, expectedVersion: 2, changes: { notes: 'x' }, reason: 'late edit' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_TRANSITION' },
    });
    await site.must(clerk, 'receipts.create', outgoingFgiDraft());
  });
});

describe('incoming receipt workflow', () => {
  it('received -> inspected -> in accountability -> destroyed -> archived', async () => {
    let r = await site.must(clerk, 'receipts.create', incomingDraft());
    expect(r).toMatchObject({ status: 'received', improperReceipt: false });
    r = await act(r, { type: 'inspect', inspection: { inspectedOn: '2026-03-02', tamperingFound: false, contentsMatch: true } });
    r = await act(r, { type: 'sign', signedBy: 'C. Clerk', returnedOn: '2026-03-02' });
    expect(r.status).toBe('in_accountability');
    r = await act(r, { type: 'reproduce', reproduction: { date: '2026-03-02', copies: 2, copyNumbers: ['2', '3'], authorisedBy: 'F. Officer' } });
    r = await act(r, { type: 'inventory', on: '2026-03-02' });
    expect(r).toMatchObject({ status: 'in_accountability', reproductions: [{ copies: 2 }], inventoriedOn: ['2026-03-02'] });
    r = await act(r, { type: 'destroy', destruction: { date: '2026-03-02', method: 'cross-cut shredder (NSA EPL)', witnesses: ['W. One'] } });
    expect(r).toMatchObject({ status: 'destroyed', destruction: { method: 'cross-cut shredder (NSA EPL)' } });
    r = await act(r, { type: 'archive' });
    expect(r.status).toBe('archived');
  });

  it('needs two different witnesses and a certificate to destroy TOP SECRET material', async () => {
    const highSite = await makeTestSite({ systemHigh: 'TOP SECRET', siteId: 'SITE-TS' });
    try {
      const c = await highSite.connect('clerk');
      let r = await highSite.must(c, 'receipts.create', incomingDraft({ classification: { level: 'TOP SECRET' }, copyNumbers: ['1'] }));
      for (const action of [
        { type: 'inspect', inspection: { inspectedOn: '2026-03-02', tamperingFound: false, contentsMatch: true } },
        { type: 'sign', signedBy: 'C', returnedOn: '2026-03-02' },
      ] as ReceiptActionInput[]) {
        r = await highSite.must(c, 'receipts.transition', { id: r.id, expectedVersion: r.version, action });
      }
      const destroy = (witnesses: string[], certificateNumber = 'DC-1') =>
        highSite.call(c, 'receipts.transition', {
          id: r.id,
          expectedVersion: r.version,
          action: { type: 'destroy', destruction: { date: '2026-03-02', method: 'pulping', witnesses, certificateNumber } },
        });
      expect(await destroy(['A. Witness'])).toMatchObject({ ok: false, error: { issues: [{ path: ['action', 'destruction', 'witnesses'] }] } });
      expect(await destroy(['A. Witness', 'a. witness'])).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      expect(await destroy(['A. Witness', 'B. Witness'], '')).toMatchObject({ ok: false, error: { issues: [{ path: ['action', 'destruction', 'certificateNumber'] }] } });
      expect(await destroy(['A. Witness', 'B. Witness'])).toMatchObject({ ok: true, value: { status: 'destroyed' } });
    } finally {
      highSite.close();
    }
  });

  it('flags foreign material received outside government channels as an improper receipt, to be reported', async () => {
    const r = await site.must(
      clerk,
      'receipts.create',
      incomingDraft({ classification: { level: 'CONFIDENTIAL', foreign: { kind: 'country', countries: ['GBR'], level: 'RESTRICTED' } }, transmission: 'registered_mail' }),
    );
    expect(r.improperReceipt).toBe(true);
    const reported = await act(r, { type: 'report_improper', reportedOn: '2026-03-02' });
    expect(reported).toMatchObject({ improperReceiptReportedOn: '2026-03-02', status: 'received' });
    expect(await tryAct(reported, { type: 'report_improper', reportedOn: '2026-03-02' })).toMatchObject({ ok: false, error: { code: 'INVALID_TRANSITION' } });

    const proper = await site.must(
      clerk,
      'receipts.create',
      incomingDraft({ controlNumber: 'IN-2', classification: { level: 'SECRET', foreign: { kind: 'country', countries: ['GBR'], level: 'SECRET' } }, transmission: 'government_to_government', dgr: 'DGR' }),
    );
    expect(proper.improperReceipt).toBe(false);
    expect(await tryAct(proper, { type: 'report_improper', reportedOn: '2026-03-02' })).toMatchObject({ ok: false, error: { code: 'INVALID_TRANSITION' } });
  });
});
