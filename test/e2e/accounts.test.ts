// Accounts, sign-in and the audit trail end to end (issue 3): the real renderer in Debian's
// Chromium, the real core and a real SQLite file behind the test harness. First a new
// installation is set up from the app; then, on a seeded ledger and in order, one story: three
// bad passwords lock the custodian, the administrator unlocks the account, the custodian's
// session locks while idle and unlocks with the half-typed receipt intact, the custodian can
// neither see nor call administrator methods, and the auditor finds all of it in the audit
// viewer, exports it and verifies the journal. Each new screen is scanned with axe.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_USERS } from '../harness/seed.js';
import type { Rig } from './accountsSupport.js';
import {
  callInPage,
  consentAndSignIn,
  expectNoAxeViolations,
  freshRig,
  refocusWindow,
  screenshot,
  seededRig,
  signOut,
  submitSignIn,
  UI_TIMEOUT_MS,
} from './accountsSupport.js';

const { admin: ADMIN, custodian: CUSTODIAN, auditor: AUDITOR } = SEED_USERS;
const WRONG = 'Not-The-Passphrase-99';

/** The menu entries this issue decides (visits, incidents and others come with their own work). */
async function myLinks(page: Page): Promise<string[]> {
  const texts = await page.getByRole('navigation', { name: 'Primary' }).getByRole('link').allInnerTexts();
  return texts.filter((t) => ['Receipts', 'Accounts', 'Audit'].includes(t));
}

function poll<T>(read: () => Promise<T>) {
  return expect.poll(read, { timeout: UI_TIMEOUT_MS, interval: 50 });
}

/** The audit grid's rows on screen (the header row excluded). */
function auditRows(page: Page) {
  return page.getByRole('table', { name: 'Audit trail' }).getByRole('row').filter({ hasNot: page.getByRole('columnheader') });
}

async function applyAuditFilters(page: Page, filters: { user?: string; action?: string; kind?: string; from?: string; to?: string }): Promise<void> {
  const search = page.getByRole('search', { name: 'Filter the audit trail' });
  await search.getByLabel(/^User/).fill(filters.user ?? '');
  await search.getByLabel(/^Action/).fill(filters.action ?? '');
  await search.getByLabel(/^Kind/).selectOption(filters.kind ?? '');
  await search.getByLabel(/^From date/).fill(filters.from ?? '');
  await search.getByLabel(/^To date/).fill(filters.to ?? '');
  await search.getByRole('button', { name: 'Apply filters' }).click();
  await page.getByText(/entr(y|ies) found, newest first/).waitFor();
}

