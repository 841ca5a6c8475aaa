// Reports on a real SQLite file: rows, sections and markings, CSV with neutralised formulas, the
// audit entry of each read and export, personnel withheld from roles that may not read it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Connection } from '../../../electron/node/core.js';
import type { TestSite } from '../support/testSite.js';
import { makeTestSite } from '../support/testSite.js';
import { incomingDraft, outgoingFgiDraft } from '../support/receiptFixtures.js';
import { incidentDraft } from '../incidents/fixtures.js';
import { visitDraft } from '../visits/fixtures.js';

let site: TestSite;
let clerk: Connection;
beforeEach(async () => {
  site = await makeTestSite({ systemHigh: 'TOP SECRET' });
  clerk = await site.connect('clerk');
});
afterEach(() => site.close());

function lastEntry(action: string) {
  return site.db.prepare('SELECT actor, data FROM journal WHERE action = ? ORDER BY ord DESC LIMIT 1').get(action) as { actor: string; data: string } | undefined;
}

async function seedInventory() {
  await site.must(clerk, 'receipts.create', incomingDraft({ controlNumber: 'IN-US-S' }));
  await site.must(clerk, 'receipts.create', incomingDraft({ controlNumber: 'IN-US-TS', classification: { level: 'TOP SECRET' }, copyNumbers: ['1 of 2'] }));
  await site.must(clerk, 'receipts.create', incomingDraft({ controlNumber: 'IN-DEU', classification: { level: 'SECRET', foreign: { kind: 'country', countries: ['DEU'], level: 'SECRET' } } }));
  await site.must(clerk, 'receipts.create', incomingDraft({ controlNumber: 'IN-JOINT', classification: { level: 'CONFIDENTIAL', foreign: { kind: 'country', countries: ['GBR', 'CAN'], level: 'CONFIDENTIAL' } } }));
  await site.must(clerk, 'receipts.create', incomingDraft({ controlNumber: 'IN-NATO', classification: { level: 'SECRET', foreign: { kind: 'nato', level: 'NATO SECRET' } }, copyNumbers: ['7'], natoReference: 'NS-44' }));
}

