import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ReceiptFormScreen } from '../../../renderer/src/screens/receipts/ReceiptFormScreen.js';
import { renderWithStores } from '../render.js';
import { signedInRig } from '../support.js';

afterEach(() => {
  cleanup();
});

describe('receipt form', () => {
  it('shows each error next to its field, linked by aria-describedby, with a summary, and sends nothing', async () => {
    const rig = await signedInRig();
    renderWithStores(rig.root, <ReceiptFormScreen mode="create" />);
    fireEvent.change(screen.getByLabelText(/Control number/), { target: { value: 'CN-1' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    const title = screen.getByLabelText(/Unclassified short title/);
    expect(title.getAttribute('aria-invalid')).toBe('true');
    const describedBy = title.getAttribute('aria-describedby') ?? '';
    const errorId = describedBy.split(' ').find((id) => id.endsWith('-error'));
    expect(errorId).toBeDefined();
    expect(document.getElementById(errorId ?? '')?.textContent).toBe('Unclassified short title is required');

    const sender = screen.getByLabelText(/Sender organisation/);
    expect(sender.getAttribute('aria-invalid')).toBe('true');
    // The field that is filled in has no error.
    expect(screen.getByLabelText(/Control number/).getAttribute('aria-invalid')).toBeNull();

    const summary = screen.getByRole('alert');
    expect(summary.textContent).toMatch(/There is a problem/);
    expect(screen.getByRole('link', { name: 'Sender organisation is required' })).toBeTruthy();
    expect(document.activeElement).toBe(summary);
    expect(rig.fake.callsOf('receipts.create')).toEqual([]);

    // Typing clears that field's error at once.
    fireEvent.change(title, { target: { value: 'Radar test plan' } });
    expect(screen.getByLabelText(/Unclassified short title/).getAttribute('aria-invalid')).toBeNull();
  });

  it('offers the foreign-origin fields only for foreign information and previews the marking', async () => {
    const rig = await signedInRig();
    renderWithStores(rig.root, <ReceiptFormScreen mode="create" />);
    expect(screen.queryByLabelText(/Countries of origin/)).toBeNull();
    fireEvent.change(screen.getByLabelText(/U.S. classification level/), { target: { value: 'SECRET' } });
    fireEvent.change(screen.getByLabelText(/^Foreign government information/), { target: { value: 'country' } });
    fireEvent.change(screen.getByLabelText(/Countries of origin/), { target: { value: 'gbr deu' } });
    fireEvent.change(screen.getByLabelText(/Foreign classification level/), { target: { value: 'SECRET' } });
    for (const [label, value] of [
      [/Control number/, 'CN-2'],
      [/Unclassified short title/, 'Joint plan'],
      [/Sender organisation/, 'MOD'],
      [/Addressee organisation/, 'Acme'],
    ] as const) {
      fireEvent.change(screen.getByLabelText(label), { target: { value } });
    }
    fireEvent.change(screen.getByLabelText(/Method of transmission/), { target: { value: 'government_to_government' } });
    expect(screen.getByText('SECRET//FGI DEU GBR')).toBeTruthy();
  });
});
