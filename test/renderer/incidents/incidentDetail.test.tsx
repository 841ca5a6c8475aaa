// An incident on screen: overdue steps stand out in words (not colour only), the steps offered
// follow the status machine and the user's roles, and the changes the inquiry records keep what
// they do not touch.
import { cleanup, screen, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { IncidentDraftInput } from '../../../electron/common/incidents/model.js';
import { IncidentDetailScreen } from '../../../renderer/src/screens/incidents/IncidentDetailScreen.js';
import { IncidentListScreen } from '../../../renderer/src/screens/incidents/IncidentListScreen.js';
import type { RootStore } from '../../../renderer/src/stores/RootStore.js';
import { renderWithStores } from '../render.js';
import { recordsRig } from '../visits/fakeVisitsApi.js';

// jsdom lays nothing out: give the grid's scroll area a height so the virtualizer renders rows.
const clientHeight = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientHeight');
beforeAll(() => {
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 520 });
});
afterAll(() => {
  if (clientHeight) Object.defineProperty(HTMLElement.prototype, 'clientHeight', clientHeight);
});
afterEach(() => {
  cleanup();
});

/** German SECRET material found unsecured, reported on 1 March (the fake's today is 10 March). */
const DRAFT: IncidentDraftInput = {
  unclassifiedTitle: 'Container found open after hours',
  classification: { level: 'SECRET' },
  description: 'GSA container 3 found open',
  location: 'Building 2',
  discoveredOn: '2026-03-01',
  reportedBy: 'Night guard',
  reportedTo: 'F. Officer',
  reportedOn: '2026-03-01',
  material: [{ description: 'Sonar drawings', classification: { level: 'SECRET', foreign: { kind: 'country', countries: ['DEU'], level: 'SECRET' } } }],
  foreignGovernment: { involved: true, countries: ['DEU'] },
  foreignRelease: { classification: { level: 'CONFIDENTIAL' } },
};

