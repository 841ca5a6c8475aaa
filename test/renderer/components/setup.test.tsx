import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderWithStores } from '../render.js';
import { loadedRig } from '../support.js';

afterEach(() => {
  cleanup();
});

const PASSWORD = 'First-Admin-Passphrase-9';

describe('first-run setup screen', () => {
  it('is all an unconfigured installation shows; its errors sit next to the fields; then the notice and sign-in', async () => {
    const { root } = await loadedRig({ configured: false });
    renderWithStores(root);
    await screen.findByRole('heading', { level: 1, name: 'Set up Enclave Ledger' });
    expect(screen.queryByRole('button', { name: 'I agree' })).toBeNull();
    expect(screen.queryByRole('navigation', { name: 'Primary' })).toBeNull();
    // The password rules are shown before anything is typed, tied to the input.
    const password = screen.getByLabelText(/^Administrator password/);
    expect(document.getElementById(password.getAttribute('aria-describedby') ?? '')?.textContent).toMatch(/At least 15 characters/);

    fireEvent.click(screen.getByRole('button', { name: 'Complete setup' }));
    const summary = await screen.findByRole('alert');
    expect(within(summary).getByRole('link', { name: 'Site name is required' })).toBeTruthy();
    const siteName = screen.getByLabelText(/^Site name/);
    expect(siteName.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById('setup-siteName-error')?.textContent).toBe('Site name is required');

    fireEvent.change(screen.getByLabelText(/^Site identifier/), { target: { value: 'SITE-B' } });
    fireEvent.change(siteName, { target: { value: 'Bravo Facility' } });
    fireEvent.change(screen.getByLabelText(/^System-high level/), { target: { value: 'TOP SECRET' } });
    fireEvent.change(screen.getByLabelText(/^Administrator user name/), { target: { value: 'fso' } });
    fireEvent.change(screen.getByLabelText(/^Administrator full name/), { target: { value: 'Frances Officer' } });
    fireEvent.change(password, { target: { value: PASSWORD } });
    fireEvent.change(screen.getByLabelText(/^Confirm administrator password/), { target: { value: PASSWORD } });
    fireEvent.click(screen.getByRole('button', { name: 'Complete setup' }));

    await screen.findByRole('button', { name: 'I agree' });
    expect(screen.getByTestId('classification-banner-top').textContent).toBe('TOP SECRET');
    fireEvent.click(screen.getByRole('button', { name: 'I agree' }));
    expect(screen.getByLabelText<HTMLInputElement>(/User name/).value).toBe('fso');
    expect(screen.getByText(/Enclave Ledger is set up/)).toBeTruthy();
  });
});
