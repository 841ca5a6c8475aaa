// Helpers for the visits and incidents end-to-end story (visitsIncidents.test.ts): a visitor
// sub-form filled in, a receipt dispatched through the core as another workstation would, and
// meeting the idle lock after the test clock jumps.
import type { Locator, Page } from 'playwright-core';
import { SEED_USERS, signedIn } from '../harness/seed.js';
import type { Harness } from '../harness/server.js';

/** Fills one "Visitor N" fieldset; an empty passport number is left empty (to see its error). */
export async function fillVisitor(group: Locator, v: { name: string; passport: string }): Promise<void> {
  await group.getByLabel('Full name').fill(v.name);
  await group.getByLabel('Date of birth').fill('1975-06-15');
  await group.getByLabel('Place of birth').fill('Koblenz, Germany');
  await group.getByLabel('Nationality / citizenship').fill('DEU');
  if (v.passport) await group.getByLabel('Passport or ID number').fill(v.passport);
  await group.getByLabel('Issuing country').fill('DEU');
  await group.getByLabel('Clearance level').selectOption('SECRET');
  await group.getByLabel('Clearance granted by').fill('BMVg');
  await group.getByLabel('Position').fill('Systems engineer');
  await group.getByLabel('Employer').fill('BAAINBw');
}

/** An outgoing German SECRET receipt, entered and dispatched by the custodian at another workstation. */
export async function dispatchedFgiReceipt(harness: Harness, controlNumber: string, dispatchedOn: string): Promise<string> {
  const custodian = await signedIn(harness.core, SEED_USERS.custodian, 'workstation-2');
  const created = await harness.core.dispatch(custodian, 'receipts.create', {
    direction: 'outgoing',
    controlNumber,
    unclassifiedTitle: 'Radar cross-section test report',
    classification: { level: 'SECRET', foreign: { kind: 'country', countries: ['DEU'], level: 'SECRET' } },
    materialDate: '2026-02-20',
    sender: { organisation: 'Alpha Works' },
    addressee: { organisation: 'BAAINBw', address: 'Koblenz, Germany' },
    transmission: 'government_to_government',
    dgr: 'J. Smith (DGR)',
    international: true,
  });
  if (!created.ok) throw new Error(`receipt: ${created.error.message}`);
  const { id } = created.value as { id: string };
  const dispatched = await harness.core.dispatch(custodian, 'receipts.transition', { id, expectedVersion: 1, action: { type: 'dispatch', dispatchedOn } });
  if (!dispatched.ok) throw new Error(`dispatch: ${dispatched.error.message}`);
  await harness.core.dispatch(custodian, 'session.signOut', {});
  return id;
}

/** After the clock jumped past the idle limit: take the steps until the unlock screen shows. */
export async function meetIdleLock(page: Page, steps: readonly Locator[]): Promise<void> {
  const lock = page.getByRole('heading', { name: 'Session locked', level: 1 });
  for (const step of steps) {
    if (await lock.isVisible()) break;
    await step.click({ timeout: 2_000 }).catch(async (error: unknown) => {
      if (!(await lock.isVisible())) throw error;
    });
  }
  await lock.waitFor();
}
