// Records for the dashboard, reports and search story, entered through the core by the custodian
// at another workstation: an outgoing receipt overdue since 19 February whose title looks like a
// spreadsheet formula, a visit starting in two weeks, and an incident, all about a radar.
import { SEED_USERS, signedIn } from '../harness/seed.js';
import type { Harness } from '../harness/server.js';
import { incidentDraft } from '../node/incidents/fixtures.js';
import { outgoingFgiDraft } from '../node/support/receiptFixtures.js';
import { visitDraft } from '../node/visits/fixtures.js';

export const OVERDUE = { controlNumber: 'OUT-2026-0042', title: '=Radar cross-section test report' };
export const VISIT_NUMBER = 'DEU-2026-001';

export async function seedOverviewRecords(harness: Harness): Promise<void> {
  const custodian = await signedIn(harness.core, SEED_USERS.custodian, 'workstation-2');
  const must = async (method: Parameters<typeof harness.core.dispatch>[1], input: unknown) => {
    const result = await harness.core.dispatch(custodian, method, input);
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
    return result.value as { id: string; version: number };
  };
  const receipt = await must('receipts.create', outgoingFgiDraft({ controlNumber: OVERDUE.controlNumber, unclassifiedTitle: OVERDUE.title }));
  await must('receipts.transition', { id: receipt.id, expectedVersion: receipt.version, action: { type: 'dispatch', dispatchedOn: '2026-01-05' } });
  await must('visits.create', visitDraft({ requestNumber: VISIT_NUMBER }));
  await must('incidents.create', incidentDraft({ unclassifiedTitle: 'Radar drawings found in an open container' }));
  await harness.core.dispatch(custodian, 'session.signOut', {});
}
