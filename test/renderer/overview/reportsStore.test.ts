// The reports store: requests built as the contract takes them, defaults from the ledger's day,
// and a refused export said in words.
import { describe, expect, it } from 'vitest';
import { overviewRig } from './fakeOverview.js';

describe('ReportsStore', () => {
  it('builds each request as the contract takes it, leaving empty optional fields out', async () => {
    const { root } = await overviewRig();
    const reports = root.reports;
    reports.setDefaults('2026-03-10');
    expect([reports.from, reports.to, reports.year]).toEqual(['2026-03-10', '2026-04-09', '2026']);
    reports.choose('inventory');
    reports.setField('fgi', 'only');
    reports.setField('country', ' deu ');
    expect(reports.request).toEqual({ report: 'inventory', fgi: 'only', country: 'DEU' });
    reports.choose('incidents');
    reports.setField('from', '');
    expect(reports.request).toEqual({ report: 'incidents', to: '2026-04-09' });
    reports.choose('annualInventory');
    reports.setField('year', 'next');
    expect(await reports.run()).toBe(false);
    expect(reports.fieldErrors.get('year')).toBeTruthy();
    reports.reset();
    expect([reports.report, reports.from, reports.result]).toEqual(['openReceipts', '', null]);
  });

  it('says why an export was refused and saves nothing', async () => {
    const saved: string[] = [];
    const { root, fake } = await overviewRig('admin', { saveFile: (name) => saved.push(name) });
    // The core's view of the account: roles changed elsewhere to administrator only.
    const session = fake.state.session;
    if (session) fake.state.session = { ...session, roles: ['administrator'] };
    expect(await root.reports.exportCsv()).toBe(false);
    expect(root.reports.csvExport.message).toMatch(/^The export failed: /);
    expect(saved).toEqual([]);
  });
});
