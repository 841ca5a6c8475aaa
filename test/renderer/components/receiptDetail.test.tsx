import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ReceiptDetailScreen } from '../../../renderer/src/screens/receipts/ReceiptDetailScreen.js';
import { TODAY } from '../fakeApi.js';
import { renderWithStores } from '../render.js';
import { signedInRig } from '../support.js';

afterEach(() => {
  cleanup();
});

describe('receipt detail', () => {
  it('shows the record’s marking, its overdue state, its history and the actions of its state', async () => {
    const rig = await signedInRig();
    const receipt = rig.fake.addReceipt(
      { controlNumber: 'OUT-7', direction: 'outgoing' },
      { status: 'dispatched', dispatchedOn: '2026-01-01', suspenseDays: 30, suspenseDueOn: '2026-01-31' },
    );
    renderWithStores(rig.root, <ReceiptDetailScreen id={receipt.id} />);
    expect(await screen.findByRole('heading', { level: 1, name: 'Receipt OUT-7' })).toBeTruthy();
    const banner = screen.getAllByTestId('classification-banner-record')[0];
    expect(banner?.textContent).toBe('SECRET');
    expect(screen.getByRole('heading', { level: 2, name: 'Overdue 38 days' })).toBeTruthy();
    for (const section of ['Material', 'Parties', 'Transmission', 'Accountability', 'Suspense', 'Inspection', 'Reproduction', 'Destruction', 'History']) {
      expect(screen.getByRole('heading', { level: 2, name: section })).toBeTruthy();
    }
    expect(screen.getByRole('heading', { level: 3, name: 'Created' })).toBeTruthy();
    const actions = screen.getByRole('group', { name: 'Receipt actions' });
    expect(within(actions).getAllByRole('button').map((b) => b.textContent)).toEqual([
      'Back to receipts',
      'Edit',
      'Record signed receipt',
      'Send tracer',
      'Void',
      'Open incident',
    ]);
  });

  it('opens an action’s form with today’s date and records it', async () => {
    const rig = await signedInRig();
    const receipt = rig.fake.addReceipt({ controlNumber: 'OUT-8', direction: 'outgoing' });
    renderWithStores(rig.root, <ReceiptDetailScreen id={receipt.id} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Dispatch' }));
    const form = screen.getByRole('form', { name: 'Dispatch' });
    expect(within(form).getByLabelText<HTMLInputElement>(/Date dispatched/).value).toBe(TODAY);
    fireEvent.click(within(form).getByRole('button', { name: 'Confirm' }));
    expect(await screen.findByRole('heading', { level: 3, name: 'Dispatch' })).toBeTruthy();
    expect(rig.root.receipts.detail.receipt?.status).toBe('dispatched');
    expect(screen.queryByRole('form', { name: 'Dispatch' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Record signed receipt' })).toBeTruthy();
  });
});
