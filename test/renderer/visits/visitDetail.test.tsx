// A visit request on screen: the workflow actions of its state, approval with a disclosure scope,
// the daily log, the audited reveal, and an amendment of an emergency request refused with the
// core's message.
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { VisitCreateInput } from '../../../electron/common/contract/visits.js';
import { visitCreateSchema } from '../../../electron/common/contract/visits.js';
import { VisitDetailScreen } from '../../../renderer/src/screens/visits/VisitDetailScreen.js';
import type { RootStore } from '../../../renderer/src/stores/RootStore.js';
import { renderWithStores } from '../render.js';
import { recordsRig } from './fakeVisitsApi.js';

afterEach(() => {
  cleanup();
});

const visitor = (fullName: string, number: string) => ({
  fullName,
  dateOfBirth: '1975-06-15',
  placeOfBirth: 'Koblenz',
  nationality: 'DEU',
  document: { type: 'passport' as const, number, issuingCountry: 'DEU' },
  clearance: { level: 'SECRET' as const, grantingAuthority: 'BMVg' },
  position: 'Engineer',
  employer: 'BAAINBw',
});

function emergency(): VisitCreateInput {
  return visitCreateSchema.parse({
    direction: 'incoming',
    type: 'emergency',
    requestNumber: 'DEU-2026-EM1',
    unclassifiedTitle: 'Emergency radar repair',
    country: 'DEU',
    requester: { government: 'Embassy of Germany' },
    facilities: [{ name: 'Alpha Works', pointOfContact: 'P. Host', securityOfficer: 'F. Officer' }],
    startDate: '2026-03-10',
    endDate: '2026-03-12',
    authority: { contractNumber: 'N00024-26-C-0001' },
    purpose: 'Repair',
    accessLevel: 'SECRET',
    submittedOn: '2026-03-10',
    personVisited: 'Dr. R. Engineer',
    foreignGovernmentPoc: 'Oberst M. Schmidt',
    emergencyJustification: 'Cannot wait',
    visitors: [visitor('Klaus Weber', 'C01X00T47'), visitor('Anna Fischer', 'C02Y11Z58')],
  });
}

async function opened(root: RootStore, id: string) {
  await root.visits.detail.open(id);
  return root.visits.detail;
}

