import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AuditScreen } from '../../../renderer/src/screens/audit/AuditScreen.js';
import { recordEntry } from '../fakeAccounts.js';
import { renderWithStores } from '../render.js';
import { signedInRig } from '../support.js';

// jsdom lays nothing out: give the grid's scroll area a height so the virtualizer renders rows.
const clientHeight = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientHeight');
beforeAll(() => {
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 560 });
});
afterAll(() => {
  if (clientHeight) Object.defineProperty(HTMLElement.prototype, 'clientHeight', clientHeight);
});
afterEach(() => {
  cleanup();
});

describe('audit screen', () => {
  it('lists who did what, where and with what outcome; failures say so in words; details as key/values', async () => {
    const rig = await signedInRig({ username: 'auditor' });
    // As the custodian's own failed unlock would be recorded: actor custodian.
    const auditor = rig.fake.state.session;
    if (auditor) rig.fake.state.session = { ...auditor, username: 'custodian' };
    recordEntry(rig.fake.state, 'session', 'U1', 'sign_in_failed', { username: 'custodian', attempt: 'unlock', reason: 'wrong password', outcome: 'failure' }, '2026-03-09T08:00:05.000Z');
    rig.fake.state.session = auditor;
    renderWithStores(rig.root, <AuditScreen />);

    expect(await screen.findByText(/entries found, newest first/)).toBeTruthy();
    const table = screen.getByRole('table', { name: 'Audit trail' });
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['When (UTC)', 'Who', 'Workstation', 'What', 'Outcome']);
    const failed = await within(table).findByRole('row', { name: /sign in failed/ });
    expect(within(failed).getByText('2026-03-09 08:00:05 UTC')).toBeTruthy();
    expect(within(failed).getByText('custodian')).toBeTruthy();
    expect(within(failed).getByText('ws-1')).toBeTruthy();
    expect(within(failed).getByText('Failure')).toBeTruthy();
    expect(failed.className).toMatch(/failure/);

    fireEvent.click(within(failed).getByRole('button', { name: 'Session: sign in failed' }));
    const detail = screen.getByRole('region', { name: 'Entry details' });
    const pairs = [...detail.querySelectorAll('dt')].map((dt) => `${dt.textContent}=${dt.nextElementSibling?.textContent}`);
    expect(pairs).toEqual(expect.arrayContaining(['Who=custodian', 'Action=sign_in_failed', 'Reason=wrong password', 'Attempt=unlock', 'Workstation=ws-1']));
  });

  it('verifies integrity and exports from the screen', async () => {
    const rig = await signedInRig({ username: 'auditor', store: { saveFile: () => undefined } });
    renderWithStores(rig.root, <AuditScreen />);
    fireEvent.click(screen.getByRole('button', { name: 'Verify integrity' }));
    expect(await screen.findByText(/^Journal intact: \d+ entries, 1 site\.$/)).toBeTruthy();
    rig.fake.setVerifyReport({ ok: false, entries: 9, firstBroken: { siteId: 'SITE-A', seq: 4, reason: 'prev_hash does not link' } });
    fireEvent.click(screen.getByRole('button', { name: 'Verify integrity' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/Journal broken at site SITE-A, sequence 4: prev_hash does not link/);
    fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    expect(await screen.findByText(/^Exported \d+ entries to audit_SITE-A_2026-03-10\.csv\.$/)).toBeTruthy();
  });
});
