// Foreign visits and loss/compromise incidents end to end (issue 5): the real renderer in Debian's
// Chromium, the real core and SQLite file behind the harness. One story, in order, as the
// administrator (who is also the security officer):
//  1. an EMERGENCY visit request with two visitors entered through the form (a visitor sub-form
//     error first), approved with a disclosure scope, started, an arrival logged with its badge,
//     identifiers revealed with a reason, the visitor pass (no scope), and an amendment refused
//     by the core with its message shown and nothing stored;
//  2. an outgoing FGI receipt dispatched 46 days ago (set up through the core), the idle lock met
//     and unlocked, a tracer sent and the receipt escalated in the UI, "Open incident" from it,
//     then the incident taken through inquiry, initial report, investigation to the final report.
// Every new screen is scanned with axe; the two detail screens are photographed.
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_USERS } from '../harness/seed.js';
import { consentAndSignIn, domText, expectNoAxeViolations, expectSecretBanners, POLL, readLedger, screenshot, startE2e, textOf, type E2e } from './support.js';
import { dispatchedFgiReceipt, fillVisitor, meetIdleLock } from './visitsIncidentsSupport.js';

const ADMIN = SEED_USERS.admin;
const TODAY = '2026-03-02';
const SCOPE = 'Radar interface control documents up to SECRET; no source code';
const LIMITS = 'Escorted at all times; no access to building 7';
const PASSPORT_1 = 'C01X00T47';