describe('VisitDetailStore', () => {
  it('refuses to amend an emergency request and shows the core’s message; nothing changes', async () => {
    const { root, records, fake } = await recordsRig();
    const created = await root.api['visits.create'](emergency());
    if (!created.ok) throw new Error(created.error.message);
    const detail = await opened(root, created.value.id);
    expect(detail.canOfferAmend).toBe(true);
    detail.amend.open();
    expect(detail.amend.refusedUpFront).toBe(true);
    detail.amend.set('endDate', '2026-03-13');
    detail.amend.set('reason', 'One more day');
    expect(await detail.amend.submit()).toBe(false);
    expect(fake.callsOf('visits.amend')).toEqual([{ id: created.value.id, expectedVersion: 1, amendment: expect.objectContaining({ endDate: '2026-03-13', reason: 'One more day' }) }]);
    expect(detail.amend.general).toBe("This action is not allowed in the record's current state: an emergency visit cannot be amended: submit a new request instead");
    expect(detail.amend.isOpen).toBe(true);
    expect(records.visits.get(created.value.id)).toMatchObject({ version: 1, endDate: '2026-03-12', amendments: [] });
  });

  it('puts an amendment’s refused start date and a renamed visitor on their own inputs', async () => {
    const { root } = await recordsRig();
    const created = await root.api['visits.create']({ ...emergency(), type: 'one_time', requestNumber: 'DEU-1', startDate: '2026-03-16', endDate: '2026-03-20' });
    if (!created.ok) throw new Error(created.error.message);
    const detail = await opened(root, created.value.id);
    const [klaus] = detail.activeVisitors;
    detail.amend.open();
    detail.amend.set('startDate', '2026-03-15');
    detail.amend.set('reason', 'Earlier');
    detail.amend.rename(klaus?.id ?? '', '');
    expect(await detail.amend.submit()).toBe(false);
    expect(detail.amend.errorFor(`rename.${klaus?.id}`, 'Name of visitor 1')).toBe('Name of visitor 1 is required');
    detail.amend.rename(klaus?.id ?? '', 'Klaus W. Weber');
    expect(await detail.amend.submit()).toBe(false);
    expect(detail.amend.errorFor('amendment.startDate', 'First day of the visit')).toBe('First day of the visit cannot be earlier than the start on record (2026-03-16)');
    detail.amend.set('startDate', '2026-03-17');
    expect(await detail.amend.submit()).toBe(true);
    expect(detail.visit?.amendments[0]).toMatchObject({ previous: { startDate: '2026-03-16' }, current: { startDate: '2026-03-17', visitors: [{ fullName: 'Klaus W. Weber' }, { fullName: 'Anna Fischer' }] } });
  });

  it('approves with a disclosure scope; a blank scope is no disclosure, and the core says where it is missing', async () => {
    const { root, fake } = await recordsRig();
    const created = await root.api['visits.create'](emergency());
    if (!created.ok) throw new Error(created.error.message);
    const detail = await opened(root, created.value.id);
    expect(detail.actions.map((a) => a.label)).toEqual(['Record approval', 'Record denial', 'Record as non-sponsored', 'Record security assurance', 'Cancel', 'Void (entered in error)']);
    detail.startAction('approve');
    expect(detail.form.values['action.on']).toBe('2026-03-10');
    expect(await detail.form.submit()).toBe(false);
    expect(fake.callsOf('visits.transition')).toEqual([{ id: created.value.id, expectedVersion: 1, action: { type: 'approve', on: '2026-03-10', reference: '', disclosure: null } }]);
    expect(detail.form.general).toBe('Some entries need correcting; see the marked fields.');
    expect(detail.form.errors.get('action.disclosure.level')).toBe('State the level and scope authorised for disclosure');
    detail.form.set('action.disclosure.level', 'SECRET');
    expect(await detail.form.submit()).toBe(false);
    expect(detail.form.errors.get('action.disclosure.scope')).toBe('Scope of information authorised for disclosure is required');
    detail.form.set('action.disclosure.scope', 'Radar interface documents');
    expect(await detail.form.submit()).toBe(true);
    expect(detail.visit).toMatchObject({ status: 'approved', disclosure: { level: 'SECRET', scope: 'Radar interface documents', limitations: '' } });
    expect(detail.form.active).toBeNull();
  });

  it('logs an arrival with its badge and reveals identifiers with a reason (audited)', async () => {
    const { root } = await recordsRig();
    const created = await root.api['visits.create'](emergency());
    if (!created.ok) throw new Error(created.error.message);
    const id = created.value.id;
    await root.api['visits.transition']({ id, expectedVersion: 1, action: { type: 'approve', on: '2026-03-10', disclosure: { level: 'SECRET', scope: 'x' } } });
    await root.api['visits.transition']({ id, expectedVersion: 2, action: { type: 'start', on: '2026-03-10' } });
    renderWithStores(root, <VisitDetailScreen id={id} />);
    const klaus = await screen.findByRole('region', { name: 'Klaus Weber' });
    expect(within(klaus).getByText('*****0T47')).toBeTruthy();
    fireEvent.click(within(klaus).getByRole('button', { name: 'Log arrival for Klaus Weber' }));
    const form = within(klaus).getByRole('form', { name: 'Log arrival: Klaus Weber' });
    fireEvent.change(within(form).getByLabelText(/Time of arrival/), { target: { value: '08:30' } });
    fireEvent.change(within(form).getByLabelText(/Badge number/), { target: { value: 'V-017' } });
    fireEvent.change(within(form).getByLabelText(/Identity checked by/), { target: { value: 'Guard One' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Confirm' }));
    expect(await within(klaus).findByText('Confirm the visitor was positively identified')).toBeTruthy();
    fireEvent.click(within(form).getByLabelText(/Positively identified/));
    fireEvent.click(within(form).getByRole('button', { name: 'Confirm' }));
    const log = await within(klaus).findByRole('table', { name: 'Daily log: Klaus Weber' });
    expect(within(log).getAllByRole('row')[1]?.textContent).toContain('V-017');

    fireEvent.click(within(klaus).getByRole('button', { name: 'Reveal identifiers for Klaus Weber' }));
    const reveal = within(klaus).getByRole('form', { name: 'Reveal identifiers: Klaus Weber' });
    fireEvent.change(within(reveal).getByLabelText(/Reason for revealing/), { target: { value: 'Gate check' } });
    fireEvent.click(within(reveal).getByRole('button', { name: 'Confirm' }));
    expect(await within(klaus).findByText('C01X00T47')).toBeTruthy();
    expect(root.visits.detail.history.map((e) => e.action)).toContain('arrival');
  });

  it('shows a reader without the scope’s role only that a scope was recorded, and no actions', async () => {
    const { root, records } = await recordsRig('admin');
    const created = await root.api['visits.create'](emergency());
    if (!created.ok) throw new Error(created.error.message);
    const auditor = await recordsRig('auditor');
    auditor.records.visits.set(created.value.id, { ...created.value, status: 'approved', disclosureWithheld: true });
    expect(records.visits.size).toBe(1);
    renderWithStores(auditor.root, <VisitDetailScreen id={created.value.id} />);
    expect(await screen.findByText('A disclosure scope was recorded with the approval; your role does not see it.')).toBeTruthy();
    const actions = screen.getByRole('group', { name: 'Visit request actions' });
    expect(within(actions).getAllByRole('button').map((b) => b.textContent)).toEqual(['Back to visits']);
    expect(screen.queryByRole('group', { name: 'Actions for Klaus Weber' })).toBeNull();
    expect(screen.getByText('*****0T47')).toBeTruthy();
  });
});