async function created(root: RootStore, draft: IncidentDraftInput = DRAFT) {
  const result = await root.api['incidents.create'](draft);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('incident steps', () => {
  it('shows overdue steps in words on the incident and in the list, not by colour alone', async () => {
    const { root } = await recordsRig();
    const incident = await created(root);
    renderWithStores(root, <IncidentDetailScreen id={incident.id} />);
    expect(await screen.findByRole('heading', { level: 1, name: 'Incident INC-2026-0001' })).toBeTruthy();
    const alert = screen.getByRole('heading', { level: 2, name: '3 steps are overdue' }).closest('.usa-alert');
    expect(alert?.textContent).toContain('Preliminary inquiry: due 2026-03-02, overdue 8 days');
    const steps = screen.getByRole('table', { name: /^Steps of the incident/ });
    const row = (name: string) => within(steps).getByRole('rowheader', { name }).closest('tr');
    expect(row('Preliminary inquiry')?.textContent).toBe('Preliminary inquiry2026-03-02—Overdue 8 days8');
    expect(row('Initial report to CSA')?.textContent).toContain('Overdue 7 days');
    expect(row('Final report to CSA')?.textContent).toContain('Pending');
    expect(row('CSA review')?.textContent).toContain('After the final report');
    cleanup();

    renderWithStores(root, <IncidentListScreen />);
    const grid = await screen.findByRole('table', { name: 'Incidents' });
    const listed = await within(grid).findByRole('row', { name: /INC-2026-0001/ });
    const cells = within(listed).getAllByRole('cell');
    expect(cells[5]?.textContent).toBe('Overdue 8 days Preliminary inquiry');
    expect(listed.className).toContain('receipt-grid__row--overdue');
  });

  it('offers the steps of the status machine for the user’s roles; the core’s refusal shows in the form', async () => {
    const custodian = await recordsRig('custodian');
    const incident = await created(custodian.root);
    const detail = custodian.root.incidents.detail;
    await detail.open(incident.id);
    expect(detail.steps.map((s) => s.label)).toEqual(['Begin preliminary inquiry', 'Void (opened in error)']);
    expect(detail.canWritePersonnel).toBe(false);
    detail.startStep('begin_inquiry');
    expect(detail.form.values['action.on']).toBe('2026-03-10');
    expect(await detail.form.submit()).toBe(true);
    expect(detail.incident?.status).toBe('preliminary_inquiry');
    expect(detail.steps.map((s) => s.label)).toEqual(['Void (opened in error)']);

    const officer = await recordsRig('admin');
    const other = await created(officer.root);
    const od = officer.root.incidents.detail;
    await od.open(other.id);
    od.startStep('begin_inquiry');
    await od.form.submit();
    expect(od.steps.map((s) => s.label)).toEqual(['Record initial report to CSA', 'Discount compromise and close', 'Void (opened in error)']);
    expect(od.canWritePersonnel).toBe(true);
    od.startStep('submit_initial_report');
    expect(await od.form.submit()).toBe(false);
    expect(od.form.general).toBe("This action is not allowed in the record's current state: validate the classification of the material first (the preliminary inquiry does this)");
  });

  it('records findings without touching the release marking, and adds a corrective action after the others', async () => {
    const { root, fake } = await recordsRig();
    const incident = await created(root);
    const detail = root.incidents.detail;
    await detail.open(incident.id);
    detail.startUpdate('findings');
    detail.form.set('changes.internalFindings', 'Combination not changed after staff turnover');
    detail.form.set('changes.foreignRelease.findings', 'Container left open; no evidence of access');
    expect(await detail.form.submit()).toBe(false);
    expect(detail.form.errors.get('reason')).toBe('Reason for the change is required');
    detail.form.set('reason', 'Inquiry findings');
    expect(await detail.form.submit()).toBe(true);
    expect(fake.callsOf('incidents.update')[0]).toMatchObject({
      changes: { internalFindings: 'Combination not changed after staff turnover', foreignRelease: { classification: { level: 'CONFIDENTIAL' }, circumstances: '', findings: 'Container left open; no evidence of access' } },
    });
    detail.startUpdate('corrective');
    detail.form.set('changes.correctiveActions.0.description', 'Change the combination');
    detail.form.set('reason', 'Corrective action');
    expect(await detail.form.submit()).toBe(true);
    expect(detail.incident?.correctiveActions).toEqual([{ description: 'Change the combination', dueOn: null, completedOn: null }]);
    expect(root.ui.toasts.at(-1)?.message).toBe('Add corrective action: recorded for incident INC-2026-0001.');
  });
});

describe('IncidentFormStore', () => {
  it('checks a new incident with the schema; material sub-form errors land on the right item', async () => {
    const { root, fake } = await recordsRig();
    const form = root.incidents.form;
    await form.openCreate();
    expect(form.values.reportedOn).toBe('2026-03-10');
    form.setValue('unclassifiedTitle', 'Laptop missing');
    form.setValue('classification.level', 'SECRET');
    form.setValue('description', 'Test laptop not found at inventory');
    form.setValue('location', 'Lab 3');
    form.setValue('reportedBy', 'Custodian');
    form.setValue('reportedTo', 'FSO');
    form.addMaterial();
    form.setMaterial(0, 'description', 'Test laptop');
    form.setMaterial(0, 'classification.level', 'SECRET');
    form.setMaterial(1, 'classification.foreign', 'country');
    expect(await form.submit()).toBe(false);
    expect(fake.callsOf('incidents.create')).toEqual([]);
    expect(form.errors.map((e) => e.message)).toEqual([
      'Material 2 description (unclassified) is required',
      'Choose the material 2 U.S. classification level',
      'Material 2 countries of origin: name at least one country of origin',
      'Choose the material 2 foreign classification level',
    ]);
    form.removeMaterial(1);
    form.setValue('reportedOn', '2026-02-28');
    form.setValue('discoveredOn', '2026-03-01');
    expect(await form.submit()).toBe(false);
    expect(form.errorFor('reportedOn', 'Date reported to the security office')).toBe('Date reported to the security office is before the date it was discovered');
    form.setValue('reportedOn', '2026-03-01');
    expect(await form.submit()).toBe(true);
    expect(root.ui.route.name).toBe('incident');
  });
});
