import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ReceiptListScreen } from '../../../renderer/src/screens/receipts/ReceiptListScreen.js';
import { renderWithStores } from '../render.js';
import { signedInRig } from '../support.js';

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

describe('receipts list', () => {
  it('shows each row’s portion marking, an overdue badge in words, the count and the highest marking shown', async () => {
    const rig = await signedInRig();
    rig.fake.addReceipt(
      { controlNumber: 'OUT-LATE', direction: 'outgoing', international: true },
      { status: 'dispatched', dispatchedOn: '2026-01-01', suspenseDays: 30, suspenseDueOn: '2026-01-31' },
    );
    rig.fake.addReceipt({
      controlNumber: 'IN-OK',
      direction: 'incoming',
      classification: { level: 'CONFIDENTIAL', cui: false, foreign: null, whollyForeign: false, concealSource: false, noforn: false, relTo: [] },
    });
    renderWithStores(rig.root, <ReceiptListScreen />);

    const late = await screen.findByRole('row', { name: /OUT-LATE/ });
    expect(within(late).getByText('Overdue 38 days')).toBeTruthy();
    expect(within(late).getByText('(S)')).toBeTruthy();
    expect(late.className).toMatch(/overdue/);
    const ok = screen.getByRole('row', { name: /IN-OK/ });
    expect(within(ok).getByText('(C)')).toBeTruthy();
    expect(within(ok).queryByText(/Overdue/)).toBeNull();

    expect(screen.getByRole('status').textContent).toBe('2 receipts found');
    expect(screen.getByText(/Highest marking shown/).textContent).toBe('Highest marking shown: SECRET');
    expect(screen.getAllByRole('columnheader').map((h) => h.textContent?.replace(/[▲▼↕]/g, '').trim())).toEqual([
      'Marking',
      'Control number',
      'Unclassified title',
      'Direction',
      'Status',
      'Suspense due',
    ]);
  });

  it('opens a receipt from its row and sorts from a column header', async () => {
    const rig = await signedInRig();
    const receipt = rig.fake.addReceipt({ controlNumber: 'CN-OPEN' });
    renderWithStores(rig.root, <ReceiptListScreen />);
    fireEvent.click(await screen.findByRole('button', { name: 'CN-OPEN' }));
    expect(rig.root.ui.route).toEqual({ name: 'receipt', id: receipt.id });

    const header = screen.getByRole('columnheader', { name: /Control number/ });
    fireEvent.click(within(header).getByRole('button'));
    expect(header.getAttribute('aria-sort')).toBe('ascending');
    expect(rig.root.receipts.list.sort).toBe('controlNumber');
  });
});