describe('visits and incidents, end to end in Chromium', () => {
  let e2e: E2e;
  let page: Page;
  const started = Date.now();

  beforeAll(async () => {
    e2e = await startE2e();
    page = e2e.page;
  });

  afterAll(async () => {
    console.log(`visits and incidents e2e: ${((Date.now() - started) / 1000).toFixed(1)} s`);
    await e2e?.close();
  });

  const nav = () => page.getByRole('navigation', { name: 'Primary' });
  const visitActions = () => page.getByRole('group', { name: 'Visit request actions' });
  const incidentActions = () => page.getByRole('group', { name: 'Incident actions' });
  const state = () => domText(page.locator('.receipt-detail__state'));

  it('signs in as the administrator and security officer; Visits and Incidents are in the menu', async () => {
    await page.goto(e2e.harness.url);
    await consentAndSignIn(page, ADMIN);
    expect(await nav().getByRole('link').allInnerTexts()).toEqual(expect.arrayContaining(['Receipts', 'Visits', 'Incidents']));
    await nav().getByRole('link', { name: 'Visits' }).click();
    await page.getByRole('heading', { name: 'Visits', level: 1 }).waitFor();
    await expect.poll(() => textOf(page.getByRole('main').getByRole('status').last()), POLL).toBe('0 visit requests found');
    await expectSecretBanners(page, 'visits list');
    await expectNoAxeViolations(page, 'visits list');
  });

  it('enters an emergency request with two visitors; a visitor sub-form error lands next to its field first', async () => {
    await page.getByRole('button', { name: 'New visit request' }).click();
    await page.getByRole('heading', { name: 'New visit request', level: 1 }).waitFor();
    await page.getByLabel('Type of visit').selectOption('emergency');
    // Type-specific fields appear for an emergency; the limits are shown before anything is checked.
    await page.getByLabel('Person visited').waitFor();
    await page.getByLabel('First day of the visit').fill(TODAY);
    const limits = page.getByRole('region', { name: 'Limits for this request' });
    await expect.poll(() => textOf(limits), POLL).toContain(`starting ${TODAY}, it must end by 2026-03-31`);
    expect(await textOf(limits)).toContain('cannot be amended later');
    await expectNoAxeViolations(page, 'new visit request form');

    await page.getByLabel('Request number').fill('DEU-2026-EM1');
    await page.getByLabel('Unclassified short title').fill('Emergency repair of a fielded radar unit');
    await page.getByLabel('Foreign government concerned').fill('DEU');
    await page.getByLabel('Requesting government').fill('Embassy of the Federal Republic of Germany');
    const facility = page.getByRole('group', { name: 'Facility 1' });
    await facility.getByLabel('Facility name').fill('Alpha Works');
    await facility.getByLabel('Facility point of contact').fill('P. Host');
    await facility.getByLabel('Facility security officer').fill('F. Officer');
    await page.getByLabel('Last day of the visit').fill('2026-03-04');
    await page.getByLabel('Contract number').fill('N00024-26-C-0001');
    await page.getByLabel('Purpose and justification').fill('Repair of a fielded radar unit');
    await page.getByLabel('Level of access requested').selectOption('SECRET');
    await page.getByLabel('Security assurance received from the sponsoring government').check();
    await page.getByLabel('Assurance provided by').fill('German Ministry of Defence');
    await page.getByLabel('Date of the assurance').fill('2026-02-27');
    await page.getByLabel('Person visited').fill('Dr. R. Engineer');
    await page.getByLabel('Foreign-government point of contact').fill('Oberst M. Schmidt, German Embassy');
    await page.getByLabel('Why the visit cannot wait (justification)').fill('A fielded radar unit failed; the repair cannot wait for a normal request');
    await page.getByLabel('Host', { exact: true }).fill('P. Host');
    await page.getByLabel('Escort', { exact: true }).fill('E. Escort');
    await fillVisitor(page.getByRole('group', { name: 'Visitor 1' }), { name: 'Klaus Weber', passport: PASSPORT_1 });
    await page.getByRole('button', { name: 'Add visitor' }).click();
    const second = page.getByRole('group', { name: 'Visitor 2' });
    await fillVisitor(second, { name: 'Anna Fischer', passport: '' });

    const before = readLedger(e2e.seeded.dbPath);
    await page.getByRole('button', { name: 'Save' }).click();
    const summary = page.getByRole('alert', { name: 'There is a problem' });
    await expect.poll(() => summary.getByRole('link').allInnerTexts(), POLL).toEqual(['Visitor 2 passport or ID number is required']);
    const input = second.getByLabel('Passport or ID number');
    expect(await input.getAttribute('aria-invalid')).toBe('true');
    expect(await textOf(second.locator('.usa-form-group', { has: page.getByLabel('Passport or ID number') }).locator('.usa-error-message'))).toBe('Passport or ID number is required');
    expect(readLedger(e2e.seeded.dbPath)).toEqual(before);
    await expectNoAxeViolations(page, 'new visit request form with a visitor error');

    await input.fill('C02Y11Z58');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('heading', { name: 'Visit request DEU-2026-EM1', level: 1 }).waitFor();
    await expect.poll(state, POLL).toBe('Requested Incoming emergency · DEU · version 1');
    expect(await textOf(page.getByRole('region', { name: 'Klaus Weber' }))).toContain('*****0T47');
    expect(await textOf(page.getByRole('main'))).not.toContain(PASSPORT_1);
    await expectNoAxeViolations(page, 'visit request detail');
  });

  it('approves it with a disclosure scope and starts the visit', async () => {
    await visitActions().getByRole('button', { name: 'Record approval' }).click();
    const form = page.getByRole('form', { name: 'Record approval' });
    expect(await form.getByLabel('Date approved').inputValue()).toBe(TODAY);
    await form.getByLabel('Level authorised for disclosure').selectOption('SECRET');
    await form.getByLabel('Scope of information authorised for disclosure').fill(SCOPE);
    await form.getByLabel('Limitations').fill(LIMITS);
    await expectNoAxeViolations(page, 'record approval form');
    await form.getByRole('button', { name: 'Confirm' }).click();
    await form.waitFor({ state: 'detached' });
    await expect.poll(state, POLL).toBe('Approved Incoming emergency · DEU · version 2');
    const disclosure = await textOf(page.getByRole('region', { name: 'Disclosure authorised (never given to the visitor)' }));
    expect(disclosure).toContain(SCOPE);
    expect(disclosure).toContain(LIMITS);

    await visitActions().getByRole('button', { name: 'Start visit' }).click();
    await page.getByRole('form', { name: 'Start visit' }).getByRole('button', { name: 'Confirm' }).click();
    await expect.poll(state, POLL).toBe('In progress Incoming emergency · DEU · version 3');
  });

  it('logs an arrival with its badge, reveals identifiers with a reason, and shows a pass without the scope', async () => {
    const klaus = page.getByRole('region', { name: 'Klaus Weber' });
    await klaus.getByRole('button', { name: 'Log arrival for Klaus Weber' }).click();
    const form = page.getByRole('form', { name: 'Log arrival: Klaus Weber' });
    await form.getByLabel('Time of arrival').fill('08:30');
    await form.getByLabel('Badge number').fill('V-017');
    await form.getByLabel('Identity checked by').fill('Guard One');
    await form.getByLabel('Positively identified against the passport or ID on the request').check();
    await expectNoAxeViolations(page, 'log arrival form');
    await form.getByRole('button', { name: 'Confirm' }).click();
    await form.waitFor({ state: 'detached' });
    const log = klaus.getByRole('table', { name: 'Daily log: Klaus Weber' });
    await expect.poll(() => textOf(log.getByRole('row').nth(1)), POLL).toBe(`${TODAY} 08:30 On site V-017 Guard One — —`);
    expect(await textOf(klaus)).toContain('On site now Yes');

    await klaus.getByRole('button', { name: 'Reveal identifiers for Klaus Weber' }).click();
    const reveal = page.getByRole('form', { name: 'Reveal identifiers: Klaus Weber' });
    await reveal.getByLabel('Reason for revealing').fill('Identity check at the gate');
    await reveal.getByRole('button', { name: 'Confirm' }).click();
    await expect.poll(() => textOf(klaus), POLL).toContain(`passport number ${PASSPORT_1}`);

    await klaus.getByRole('button', { name: 'Visitor pass for Klaus Weber' }).click();
    await page.getByRole('heading', { name: 'Visitor pass: Klaus Weber', level: 1 }).waitFor();
    const pass = await textOf(page.getByRole('main'));
    expect(pass).toContain('Badge number V-017');
    for (const secret of [SCOPE, LIMITS, PASSPORT_1, 'Disclosure']) expect(pass).not.toContain(secret);
    await expectNoAxeViolations(page, 'visitor pass');
    await page.getByRole('button', { name: 'Back to visit request' }).click();
    await page.getByRole('heading', { name: 'Visit request DEU-2026-EM1', level: 1 }).waitFor();
  });

  it("refuses to amend the emergency request: the core's message is shown and nothing is stored", async () => {
    await visitActions().getByRole('button', { name: 'Amend request' }).click();
    const form = page.getByRole('form', { name: 'Amend request' });
    expect(await textOf(form)).toContain('An emergency request cannot be amended');
    await form.getByLabel('Last day of the visit').fill('2026-03-05');
    await form.getByLabel('Reason for the amendment').fill('One more day needed for the repair');
    await expectNoAxeViolations(page, 'amend request form');
    const before = readLedger(e2e.seeded.dbPath);
    await form.getByRole('button', { name: 'Submit amendment' }).click();
    const refusal = form.getByRole('alert');
    await expect.poll(() => textOf(refusal), POLL).toContain('an emergency visit cannot be amended: submit a new request instead');
    expect(readLedger(e2e.seeded.dbPath)).toEqual(before);
    await expectNoAxeViolations(page, 'amend request refused');
    await form.getByRole('button', { name: 'Cancel' }).click();
    expect(await textOf(page.getByRole('region', { name: 'Amendments' }))).toContain('None: this is the request as first recorded.');
    await screenshot(page, 'visit-detail.png', { wholeMain: true });
  });

  it('46 days after dispatch: unlocks, sends a tracer, escalates and opens an incident from the receipt', async () => {
    await dispatchedFgiReceipt(e2e.harness, 'OUT-2026-0001', TODAY);
    e2e.harness.clock.advanceDays(46);

    await meetIdleLock(page, [nav().getByRole('link', { name: 'Receipts' }), page.getByRole('button', { name: 'Refresh' })]);
    await page.getByLabel('Password').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Unlock' }).click();
    await nav().getByRole('link', { name: 'Receipts' }).click();
    await page.getByRole('heading', { name: 'Receipts', level: 1 }).waitFor();
    // The list may still hold what it read at sign-in (the lock can come before it is asked again).
    await page.getByRole('button', { name: 'Refresh' }).click();
    await page.getByRole('table', { name: 'Receipts' }).getByRole('button', { name: 'OUT-2026-0001' }).click();
    await page.getByRole('heading', { name: 'Receipt OUT-2026-0001', level: 1 }).waitFor();
    const actions = page.getByRole('group', { name: 'Receipt actions' });
    // Overdue: the action is offered already.
    await actions.getByRole('button', { name: 'Open incident' }).waitFor();

    await actions.getByRole('button', { name: 'Send tracer' }).click();
    const tracer = page.getByRole('form', { name: 'Send tracer' });
    await tracer.getByLabel('Date tracer sent').fill('2026-04-17');
    await tracer.getByRole('button', { name: 'Confirm' }).click();
    await tracer.waitFor({ state: 'detached' });
    await actions.getByRole('button', { name: 'Escalate' }).click();
    const escalate = page.getByRole('form', { name: 'Escalate' });
    await escalate.getByLabel('Date escalated').fill('2026-04-17');
    await escalate.getByLabel('Reason for escalation').fill('No answer to the tracer');
    await escalate.getByRole('button', { name: 'Confirm' }).click();
    await escalate.waitFor({ state: 'detached' });
    await expect.poll(state, POLL).toMatch(/^Escalated Outgoing/);

    await actions.getByRole('button', { name: 'Open incident' }).click();
    const open = page.getByRole('form', { name: 'Open incident' });
    await open.getByLabel('Reported to').fill('F. Officer, FSO');
    await expectNoAxeViolations(page, 'open incident form on the receipt');
    await open.getByRole('button', { name: 'Confirm' }).click();
    await page.getByRole('heading', { name: 'Incident INC-2026-0001', level: 1 }).waitFor();
    await expect.poll(state, POLL).toBe('Reported Next: Preliminary inquiry, due 2026-04-18 · version 1');
    expect(await textOf(page.getByRole('region', { name: 'Material involved' }))).toContain('Open receipt OUT-2026-0001');
    await expectSecretBanners(page, 'incident detail');
    await expectNoAxeViolations(page, 'incident detail');
  });

  it('takes the incident through preliminary inquiry, initial report and investigation to the final report', async () => {
    await step('Begin preliminary inquiry');
    await expect.poll(state, POLL).toMatch(/^Preliminary inquiry /);

    await update('Record classification validation', async (form) => {
      await form.getByLabel('The classification of the material was validated').check();
      await form.getByLabel('Validated by').fill('F. Officer');
    });
    await update('Record determination', async (form) => {
      await form.getByLabel(/^Determination/).selectOption('loss');
      await form.getByLabel('Reasons for the determination').fill('The addressee confirms the consignment never arrived');
    });
    await step('Record initial report to CSA');
    await expect.poll(state, POLL).toMatch(/^Initial report to CSA /);
    await step('Begin investigation');
    await expect.poll(state, POLL).toMatch(/^Investigation /);

    // The final report needs the findings releasable to the foreign government first: the core says so.
    await incidentActions().getByRole('button', { name: 'Record final report to CSA' }).click();
    const early = page.getByRole('form', { name: 'Record final report to CSA' });
    await early.getByRole('button', { name: 'Confirm' }).click();
    await expect.poll(() => textOf(early.getByRole('alert')), POLL).toContain('write the findings releasable to the foreign government before the final report');
    await early.getByRole('button', { name: 'Cancel' }).click();

    await update('Edit findings', async (form) => {
      await form.getByLabel('Internal findings (never released)').fill('INTERNAL: courier hand-over log not checked at the dispatch desk');
      await form.getByLabel('Circumstances releasable to the foreign government').fill('The consignment was lost in transit');
      await form.getByLabel('Findings releasable to the foreign government').fill('Loss in the courier chain; no evidence of compromise');
    });
    const findings = await textOf(page.getByRole('region', { name: 'Findings', exact: true }));
    expect(findings).toContain('Internal findings (never released)');
    expect(findings).toContain('Releasable to the foreign government');
    await step('Record final report to CSA');
    await expect.poll(state, POLL).toMatch(/^Final report to CSA /);

    const steps = page.getByRole('table', { name: /^Steps of the incident/ });
    const stateOf = async (name: string) => textOf(steps.getByRole('row', { name: new RegExp(`^${name}`) }).getByRole('cell').nth(2));
    for (const name of ['Preliminary inquiry', 'Initial report to CSA', 'Investigation', 'Final report to CSA']) expect(await stateOf(name)).toBe('Done');
    expect(await stateOf('CSA review')).toBe('Pending');
    const history = page.getByRole('region', { name: 'History' }).getByRole('heading', { level: 3 });
    expect(await history.allInnerTexts()).toEqual([
      'Opened',
      'Begin preliminary inquiry',
      'Changed',
      'Changed',
      'Record initial report to CSA',
      'Begin investigation',
      'Changed',
      'Record final report to CSA',
    ]);
    await expectNoAxeViolations(page, 'incident at the final report');
    await screenshot(page, 'incident-detail.png', { wholeMain: true });
  });

  it('shows the foreign-releasable version with only what the core releases, and lists the incident', async () => {
    await incidentActions().getByRole('button', { name: 'Foreign-releasable version' }).click();
    await page.getByRole('heading', { name: 'Foreign-releasable version: INC-2026-0001', level: 1 }).waitFor();
    const release = await textOf(page.getByRole('main'));
    expect(release).toContain('Loss in the courier chain; no evidence of compromise');
    expect(release).toContain('SECRET//FGI DEU');
    expect(release).not.toContain('INTERNAL');
    await expectNoAxeViolations(page, 'foreign-releasable version');

    await nav().getByRole('link', { name: 'Incidents' }).click();
    await page.getByRole('heading', { name: 'Incidents', level: 1 }).waitFor();
    const row = page.getByRole('table', { name: 'Incidents' }).getByRole('row', { name: /INC-2026-0001/ });
    await expect.poll(() => textOf(row.getByRole('cell').nth(3)), POLL).toBe('Final report to CSA');
    expect(await textOf(row.getByRole('cell').nth(5))).toBe('No');
    await expectNoAxeViolations(page, 'incidents list');
    await page.getByRole('button', { name: 'New incident' }).click();
    await page.getByRole('heading', { name: 'New incident', level: 1 }).waitFor();
    await expectNoAxeViolations(page, 'new incident form');
    await page.getByRole('button', { name: 'Cancel' }).click();
    expect(e2e.browser.nonLoopbackRequests()).toEqual([]);
  });

  /** Opens a step's small form from the incident actions and confirms it with its defaults. */
  async function step(label: string): Promise<void> {
    await incidentActions().getByRole('button', { name: label }).click();
    const form = page.getByRole('form', { name: label });
    await form.getByRole('button', { name: 'Confirm' }).click();
    await form.waitFor({ state: 'detached' });
  }

  /** Opens a change form, fills it, gives a reason and confirms. */
  async function update(label: string, fill: (form: Locator) => Promise<void>): Promise<void> {
    await incidentActions().getByRole('button', { name: label }).click();
    const form = page.getByRole('form', { name: label });
    await fill(form);
    await form.getByLabel('Reason for the change').fill('Preliminary inquiry findings');
    await form.getByRole('button', { name: 'Confirm' }).click();
    await form.waitFor({ state: 'detached' });
  }
});