describe('first-run setup in a new installation', () => {
  let rig: Rig;
  beforeAll(async () => {
    rig = await freshRig();
  });
  afterAll(async () => {
    await rig?.close();
  });

  it('shows only the setup screen, sets the site up, then the notice and sign-in as the new administrator', async () => {
    const { page } = rig;
    await page.goto(rig.harness.url);
    await page.getByRole('heading', { level: 1, name: 'Set up Enclave Ledger' }).waitFor();
    expect(await page.getByRole('button', { name: 'I agree' }).count()).toBe(0);
    // The core refuses everything else until set up.
    expect((await callInPage(page, 'receipts.list', {})).error?.code).toBe('NOT_CONFIGURED');
    await expectNoAxeViolations(page, 'setup');

    // Refused first: the errors are listed and sit next to their fields.
    await page.getByRole('button', { name: 'Complete setup' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    await summary.getByRole('link', { name: 'Site name is required' }).waitFor();
    await expectNoAxeViolations(page, 'setup with errors');

    await page.getByLabel(/^Site identifier/).fill('site-n');
    await page.getByLabel(/^Site name/).fill('November Facility');
    await page.getByLabel(/^Installation role/).selectOption('site');
    await page.getByLabel(/^System-high level/).selectOption('SECRET');
    await page.getByLabel(/^Administrator user name/).fill('fso');
    await page.getByLabel(/^Administrator full name/).fill('Frances Officer');
    await page.getByLabel(/^Administrator password/).fill('November-Passphrase-01');
    await page.getByLabel(/^Confirm administrator password/).fill('November-Passphrase-02');
    await page.getByRole('button', { name: 'Complete setup' }).click();
    await summary.getByRole('link', { name: 'Confirm administrator password must be the same as the password' }).waitFor();
    await page.getByLabel(/^Confirm administrator password/).fill('November-Passphrase-01');
    await page.getByRole('button', { name: 'Complete setup' }).click();

    await page.getByRole('button', { name: 'I agree' }).click();
    await poll(() => page.getByLabel(/^User name/).inputValue()).toBe('fso');
    await page.getByLabel(/^Password/).fill('November-Passphrase-01');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    expect(await page.getByTestId('classification-banner-top').innerText()).toBe('SECRET');
    expect(await page.getByRole('contentinfo').innerText()).toMatch(/November Facility \(SITE-N\)/);
    expect(await myLinks(page)).toEqual(['Receipts', 'Accounts', 'Audit']);

    // Changing one's own password is offered in the shell.
    await page.getByRole('banner').getByRole('button', { name: 'Change password' }).click();
    await page.getByRole('heading', { level: 1, name: 'Change your password' }).waitFor();
    await expectNoAxeViolations(page, 'change password');
    await page.getByLabel(/^Current password/).fill('November-Passphrase-01');
    await page.getByLabel(/^New password/).fill('November-Passphrase-03');
    await page.getByLabel(/^Confirm new password/).fill('November-Passphrase-03');
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('Password changed.').waitFor();
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    expect(rig.browser.nonLoopbackRequests()).toEqual([]);
  });
});

describe('lockout, unlock, idle lock, roles and the audit trail', () => {
  let rig: Rig;
  let page: Page;
  beforeAll(async () => {
    rig = await seededRig();
    page = rig.page;
    await page.goto(rig.harness.url);
  });
  afterAll(async () => {
    await rig?.close();
  });

  it('locks the custodian’s account after three bad passwords', async () => {
    await page.getByRole('button', { name: 'I agree' }).click();
    const alert = page.getByRole('alert');
    for (let attempt = 1; attempt <= 3; attempt++) {
      await submitSignIn(page, CUSTODIAN.username, WRONG);
      // The form forgets the typed password once the core has answered.
      await poll(() => page.getByLabel(/^Password/).inputValue()).toBe('');
      expect(await alert.innerText()).toMatch(attempt < 3 ? /^Sign-in failed: wrong user name or password$/ : /account is locked after too many failed sign-ins/);
    }
    // Even the right password is refused now.
    await submitSignIn(page, CUSTODIAN.username, CUSTODIAN.password);
    await poll(() => alert.innerText()).toMatch(/^Sign-in failed: this account is locked/);
    expect(await page.getByRole('heading', { level: 1, name: 'Sign in' }).isVisible()).toBe(true);
  });

  it('the administrator unlocks it in the Accounts screen, giving a reason', async () => {
    await submitSignIn(page, ADMIN.username, ADMIN.password);
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    await page.getByRole('navigation', { name: 'Primary' }).getByRole('link', { name: 'Accounts' }).click();
    await page.getByRole('heading', { level: 1, name: 'Accounts' }).waitFor();
    const row = page.getByRole('row', { name: /^custodian/ });
    await row.getByText('Locked', { exact: true }).waitFor();
    await expectNoAxeViolations(page, 'accounts');
    await screenshot(page, 'accounts.png');

    await row.getByRole('button', { name: 'Unlock custodian' }).click();
    const form = page.getByRole('form', { name: 'Unlock custodian' });
    await form.getByRole('button', { name: 'Confirm' }).click();
    await form.getByText('Reason for the change is required').waitFor();
    await expectNoAxeViolations(page, 'accounts, unlock form with an error');
    await form.getByLabel(/^Reason for the change/).fill('Identity confirmed in person');
    await form.getByRole('button', { name: 'Confirm' }).click();
    await page.getByText('Account custodian: unlocked.').waitFor();
    await poll(() => row.getByText('Locked', { exact: true }).count()).toBe(0);

    // The core's own rules come back as clear refusals: the last administrator keeps the role.
    await page.getByRole('row', { name: /^admin/ }).getByRole('button', { name: 'Change roles of admin' }).click();
    const roles = page.getByRole('form', { name: 'Change roles of admin' });
    await roles.getByLabel('Administrator', { exact: true }).uncheck();
    await roles.getByLabel(/^Reason for the change/).fill('Split duties');
    await roles.getByRole('button', { name: 'Confirm' }).click();
    await poll(() => roles.getByRole('alert').innerText()).toMatch(/The change was refused: .*last enabled administrator/);
    await expectNoAxeViolations(page, 'accounts, refused role change');
    await roles.getByRole('button', { name: 'Cancel' }).click();

    // The new-account form refuses what users.create's schema refuses, next to the fields.
    await page.getByRole('button', { name: 'New account' }).click();
    const create = page.getByRole('form', { name: 'New account' });
    await create.getByLabel(/^User name/).fill('custodian');
    await create.getByRole('button', { name: 'Create account' }).click();
    await create.getByRole('link', { name: 'Give the account at least one role' }).waitFor();
    await expectNoAxeViolations(page, 'new account with errors');
    await create.getByRole('button', { name: 'Cancel' }).click();
    await signOut(page);
  });

  it('the custodian signs in again; an idle lock keeps the half-typed receipt', async () => {
    await page.getByRole('button', { name: 'I agree' }).click();
    await submitSignIn(page, CUSTODIAN.username, CUSTODIAN.password);
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    await page.getByRole('navigation', { name: 'Primary' }).getByRole('link', { name: 'Receipts' }).click();
    await page.getByRole('heading', { level: 1, name: 'Receipts' }).waitFor();
    await page.getByRole('button', { name: 'New receipt' }).click();
    await page.getByRole('heading', { level: 1, name: 'New receipt' }).waitFor();
    await page.getByLabel(/^Control number/).fill('IN-2026-0099');
    await page.getByLabel(/^Unclassified short title/).fill('Typed before the coffee break');

    // Shortly before the lock (15 minutes for a custodian) the header says so, and offers to stay.
    rig.harness.clock.advance(13.5 * 60_000);
    // The poll (every 15 s) would notice; coming back to the window asks at once.
    await refocusWindow(page);
    const header = page.getByRole('banner');
    await header.getByText('Locks in 2 min without activity').waitFor();
    await expectNoAxeViolations(page, 'idle warning');
    await header.getByRole('button', { name: 'Stay signed in' }).click();
    await poll(() => header.getByText(/Locks in/).count()).toBe(0);

    rig.harness.clock.advance(16 * 60_000);
    await refocusWindow(page);
    await page.getByRole('heading', { level: 1, name: 'Session locked' }).waitFor();
    expect(await page.getByLabel(/^Control number/).count()).toBe(0);
    await page.getByLabel(/^Password/).fill(CUSTODIAN.password);
    await page.getByRole('button', { name: 'Unlock' }).click();
    await page.getByRole('heading', { level: 1, name: 'New receipt' }).waitFor();
    expect(await page.getByLabel(/^Control number/).inputValue()).toBe('IN-2026-0099');
    expect(await page.getByLabel(/^Unclassified short title/).inputValue()).toBe('Typed before the coffee break');
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('heading', { level: 1, name: 'Receipts' }).waitFor();
  });

  it('a custodian sees neither Accounts nor Audit, and the core refuses direct calls', async () => {
    expect(await myLinks(page)).toEqual(['Receipts']);
    for (const [method, input] of [
      ['users.list', {}],
      ['users.unlock', { userId: 'anyone', reason: 'try' }],
      ['audit.list', {}],
      ['audit.exportCsv', {}],
    ] as const) {
      const result = await callInPage(page, method, input);
      expect({ method, ok: result.ok, code: result.error?.code }).toEqual({ method, ok: false, code: 'FORBIDDEN' });
    }
    await signOut(page);
  });

  it('the auditor finds all of it in the audit viewer, exports it and verifies the journal', async () => {
    await consentAndSignIn(page, AUDITOR.username, AUDITOR.password);
    const nav = page.getByRole('navigation', { name: 'Primary' });
    expect(await myLinks(page)).toEqual(['Receipts', 'Audit']);
    await nav.getByRole('link', { name: 'Audit' }).click();
    await page.getByRole('heading', { level: 1, name: 'Audit trail' }).waitFor();
    await page.getByText(/entries found, newest first/).waitFor();

    // Failed sign-ins (made without a session, so recorded as "system"), the refusal, the lock.
    await applyAuditFilters(page, { action: 'sign_in_failed' });
    await poll(() => auditRows(page).count()).toBe(3);
    const failed = auditRows(page).first();
    expect(await failed.getByText('Failure').count()).toBe(1);
    await failed.getByRole('button', { name: 'Session: sign in failed' }).click();
    const detail = page.getByRole('region', { name: 'Entry details' });
    await detail.getByText('wrong password').waitFor();
    expect(await detail.innerText()).toMatch(/Username\s+custodian/);
    await expectNoAxeViolations(page, 'audit with details');
    await screenshot(page, 'audit.png');

    await applyAuditFilters(page, { action: 'lock', kind: 'user' });
    await poll(() => auditRows(page).count()).toBe(1);
    await applyAuditFilters(page, { action: 'unlock', kind: 'user' });
    await poll(() => auditRows(page).count()).toBe(1);
    expect(await auditRows(page).first().getByRole('cell').nth(1).innerText()).toBe('admin');

    // Filter by user: the custodian's own session events, sign-outs included.
    await applyAuditFilters(page, { user: 'custodian', from: '2026-03-02', to: '2026-03-02' });
    const whats = () => auditRows(page).getByRole('button').allInnerTexts();
    await poll(whats).toEqual(expect.arrayContaining(['Session: sign in', 'Session: idle lock', 'Session: session unlock', 'Session: sign out']));
    const who = await auditRows(page).evaluateAll((rows) => rows.map((r) => r.querySelectorAll('[role=cell]')[1]?.textContent));
    expect(new Set(who)).toEqual(new Set(['custodian']));
    await applyAuditFilters(page, { user: 'admin', action: 'sign_out' });
    await poll(() => auditRows(page).count()).toBeGreaterThanOrEqual(1);

    // Export what is shown.
    await applyAuditFilters(page, { user: 'custodian' });
    // The harness's browser does not keep downloads (acceptDownloads: false), but the download
    // starts, named by the core's file name; the content is checked through the same method below.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
    expect(download.suggestedFilename()).toBe('audit_SITE-A_2026-03-02.csv');
    expect(download.url()).toMatch(/^blob:/);
    await page.getByText(/^Exported \d+ entries to audit_SITE-A_2026-03-02\.csv\.$/).waitFor();
    const exported = await callInPage(page, 'audit.exportCsv', { actor: 'custodian' });
    expect(exported.ok).toBe(true);
    const csv = (exported.value as { csv: string }).csv;
    expect(csv).toMatch(/idle_lock/);
    expect(csv).toMatch(/session_unlock/);

    await page.getByRole('button', { name: 'Verify integrity' }).click();
    await page.getByText(/^Journal intact: \d+ entries, 1 site\.$/).waitFor();
    await expectNoAxeViolations(page, 'audit after verify');
    expect(rig.browser.nonLoopbackRequests()).toEqual([]);
  });
});
