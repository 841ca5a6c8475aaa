// "Open incident" on a receipt's screen: offered only for an overdue or escalated outgoing
// receipt, it opens an incident linked to the receipt and takes the user there; a second attempt
// shows the core's refusal and leads to the incident already linked.
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ReceiptDetailScreen } from '../../../renderer/src/screens/receipts/ReceiptDetailScreen.js';
import { renderWithStores } from '../render.js';
import { recordsRig } from '../visits/fakeVisitsApi.js';

afterEach(() => {
  cleanup();
});

const overdue = { status: 'dispatched' as const, dispatchedOn: '2026-01-01', suspenseDays: 45, suspenseDueOn: '2026-02-15' };

describe('Open incident from a receipt', () => {
  it('is not offered for a receipt that is neither overdue nor escalated', async () => {
    const { root, fake } = await recordsRig();
    const receipt = fake.addReceipt({ controlNumber: 'OUT-ON-TIME', direction: 'outgoing' }, { ...overdue, suspenseDueOn: '2026-04-01' });
    expect(root.incidents.canOpenFrom(receipt)).toBe(false);
    renderWithStores(root, <ReceiptDetailScreen id={receipt.id} />);
    const actions = await screen.findByRole('group', { name: 'Receipt actions' });
    expect(within(actions).queryByRole('button', { name: 'Open incident' })).toBeNull();
  });

  it('opens an incident linked to an overdue receipt and navigates to it', async () => {
    const { root, fake, records } = await recordsRig();
    const receipt = fake.addReceipt({ controlNumber: 'OUT-LATE', direction: 'outgoing', international: true }, overdue);
    renderWithStores(root, <ReceiptDetailScreen id={receipt.id} />);
    const actions = await screen.findByRole('group', { name: 'Receipt actions' });
    fireEvent.click(within(actions).getByRole('button', { name: 'Open incident' }));
    const form = screen.getByRole('form', { name: 'Open incident' });
    fireEvent.change(within(form).getByLabelText(/Reported to/), { target: { value: 'F. Officer, FSO' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Confirm' }));
    await waitFor(() => expect(root.ui.route.name).toBe('incident'));

    const [incident] = [...records.incidents.values()];
    expect(fake.callsOf('incidents.openFromReceipt')).toEqual([{ receiptId: receipt.id, incidentNumber: '', reportedTo: 'F. Officer, FSO' }]);
    expect(incident).toMatchObject({ incidentNumber: 'INC-2026-0001', reportedTo: 'F. Officer, FSO', linkedReceipts: [{ id: receipt.id, controlNumber: 'OUT-LATE' }] });
    expect(root.ui.route).toEqual({ name: 'incident', id: incident?.id });
    expect(root.ui.toasts.at(-1)?.message).toBe('Incident INC-2026-0001 opened from the receipt.');
    expect(root.incidents.fromReceipt.active).toBeNull();
  });

  it('shows the core’s refusal when an incident is already linked, and leads to it', async () => {
    const { root, fake } = await recordsRig();
    const receipt = fake.addReceipt({ controlNumber: 'OUT-LATE', direction: 'outgoing' }, { ...overdue, status: 'escalated' });
    const first = await root.api['incidents.openFromReceipt']({ receiptId: receipt.id });
    if (!first.ok) throw new Error(first.error.message);
    root.ui.navigate({ name: 'receipt', id: receipt.id });
    renderWithStores(root, <ReceiptDetailScreen id={receipt.id} />);
    fireEvent.click(within(await screen.findByRole('group', { name: 'Receipt actions' })).getByRole('button', { name: 'Open incident' }));
    const form = screen.getByRole('form', { name: 'Open incident' });
    fireEvent.click(within(form).getByRole('button', { name: 'Confirm' }));
    const alert = await within(form).findByRole('alert');
    expect(alert.textContent).toContain('incident INC-2026-0001 is already linked to receipt OUT-LATE');
    fireEvent.click(within(form).getByRole('button', { name: 'Open the incident already linked' }));
    expect(root.ui.route).toEqual({ name: 'incident', id: first.value.id });
  });
});
