import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../../renderer/src/App.js';
import { renderWithStores } from '../render.js';
import { signedInRig } from '../support.js';

afterEach(() => {
  cleanup();
});

const MINE = ['Receipts', 'Accounts', 'Audit'];

/** The menu entries this issue decides (others come with their own sections). */
function myLinks(nav: HTMLElement): string[] {
  return within(nav)
    .getAllByRole('link')
    .map((l) => l.textContent ?? '')
    .filter((t) => MINE.includes(t));
}

describe('accounts screen', () => {
  it('shows Accounts and Audit to an administrator, and unlocks an account with a reason', async () => {
    const rig = await signedInRig({ username: 'admin' });
    const custodian = rig.fake.users.get('U1');
    if (custodian) rig.fake.users.set('U1', { ...custodian, locked: true, lockedAt: '2026-03-10T11:00:00.000Z' });
    renderWithStores(rig.root, <App />);
    const nav = await screen.findByRole('navigation', { name: 'Primary' });
    expect(myLinks(nav)).toEqual(['Receipts', 'Accounts', 'Audit']);
    fireEvent.click(within(nav).getByRole('link', { name: 'Accounts' }));
    await screen.findByRole('heading', { level: 1, name: 'Accounts' });

    const row = await screen.findByRole('row', { name: /custodian/ });
    expect(within(row).getByText('Locked')).toBeTruthy();
    expect(within(row).getByText('Custodian')).toBeTruthy();
    // Your own account: no Disable.
    const own = screen.getByRole('row', { name: /admin \(you\)/ });
    expect(within(own).queryByRole('button', { name: /^Disable/ })).toBeNull();

    fireEvent.click(within(row).getByRole('button', { name: 'Unlock custodian' }));
    const form = screen.getByRole('form', { name: 'Unlock custodian' });
    fireEvent.click(within(form).getByRole('button', { name: 'Confirm' }));
    await screen.findByText('Reason for the change is required');
    const reason = within(form).getByLabelText(/Reason for the change/);
    expect(reason.getAttribute('aria-invalid')).toBe('true');
    fireEvent.change(reason, { target: { value: 'Identity confirmed' } });
    await act(async () => {
      fireEvent.click(within(form).getByRole('button', { name: 'Confirm' }));
      await Promise.resolve();
    });
    expect(await screen.findByText('Account custodian: unlocked.')).toBeTruthy();
    expect(within(screen.getByRole('row', { name: /custodian/ })).queryByText('Locked')).toBeNull();
    expect(screen.queryByRole('form', { name: 'Unlock custodian' })).toBeNull();
  });

  it('shows a refusal of the core in the action form as an alert', async () => {
    const rig = await signedInRig({ username: 'admin' });
    rig.root.ui.navigate({ name: 'accounts' });
    renderWithStores(rig.root, <App />);
    const own = await screen.findByRole('row', { name: /admin \(you\)/ });
    fireEvent.click(within(own).getByRole('button', { name: 'Change roles of admin' }));
    const form = screen.getByRole('form', { name: 'Change roles of admin' });
    fireEvent.click(within(form).getByLabelText('Administrator'));
    fireEvent.change(within(form).getByLabelText(/Reason for the change/), { target: { value: 'Split duties' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Confirm' }));
    const alert = await within(form).findByRole('alert');
    expect(alert.textContent).toMatch(/last enabled administrator/);
  });

  it('shows a custodian neither Accounts nor Audit', async () => {
    const rig = await signedInRig();
    renderWithStores(rig.root, <App />);
    const nav = await screen.findByRole('navigation', { name: 'Primary' });
    expect(myLinks(nav)).toEqual(['Receipts']);
    expect(screen.getByRole('button', { name: 'Change password' })).toBeTruthy();
  });
});
