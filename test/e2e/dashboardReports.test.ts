// The dashboard, reports and search end to end (issue 6): the real renderer in Debian's Chromium,
// the real core and SQLite file behind the harness. The security officer lands on the dashboard,
// opens an overdue receipt and an upcoming visit from it, runs the open-receipts report and
// exports it as CSV (a formula-looking title arrives neutralised), and finds records of three
// kinds from the search box. Every new screen is scanned with axe and photographed.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_USERS } from '../harness/seed.js';
import { OVERDUE, VISIT_NUMBER, seedOverviewRecords } from './dashboardReportsSupport.js';
import { POLL, expectNoAxeViolations, expectSecretBanners, screenshot, startE2e, textOf, type E2e } from './support.js';

const ADMIN = SEED_USERS.admin;

describe('dashboard, reports and search, end to end in Chromium', () => {
  let e2e: E2e;
  let page: Page;

  beforeAll(async () => {
    e2e = await startE2e();
    page = e2e.page;
    await seedOverviewRecords(e2e.harness);
  });

  afterAll(async () => {
    await e2e?.close();
  });

  const nav = () => page.getByRole('navigation', { name: 'Primary' });
  const openSection = async (name: string, heading = name) => {
    await nav().getByRole('link', { name, exact: true }).click();
    await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
  };

  it('lands on the dashboard after sign-in: the overdue receipt, the upcoming visit, marked', async () => {
    await page.goto(e2e.harness.url);
    await page.getByRole('button', { name: 'I agree' }).click();
    await page.getByLabel('User name').fill(ADMIN.username);
    await page.getByLabel('Password').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();

    const overdue = page.getByRole('region', { name: 'Receipts overdue: 1' });
    await expect.poll(() => textOf(overdue), POLL).toContain('Overdue 11 days');
    expect(await textOf(overdue)).toContain(OVERDUE.controlNumber);
    expect(await textOf(page.getByRole('region', { name: 'Visits in the next 30 days: 1' }))).toContain('In 14 days');
    expect(await textOf(page.getByRole('region', { name: 'Incident steps due within 7 days: 3' }))).toContain('Preliminary inquiry');
    expect(await page.getByTestId('classification-banner-record').first().innerText()).toBe('SECRET//FGI DEU');
    expect(await page.getByRole('img', { name: /Open items, weekly/ }).count()).toBe(1);
    expect(await textOf(page.getByRole('region', { name: 'Journal integrity' }))).toContain('not been verified yet');
    await expectSecretBanners(page, 'dashboard');
    await expectNoAxeViolations(page, 'dashboard');
    await screenshot(page, 'dashboard.png', { wholeMain: true });
  });

  it('opens the overdue receipt and the upcoming visit from the dashboard', async () => {
    await page.getByRole('region', { name: 'Receipts overdue: 1' }).getByRole('button', { name: new RegExp(OVERDUE.controlNumber) }).click();
    await page.getByRole('heading', { name: `Receipt ${OVERDUE.controlNumber}`, level: 1 }).waitFor();
    await openSection('Dashboard');
    await page.getByRole('region', { name: 'Visits in the next 30 days: 1' }).getByRole('button', { name: new RegExp(VISIT_NUMBER) }).click();
    await page.getByRole('heading', { name: `Visit request ${VISIT_NUMBER}`, level: 1 }).waitFor();
  });

  it('shows the open-receipts report marked, and exports it as CSV with the formula neutralised', async () => {
    await openSection('Reports');
    await expectNoAxeViolations(page, 'reports');
    await page.getByLabel('Report', { exact: true }).selectOption('openReceipts');
    await page.getByRole('button', { name: 'Show report' }).click();
    const report = page.getByRole('article', { name: 'Open receipts with suspense dates' });
    await report.waitFor();
    expect(await report.getByTestId('classification-banner-record').first().innerText()).toBe('SECRET//FGI DEU');
    expect(await textOf(report.getByRole('row', { name: new RegExp(OVERDUE.controlNumber) }))).toContain('Overdue 11 days');
    await expectNoAxeViolations(page, 'open-receipts report');
    await screenshot(page, 'report-open-receipts.png', { wholeMain: true });

    // The harness's browser keeps no downloads (acceptDownloads: false): the file is read from
    // the Blob the page handed to the download link.
    await page.evaluate(() => {
      const blobs: Blob[] = [];
      const create = URL.createObjectURL.bind(URL);
      (window as unknown as { savedBlobs: Blob[] }).savedBlobs = blobs;
      URL.createObjectURL = (blob: Blob | MediaSource) => {
        if (blob instanceof Blob) blobs.push(blob);
        return create(blob);
      };
    });
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
    expect(download.suggestedFilename()).toBe('report_openReceipts_SITE-A_2026-03-02_SECRET.csv');
    const csv = await page.evaluate(() => (window as unknown as { savedBlobs: Blob[] }).savedBlobs.at(-1)?.text());
    const [header, row] = (csv ?? '').replace(/^\uFEFF/, '').split('\r\n');
    expect(header).toBe('Section,Marking,Control number,Unclassified title,Sender,Addressee,Dispatched,Suspense due,Suspense,Status,Tracers sent');
    expect(row).toContain(`(//DEU S),${OVERDUE.controlNumber},'${OVERDUE.title},`);
    await page.getByText(/^Exported 1 row to report_openReceipts_SITE-A_2026-03-02_SECRET\.csv/).waitFor();
  });

  it('finds records of every kind from one search box, grouped and marked, each opening its record', async () => {
    await openSection('Search');
    await page.getByRole('searchbox', { name: /Search all records/ }).fill('radar');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.getByText('3 records found for “radar”').waitFor();
    for (const group of ['Receipts (1)', 'Visit requests (1)', 'Incidents (1)']) await page.getByRole('region', { name: group }).waitFor();
    expect(await page.getByTestId('classification-banner-record').allInnerTexts()).toEqual(['SECRET//FGI DEU', 'SECRET//FGI DEU']);
    await expectNoAxeViolations(page, 'search');
    await screenshot(page, 'search.png', { wholeMain: true });
    await page.getByRole('region', { name: 'Incidents (1)' }).getByRole('button').click();
    await page.getByRole('heading', { name: /^Incident /, level: 1 }).waitFor();
    expect(e2e.browser.nonLoopbackRequests()).toEqual([]);
  });
});
