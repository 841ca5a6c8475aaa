// The Sync screen in jsdom: the names the end-to-end tests use, a fingerprint mismatch shown next
// to its field, a rejection's reason in words, progress while an export runs, and the readers'
// view without any action.
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../../renderer/src/App.js';
import { renderWithStores } from '../render.js';
import { KEY_PASSPHRASE, bundleFileName, enrolBoth, fakeCertificate, gate, syncRig } from './fakeSync.js';

afterEach(() => {
  cleanup();
});

async function openSync() {
  const nav = await screen.findByRole('navigation', { name: 'Primary' });
  fireEvent.click(within(nav).getByRole('link', { name: 'Sync' }));
  await screen.findByRole('heading', { level: 1, name: 'Sync' });
}

function type(field: HTMLElement, value: string) {
  fireEvent.change(field, { target: { value } });
}

describe('Sync screen', () => {
  it('shows a fingerprint mismatch next to the fingerprint field, tied to it for screen readers', async () => {
    const rig = await syncRig({ siteRole: 'hq' });
    enrolBoth(rig.sync, 'HQ', 'SITE-B');
    const cert = fakeCertificate('SITE-A');
    rig.sync.certificates.set(cert.pem, cert);
    renderWithStores(rig.root, <App />);
    await openSync();

    const trust = screen.getByRole('region', { name: 'Trust store' });
    expect(within(trust).getByRole('table', { name: 'Trust store' })).toBeTruthy();
    fireEvent.click(within(trust).getByRole('button', { name: 'Enrol a certificate' }));
    const form = screen.getByRole('form', { name: 'Enrol a certificate' });
    type(within(form).getByLabelText(/Certificate \(PEM\)/), cert.pem);
    type(within(form).getByLabelText(/Site identifier/), 'SITE-A');
    const fingerprint = within(form).getByLabelText(/Fingerprint read out by the other installation/);
    type(fingerprint, 'AB'.repeat(32));
    await act(async () => {
      fireEvent.click(within(form).getByRole('button', { name: 'Enrol certificate' }));
      await new Promise((resolve) => setTimeout(resolve, 0));
    });

    expect(fingerprint.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (fingerprint.getAttribute('aria-describedby') ?? '').split(' ');
    const message = document.getElementById('sync-enrol-expectedFingerprint-error');
    expect(describedBy).toContain('sync-enrol-expectedFingerprint-error');
    expect(message?.textContent).toMatch(/^Fingerprint read out by the other installation does not match the certificate \(its SHA-256 fingerprint is [0-9A-F ]+\)/);
    // The error summary links to the field.
    const summary = within(form).getByRole('alert');
    expect(within(summary).getByRole('link').getAttribute('href')).toBe('#sync-enrol-expectedFingerprint');
    expect(within(trust).queryByRole('row', { name: /SITE-A/ })).toBeNull();
  });

  it('previews a rejected bundle with the reason in words, its code and the message, then imports', async () => {
    const rig = await syncRig({ siteRole: 'hq' });
    enrolBoth(rig.sync, 'HQ', 'SITE-A');
    const good = { bundleId: 'B1', siteId: 'SITE-A', direction: 'site-to-hq' as const, recipient: 'HQ', firstSeq: 1, lastSeq: 4, counts: { receipt: 2, session: 2 }, classification: 'SECRET' as const };
    const bad = { ...good, bundleId: 'B2', firstSeq: 5, lastSeq: 6, tampered: { reason: 'HASH_MISMATCH' as const, message: 'data/journal.ndjson does not match the manifest' } };
    rig.sync.files.set(`/media/usb/${bundleFileName(good)}`, good);
    rig.sync.files.set(`/media/usb/${bundleFileName(bad)}`, bad);
    renderWithStores(rig.root, <App />);
    await openSync();

    const panel = screen.getByRole('region', { name: 'Import bundles' });
    const form = within(panel).getByRole('form', { name: 'Choose bundles to preview' });
    type(within(form).getByLabelText(/Bundle files/), `/media/usb/${bundleFileName(good)}\n/media/usb/${bundleFileName(bad)}`);
    await act(async () => {
      fireEvent.click(within(form).getByRole('button', { name: 'Preview' }));
      await new Promise((resolve) => setTimeout(resolve, 5));
    });
    const preview = within(panel).getByRole('table', { name: 'What importing would do' });
    const goodRow = within(preview).getByRole('row', { name: /SITE-A_1-4_SECRET/ });
    expect(goodRow.textContent).toContain('Would apply 4 new entries.');
    expect(goodRow.textContent).toContain('receipt 2, session 2');
    const badRow = within(preview).getByRole('row', { name: /SITE-A_5-6_SECRET/ });
    expect(badRow.textContent).toContain(
      'Rejected Would be rejected: A file was changed after the bundle was signed (its hash does not match) (HASH_MISMATCH). data/journal.ndjson does not match the manifest',
    );
    expect(within(panel).getByRole('list', { name: 'New entries per site' }).textContent).toBe('SITE-A: 1 bundle, 4 new entries (receipt 2, session 2)');

    await act(async () => {
      fireEvent.click(within(panel).getByRole('button', { name: 'Import 2 bundles' }));
      await new Promise((resolve) => setTimeout(resolve, 20));
    });
    const results = within(panel).getByRole('table', { name: 'Import results' });
    expect(within(results).getByRole('row', { name: /SITE-A_1-4_SECRET/ }).textContent).toContain('Applied 4 new entries.');
    expect(within(results).getByRole('row', { name: /SITE-A_5-6_SECRET/ }).textContent).toContain('Rejected: A file was changed after the bundle was signed');
    const sites = screen.getByRole('table', { name: 'Sites' });
    expect(within(sites).getByRole('row', { name: /SITE-A/ }).textContent).toContain('seq 4');
  });

  it('shows the export’s progress while it runs and the bundle written', async () => {
    const rig = await syncRig({ siteRole: 'site' });
    enrolBoth(rig.sync, 'SITE-A', 'HQ');
    rig.sync.heads.set('SITE-A', 30);
    rig.sync.folders.add('/media/usb');
    renderWithStores(rig.root, <App />);
    await openSync();

    const panel = screen.getByRole('region', { name: 'Export to headquarters' });
    const form = within(panel).getByRole('form', { name: 'Export bundle' });
    type(within(form).getByLabelText(/Export folder/), '/media/usb');
    type(within(form).getByLabelText(/Key passphrase/), KEY_PASSPHRASE);
    rig.sync.hold = gate();
    rig.sync.progress = { operation: 'export', phase: 'writing', file: '/media/usb', done: 10, total: 30, startedAt: '2026-03-10T12:00:00.000Z' };
    await act(async () => {
      fireEvent.click(within(form).getByRole('button', { name: 'Export bundle' }));
      await new Promise((resolve) => setTimeout(resolve, 20));
    });
    const bar = within(form).getByRole('progressbar', { name: 'Export progress' });
    expect(bar.getAttribute('value')).toBe('10');
    expect(bar.getAttribute('max')).toBe('30');
    expect(within(form).getByText('Writing entries: 10 of 30 (30 entries)', { selector: 'p' }).getAttribute('role')).toBe('status');

    await act(async () => {
      rig.sync.hold?.open();
      await new Promise((resolve) => setTimeout(resolve, 20));
    });
    expect(within(form).queryByRole('progressbar')).toBeNull();
    expect(within(panel).getByRole('heading', { name: 'Bundle written' })).toBeTruthy();
    expect(within(panel).getByText('SITE-A_1-30_SECRET.ledger.tar', { selector: 'code' })).toBeTruthy();
    expect(within(form).getByLabelText<HTMLInputElement>(/Key passphrase/).value).toBe('');
  });

  it('gives an auditor at headquarters status, sites, trust store, alarms and history, and no action', async () => {
    const rig = await syncRig({ siteRole: 'hq', username: 'auditor' });
    enrolBoth(rig.sync, 'HQ', 'SITE-A');
    renderWithStores(rig.root, <App />);
    await openSync();
    await screen.findByRole('table', { name: 'Sites' });
    for (const name of ['Sync status', 'Sites', 'Security alarms', 'Signing identity', 'Trust store', 'Bundle history']) {
      expect(screen.getByRole('region', { name })).toBeTruthy();
    }
    expect(screen.queryByRole('region', { name: 'Import bundles' })).toBeNull();
    for (const name of [/Enrol/, /Revoke/, /Export acknowledgement/, /Create signing identity/]) {
      expect(screen.queryByRole('button', { name })).toBeNull();
    }
    expect(screen.getByRole('region', { name: 'Signing identity' }).textContent).toContain('Fingerprint (SHA-256)');
  });

  it('in the desktop app, chooses the folder with the native dialog instead of a typed path', async () => {
    const chooser = {
      native: true,
      pickFolder: () => Promise.resolve({ ok: true as const, value: '/media/usb' }),
      pickFiles: () => Promise.resolve({ ok: true as const, value: [] }),
    };
    const rig = await syncRig({ siteRole: 'site', files: chooser });
    enrolBoth(rig.sync, 'SITE-A', 'HQ');
    rig.sync.heads.set('SITE-A', 5);
    rig.sync.folders.add('/media/usb');
    renderWithStores(rig.root, <App />);
    await openSync();
    const form = screen.getByRole('form', { name: 'Export bundle' });
    expect(within(form).queryByRole('textbox', { name: /Export folder/ })).toBeNull();
    expect(within(form).getByText('No folder chosen')).toBeTruthy();
    await act(async () => {
      fireEvent.click(within(form).getByRole('button', { name: 'Choose export folder' }));
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
    expect(within(form).getByText('/media/usb')).toBeTruthy();
    type(within(form).getByLabelText(/Key passphrase/), KEY_PASSPHRASE);
    await act(async () => {
      fireEvent.click(within(form).getByRole('button', { name: 'Export bundle' }));
      await new Promise((resolve) => setTimeout(resolve, 20));
    });
    expect(rig.fake.callsOf('sync.export')).toEqual([{ outDir: '/media/usb', passphrase: KEY_PASSPHRASE }]);
    expect(screen.getByRole('heading', { name: 'Bundle written' })).toBeTruthy();
    // The import panel offers the file dialog too.
    expect(within(screen.getByRole('region', { name: 'Import acknowledgement' })).getByRole('button', { name: 'Choose bundle files' })).toBeTruthy();
  });
});
