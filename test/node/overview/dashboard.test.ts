// The dashboard on a real SQLite file: overdue and due-soon receipts and incident steps, visits
// today and upcoming, the trend, sync and journal state, and only the parts a role may read.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Connection } from '../../../electron/node/core.js';
import type { TestSite } from '../support/testSite.js';
import { makeTestSite } from '../support/testSite.js';
import { outgoingFgiDraft } from '../support/receiptFixtures.js';
import { incidentDraft } from '../incidents/fixtures.js';
import { LIMITS, SCOPE, emergencyDraft, visitDraft } from '../visits/fixtures.js';

let site: TestSite;
let clerk: Connection;
beforeEach(async () => {
  site = await makeTestSite();
  clerk = await site.connect('clerk');
});
afterEach(() => site.close());

async function dispatched(controlNumber: string, dispatchedOn: string, international = true) {
  const r = await site.must(clerk, 'receipts.create', outgoingFgiDraft({ controlNumber, international }));
  return site.must(clerk, 'receipts.transition', { id: r.id, expectedVersion: r.version, action: { type: 'dispatch', dispatchedOn } });
}

describe('dashboard.get', () => {
  it('lists overdue and due-soon receipts with the read-time suspense rule', async () => {
    const late = await dispatched('OUT-LATE', '2026-01-05'); // 45 days: due 2026-02-19, 11 days overdue on 2026-03-02
    const soon = await dispatched('OUT-SOON', '2026-01-20'); // due 2026-03-06: within the 7 due-soon days
    await dispatched('OUT-LATER', '2026-03-01'); // due in April: neither
    const d = await site.must(clerk, 'dashboard.get', {});
    expect(d.receipts?.overdue).toMatchObject({ count: 1, items: [{ kind: 'receipt', id: late.id, number: 'OUT-LATE', days: 11, date: '2026-02-19', marking: '(//DEU S)' }] });
    expect(d.receipts?.dueSoon).toMatchObject({ count: 1, items: [{ id: soon.id, days: 4 }] });
    expect(d.marking).toBe('SECRET//FGI DEU');
  });

  it('lists visits under way today and those starting within 30 days', async () => {
    const upcoming = await site.must(clerk, 'visits.create', visitDraft());
    await site.must(clerk, 'visits.create', visitDraft({ requestNumber: 'DEU-FAR', startDate: '2026-05-20', endDate: '2026-05-21' }));
    const em = await site.must(clerk, 'visits.create', emergencyDraft());
    await site.must(clerk, 'visits.transition', {
      id: em.id,
      expectedVersion: em.version,
      action: { type: 'approve', on: '2026-03-02', disclosure: { level: 'SECRET', scope: SCOPE, limitations: LIMITS } },
    });
    const d = await site.must(clerk, 'dashboard.get', {});
    expect(d.visits?.today).toMatchObject({ count: 1, items: [{ kind: 'visit', id: em.id, date: '2026-03-02', days: 0 }] });
    expect(d.visits?.upcoming).toMatchObject({ count: 1, items: [{ id: upcoming.id, number: 'DEU-2026-001', days: 14 }] });
  });

  it('lists incident steps overdue and due soon, and counts open items over time', async () => {
    const incident = await site.must(clerk, 'incidents.create', incidentDraft({ reportedOn: '2026-02-20', discoveredOn: '2026-02-20', occurredOn: '2026-02-19' }));
    const d = await site.must(clerk, 'dashboard.get', {});
    const overdueSteps = d.incidents?.overdue.items.map((i) => i.what);
    expect(overdueSteps).toEqual(['Preliminary inquiry', 'Initial report to CSA', 'Investigation']);
    expect(d.incidents?.overdue.items[0]).toMatchObject({ id: incident.id, days: 9 });
    expect(d.incidents?.dueSoon.count).toBe(0);
    expect(d.trend).toHaveLength(13);
    expect(d.trend?.at(-1)).toEqual({ date: '2026-03-02', receiptsAwaiting: 0, incidentsOpen: 1 });
    expect(d.trend?.[0]?.incidentsOpen).toBe(0);
  });

  it('counts a receipt as awaiting on each week between its dispatch and its signed receipt', async () => {
    const r = await dispatched('OUT-BACK', '2026-01-05');
    await site.must(clerk, 'receipts.transition', { id: r.id, expectedVersion: r.version, action: { type: 'acknowledge', signedBy: 'K. Weber', returnedOn: '2026-02-10' } });
    await dispatched('OUT-OPEN', '2026-02-20');
    const d = await site.must(clerk, 'dashboard.get', {});
    const awaiting = Object.fromEntries((d.trend ?? []).map((p) => [p.date, p.receiptsAwaiting]));
    expect(awaiting).toMatchObject({ '2025-12-29': 0, '2026-01-05': 1, '2026-02-09': 1, '2026-02-16': 0, '2026-02-23': 1, '2026-03-02': 1 });
  });

  it('shows an administrator without a record role no records, but the journal state', async () => {
    await dispatched('OUT-LATE', '2026-01-05');
    const admin = await site.connect('sysadmin');
    const d = await site.must(admin, 'dashboard.get', {});
    expect(d).toMatchObject({ receipts: null, visits: null, incidents: null, trend: null, marking: 'UNCLASSIFIED' });
    expect(d.integrity).toEqual({ lastVerify: null, entriesSince: 0 });
    expect(d.sync).toMatchObject({ siteRole: 'site', lastExport: null, lastExportAcknowledged: false });
  });

  it('shows a custodian records but neither the sync nor the journal state', async () => {
    const d = await site.must(clerk, 'dashboard.get', {});
    expect(d.receipts).not.toBeNull();
    expect(d.sync).toBeNull();
    expect(d.integrity).toBeNull();
  });

  it('reports the last journal verification and the entries added since, without walking the chain', async () => {
    const auditor = await site.connect('auditor');
    await site.must(auditor, 'journal.verify', {});
    await dispatched('OUT-1', '2026-03-02');
    const d = await site.must(auditor, 'dashboard.get', {});
    expect(d.integrity?.lastVerify).toMatchObject({ actor: 'auditor', intact: true });
    expect(d.integrity?.entriesSince).toBe(2); // the receipt's create and dispatch entries (sign-ins before)
  });

  it('refuses input and callers it must', async () => {
    expect(await site.call(clerk, 'dashboard.get', { extra: 1 } as never)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await site.call({ session: null, workstation: 'x' }, 'dashboard.get', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });
});