describe('reports.run', () => {
  it('inventory: U.S. material by level, FGI apart by country, each section and the whole marked', async () => {
    await seedInventory();
    const report = await site.must(clerk, 'reports.run', { report: 'inventory' });
    expect(report.sections.map((s) => [s.heading, s.rows.map((r) => r.cells[0])])).toEqual([
      ['U.S. TOP SECRET', ['IN-US-TS']],
      ['U.S. SECRET', ['IN-US-S']],
      ['FGI CAN', ['IN-JOINT']],
      ['FGI DEU', ['IN-DEU']],
      ['FGI GBR', ['IN-JOINT']],
      ['NATO', ['IN-NATO']],
    ]);
    expect(report.marking).toBe('TOP SECRET//FGI CAN DEU GBR NATO');
    expect(report.sections[3]).toMatchObject({ marking: 'SECRET//FGI DEU', rows: [{ kind: 'receipt', marking: '(//DEU S)' }] });
    expect(report.notes).toEqual(['A joint product of several governments is listed under each country of origin.']);

    const deu = await site.must(clerk, 'reports.run', { report: 'inventory', country: 'DEU' });
    expect(deu.sections.map((s) => s.heading)).toEqual(['FGI DEU']);
    expect(deu.marking).toBe('SECRET//FGI DEU');
    const usOnly = await site.must(clerk, 'reports.run', { report: 'inventory', fgi: 'exclude' });
    expect(usOnly.sections.map((s) => s.heading)).toEqual(['U.S. TOP SECRET', 'U.S. SECRET']);
  });

  it('annual inventory: TOP SECRET and NATO SECRET items, and whether each was inventoried in the year', async () => {
    await seedInventory();
    let ts = (await site.must(clerk, 'receipts.list', { search: 'IN-US-TS' })).items[0]!;
    const inspection = { inspectedOn: '2026-03-01', tamperingFound: false, contentsMatch: true };
    for (const action of [{ type: 'inspect', inspection }, { type: 'sign', signedBy: 'C. Custodian', returnedOn: '2026-03-01' }, { type: 'inventory', on: '2026-03-01' }] as const) {
      ts = await site.must(clerk, 'receipts.transition', { id: ts.id, expectedVersion: ts.version, action });
    }
    const report = await site.must(clerk, 'reports.run', { report: 'annualInventory', year: 2026 });
    expect(report.sections.map((s) => [s.heading, s.rows.map((r) => [r.cells[0], r.cells[7]])])).toEqual([
      ['TOP SECRET', [['IN-US-TS', '2026-03-01']]],
      ['COSMIC TOP SECRET and NATO SECRET', [['IN-NATO', '—']]],
    ]);
    expect(report.columns).toContain('Inventoried in 2026');
  });

  it('open receipts: suspense dates and state, earliest first', async () => {
    for (const [controlNumber, on] of [['OUT-B', '2026-02-20'], ['OUT-A', '2026-01-01']] as const) {
      const r = await site.must(clerk, 'receipts.create', outgoingFgiDraft({ controlNumber }));
      await site.must(clerk, 'receipts.transition', { id: r.id, expectedVersion: r.version, action: { type: 'dispatch', dispatchedOn: on } });
    }
    await site.must(clerk, 'receipts.create', outgoingFgiDraft({ controlNumber: 'OUT-PREPARED' }));
    const report = await site.must(clerk, 'reports.run', { report: 'openReceipts' });
    expect(report.sections[0]!.rows.map((r) => [r.cells[0], r.cells[5], r.cells[6]])).toEqual([
      ['OUT-A', '2026-02-15', 'Overdue 15 days'],
      ['OUT-B', '2026-04-06', 'Open'],
    ]);
  });

  it('visits in a range: those overlapping it, without the disclosure scope', async () => {
    await site.must(clerk, 'visits.create', visitDraft());
    await site.must(clerk, 'visits.create', visitDraft({ requestNumber: 'DEU-LATE', startDate: '2026-04-20', endDate: '2026-04-21', submittedOn: '2026-03-01' }));
    const report = await site.must(clerk, 'reports.run', { report: 'visits', from: '2026-03-18', to: '2026-03-31' });
    expect(report.sections[0]!.rows.map((r) => r.cells[0])).toEqual(['DEU-2026-001']);
    expect(report.marking).toBe('CUI');
    expect(await site.call(clerk, 'reports.run', { report: 'visits', from: '2026-03-31', to: '2026-03-01' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', issues: [{ path: ['to'] }] },
    });
  });

  it('incidents: culpability for the security officer, withheld from the auditor', async () => {
    const officer = await site.connect('officer');
    const incident = await site.must(clerk, 'incidents.create', incidentDraft());
    await site.must(officer, 'incidents.personnel', {
      id: incident.id,
      expectedVersion: incident.version,
      change: { op: 'name_person', person: { name: 'Pat Person', identifierType: 'employee_id', identifier: 'E-1234', culpability: 'negligence' } },
      reason: 'Named by the preliminary inquiry',
    });
    const full = await site.must(officer, 'reports.run', { report: 'incidents' });
    expect(full.sections[0]!.rows[0]!.cells.at(-1)).toMatch(/^Pat Person: Negligence/);
    expect(JSON.stringify(full)).not.toContain('E-1234');
    const auditor = await site.connect('auditor');
    const withheld = await site.must(auditor, 'reports.run', { report: 'incidents' });
    expect(withheld.sections[0]!.rows[0]!.cells.at(-1)).toBe('Withheld (1 named)');
    expect(JSON.stringify(withheld)).not.toContain('Pat Person');
  });

  it('audits every reading, and refuses roles without record access and unknown reports', async () => {
    await site.must(clerk, 'reports.run', { report: 'openReceipts' });
    expect(lastEntry('report_read')?.actor).toBe('clerk');
    expect(JSON.parse(lastEntry('report_read')!.data)).toMatchObject({ request: { report: 'openReceipts' }, outcome: 'success', rows: 0 });
    const admin = await site.connect('sysadmin');
    expect(await site.call(admin, 'reports.run', { report: 'openReceipts' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await site.call(clerk, 'reports.run', { report: 'everything' } as never)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});

describe('reports.exportCsv', () => {
  it('writes the section and marking first, neutralises formula-looking cells, names the level, and is audited', async () => {
    const r = await site.must(clerk, 'receipts.create', outgoingFgiDraft({ controlNumber: 'OUT-1', unclassifiedTitle: '=HYPERLINK("http://x")', sender: { organisation: '@Sender' } }));
    await site.must(clerk, 'receipts.transition', { id: r.id, expectedVersion: r.version, action: { type: 'dispatch', dispatchedOn: '2026-03-02' } });
    const out = await site.must(clerk, 'reports.exportCsv', { report: 'openReceipts' });
    expect(out).toMatchObject({ fileName: 'report_openReceipts_SITE-A_2026-03-02_SECRET.csv', rows: 1, marking: 'SECRET//FGI DEU' });
    const lines = out.csv.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe('Section,Marking,Control number,Unclassified title,Sender,Addressee,Dispatched,Suspense due,Suspense,Status,Tracers sent');
    expect(lines[1]).toBe(`Open receipts,(//DEU S),OUT-1,"'=HYPERLINK(""http://x"")",'@Sender,BAAINBw,2026-03-02,2026-04-16,Open,Dispatched,`);
    expect(JSON.parse(lastEntry('report_export')!.data)).toMatchObject({ request: { report: 'openReceipts' }, format: 'csv', rows: 1, marking: 'SECRET//FGI DEU' });
    // The audit trail's own export says what was exported.
    const officer = await site.connect('officer');
    const audit = await site.must(officer, 'audit.exportCsv', { action: 'report_export' });
    expect(audit.csv).toContain('request={""report"":""openReceipts""}; rows=1; marking=""SECRET//FGI DEU""');
  });
});
