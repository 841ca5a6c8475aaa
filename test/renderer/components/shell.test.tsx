import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { CONSENT_BANNER_INTRO } from '../../../electron/common/consentBanner.js';
import { RootStore } from '../../../renderer/src/stores/RootStore.js';
import { PASSWORD, createFakeApi } from '../fakeApi.js';
import { renderWithStores } from '../render.js';

afterEach(() => {
  // RTL's cleanup unmounts every rendered root inside act().
  cleanup();
});

async function renderApp(systemHigh: 'SECRET' | 'TOP SECRET' = 'SECRET') {
  const root = new RootStore(createFakeApi({ systemHigh }).api);
  renderWithStores(root);
  await screen.findByRole('heading', { level: 1, name: /Notice and Consent/ });
  return root;
}

describe('app shell', () => {
  it('shows the SECRET system-high banner top and bottom in its colours, even before sign-in', async () => {
    await renderApp('SECRET');
    const top = screen.getByTestId('classification-banner-top');
    const bottom = screen.getByTestId('classification-banner-bottom');
    for (const banner of [top, bottom]) {
      expect(banner.textContent).toBe('SECRET');
      expect(banner.style.backgroundColor).toBe('rgb(200, 16, 46)');
      expect(banner.style.color).toBe('rgb(255, 255, 255)');
    }
    expect(within(screen.getByRole('banner')).getByTestId('classification-banner-top')).toBe(top);
    expect(within(screen.getByRole('contentinfo')).getByTestId('classification-banner-bottom')).toBe(bottom);
  });

  it('uses black on orange for TOP SECRET', async () => {
    await renderApp('TOP SECRET');
    const top = screen.getByTestId('classification-banner-top');
    expect(top.textContent).toBe('TOP SECRET');
    expect(top.style.backgroundColor).toBe('rgb(255, 140, 0)');
    expect(top.style.color).toBe('rgb(0, 0, 0)');
  });

  it('asks for consent by a click before the sign-in form, then signs in', async () => {
    await renderApp();
    expect(screen.getByText(CONSENT_BANNER_INTRO)).toBeTruthy();
    expect(screen.queryByLabelText(/User name/)).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'I agree' }));
    const username = screen.getByLabelText(/User name/);
    fireEvent.change(username, { target: { value: 'custodian' } });
    fireEvent.change(screen.getByLabelText(/Password/), { target: { value: 'wrong password again!' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/Sign-in failed/);

    fireEvent.change(screen.getByLabelText(/Password/), { target: { value: PASSWORD } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Dashboard' })).toBeTruthy();
    expect(screen.getByRole('navigation', { name: 'Primary' })).toBeTruthy();
    expect(screen.getByText('Casey Custodian')).toBeTruthy();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Sign out' }));
      await Promise.resolve();
    });
    expect(await screen.findByRole('button', { name: 'I agree' })).toBeTruthy();
  });
});
