// The dashboard, reports and search screens over a fake api: what they show, that they are
// marked, that each item opens its record, and that bad input is refused before any call.
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DashboardScreen } from '../../../renderer/src/screens/dashboard/DashboardScreen.js';
import { ReportsScreen } from '../../../renderer/src/screens/reports/ReportsScreen.js';
import { SearchScreen } from '../../../renderer/src/screens/search/SearchScreen.js';
import { renderWithStores } from '../render.js';
import { overviewRig } from './fakeOverview.js';

afterEach(() => cleanup());

describe('dashboard screen', () => {
  it('shows counts and items, marked, and opens the record of an item', async () => {
    const { root } = await overviewRig();
    renderWithStores(root, <DashboardScreen />);
    const overdue = await screen.findByRole('region', { name: 'Receipts overdue: 12' });
    expect(within(overdue).getByText('Overdue 19 days')).toBeTruthy();
    expect(within(overdue).getByText('and 11 more in the list of their kind.')).toBeTruthy();
    expect(screen.getAllByTestId('classification-banner-record').map((b) => b.textContent)).toEqual(['SECRET//FGI DEU', 'SECRET//FGI DEU']);
    expect(screen.getByRole('img').getAttribute('aria-label')).toMatch(/from 2 to 3; open incidents from 0 to 1/);
    expect(screen.getByRole('region', { name: 'Journal integrity' }).textContent).toMatch(/by auditor: intact \(40 entries\); 3 entries added since/);
    fireEvent.click(within(screen.getByRole('region', { name: 'Visits in the next 30 days: 1' })).getByRole('button', { name: /DEU-2026-001/ }));
    expect(root.ui.route).toEqual({ name: 'visit', id: '01J00000000000000000000002' });
  });

  it('runs the integrity check on demand and reads the dashboard again', async () => {
    const { root, fake } = await overviewRig('auditor');
    renderWithStores(root, <DashboardScreen />);
    fireEvent.click(await screen.findByRole('button', { name: 'Verify integrity now' }));
    expect(await screen.findByText(/^Journal intact/)).toBeTruthy();
    expect(fake.calls.map((c) => c.method)).toEqual(['dashboard.get', 'journal.verify', 'dashboard.get']);
  });
});

describe('reports screen', () => {
  it('checks the parameters with the contract before calling, shows the marked report, exports CSV', async () => {
    const saveFile = vi.fn();
    const { root, fake } = await overviewRig('custodian', { saveFile });
    renderWithStores(root, <ReportsScreen />);
    fireEvent.change(screen.getByLabelText('Report'), { target: { value: 'visits' } });
    fireEvent.change(screen.getByLabelText('To date'), { target: { value: '2026-01-01' } });
    fireEvent.click(screen.getByRole('button', { name: 'Show report' }));
    expect(await screen.findByText(/must not be before the start date/)).toBeTruthy();
    expect(fake.calls).toEqual([]);

    fireEvent.change(screen.getByLabelText('Report'), { target: { value: 'openReceipts' } });
    fireEvent.click(screen.getByRole('button', { name: 'Show report' }));
    const report = await screen.findByRole('article', { name: 'Open receipts with suspense dates' });
    expect(within(report).getAllByTestId('classification-banner-record')[0]?.textContent).toBe('SECRET//FGI DEU');
    expect(within(report).getByRole('button', { name: 'Save as PDF' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    expect(await screen.findByText(/Exported 1 row to report_openReceipts_SITE-A_2026-03-10_SECRET.csv/)).toBeTruthy();
    expect(saveFile).toHaveBeenCalledWith('report_openReceipts_SITE-A_2026-03-10_SECRET.csv', 'Section,Marking\r\n', 'text/csv;charset=utf-8');
    fireEvent.click(within(report).getByRole('button', { name: /OUT-LATE/ }));
    expect(root.ui.route).toEqual({ name: 'receipt', id: '01J00000000000000000000001' });
  });
});

describe('search screen', () => {
  it('refuses text without letters, then shows hits grouped by kind, marked, opening their record', async () => {
    const { root, fake } = await overviewRig();
    renderWithStores(root, <SearchScreen />);
    const box = screen.getByRole('searchbox', { name: /Search all records/ });
    fireEvent.change(box, { target: { value: '***' } });
    fireEvent.click(screen.getByRole('button', { name: 'Search' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/must contain a letter or digit/);
    expect(fake.calls).toEqual([]);
    fireEvent.change(box, { target: { value: 'radar' } });
    fireEvent.click(screen.getByRole('button', { name: 'Search' }));
    expect(await screen.findByText('1 record found for “radar”')).toBeTruthy();
    expect(screen.getAllByTestId('classification-banner-record').map((b) => b.textContent)).toEqual(['SECRET//FGI DEU', 'SECRET//FGI DEU']);
    expect(screen.getByRole('heading', { name: 'Visit requests (0)' })).toBeTruthy();
    fireEvent.click(within(screen.getByRole('region', { name: 'Receipts (1)' })).getByRole('button', { name: /OUT-LATE/ }));
    expect(root.ui.route).toEqual({ name: 'receipt', id: '01J00000000000000000000001' });
  });
});
