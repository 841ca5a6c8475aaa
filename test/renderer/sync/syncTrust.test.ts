// Identity, trust store and alarms: enrolment with the fingerprint read out of band (a mismatch is
// the core's refusal, shown on the fingerprint field), revocation with a reason, the signing
// identity made by an administrator, alarms resolved by the security officer; and who sees what.
import { describe, expect, it } from 'vitest';
import type { AlarmRecord } from '../../../electron/common/sync/model.js';
import { REJECT_REASON_TEXT, rejection } from '../../../renderer/src/stores/SyncReasons.js';
import { BUNDLE_REJECT_REASONS } from '../../../electron/common/sync/reasons.js';
import { KEY_PASSPHRASE, enrolBoth, fakeCertificate, syncRig } from './fakeSync.js';

describe('trust store', () => {
  it('refuses an enrolment whose fingerprint does not match, next to the fingerprint field; enrols with the right one', async () => {
    const { root, fake, sync } = await syncRig({ siteRole: 'hq' });
    const cert = fakeCertificate('SITE-A');
    sync.certificates.set(cert.pem, cert);
    await root.sync.load();
    const trust = root.sync.trust;
    trust.openEnrol();
    expect(trust.enrolForm.values.role).toBe('site');
    trust.enrolForm.fill({ certificatePem: cert.pem, siteId: 'SITE-A', expectedFingerprint: 'ab'.repeat(32) });
    expect(await trust.enrol()).toBe(false);

    expect(fake.callsOf('trust.enroll')).toHaveLength(1);
    const grouped = cert.sha256.toUpperCase().match(/.{4}/g)?.join(' ');
    expect(trust.enrolForm.errors.get('expectedFingerprint')).toBe(
      `Fingerprint read out by the other installation does not match the certificate (its SHA-256 fingerprint is ${grouped}): do not enroll it; check where the file came from`,
    );
    expect([...trust.enrolForm.errors.keys()]).toEqual(['expectedFingerprint']);
    expect(trust.enrolForm.error).toBe('Some entries need correcting; see the marked fields.');
    expect(trust.enrolOpen).toBe(true);
    expect(sync.trust).toEqual([]);
    // The refusal is journalled by the core (here: the fake's journal).
    expect(fake.journal.at(-1)).toMatchObject({ kind: 'trust', action: 'enroll_refused' });

    // As read aloud: groups, lower case, colons.
    trust.enrolForm.set('expectedFingerprint', (cert.sha256.match(/.{2}/g) ?? []).join(':'));
    expect(trust.enrolForm.errors.has('expectedFingerprint')).toBe(false);
    expect(await trust.enrol()).toBe(true);
    expect(trust.enrolOpen).toBe(false);
    expect(trust.records.map((r) => [r.siteId, r.role, r.revokedAt])).toEqual([['SITE-A', 'site', null]]);
    expect(root.ui.toasts.at(-1)?.message).toBe(`Certificate of SITE-A enrolled (fingerprint ${grouped}).`);
  });

  it('checks the fingerprint’s form before sending', async () => {
    const { root, fake } = await syncRig({ siteRole: 'site' });
    const trust = root.sync.trust;
    trust.openEnrol();
    expect(trust.enrolForm.values.role).toBe('hq');
    trust.enrolForm.fill({ certificatePem: 'x', siteId: 'HQ', expectedFingerprint: '12 34' });
    expect(await trust.enrol()).toBe(false);
    expect(trust.enrolForm.errors.get('expectedFingerprint')).toBe(
      'Fingerprint read out by the other installation must be the SHA-256 or SHA-384 fingerprint shown by the other installation (64 or 96 hex digits)',
    );
    expect(fake.callsOf('trust.enroll')).toEqual([]);
  });

  it('revokes one certificate with a reason', async () => {
    const { root, fake, sync } = await syncRig({ siteRole: 'hq' });
    enrolBoth(sync, 'HQ', 'SITE-A');
    await root.sync.load();
    const trust = root.sync.trust;
    const record = trust.records[0]!;
    trust.startRevoke(record);
    expect(await trust.revoke()).toBe(false);
    expect(trust.revokeForm.errors.get('reason')).toMatch(/^Reason for revoking /);
    trust.revokeForm.set('reason', 'Laptop with the key was lost');
    expect(await trust.revoke()).toBe(true);
    expect(fake.callsOf('trust.revoke')).toEqual([{ fingerprint: record.keyId, reason: 'Laptop with the key was lost' }]);
    expect(trust.records[0]).toMatchObject({ revokedBy: 'admin', revokeReason: 'Laptop with the key was lost' });
    expect(trust.revokeTarget).toBeNull();
  });
});

describe('signing identity', () => {
  it('is created by an administrator with the passphrase typed twice', async () => {
    const { root, fake } = await syncRig({ siteRole: 'site' });
    await root.sync.load();
    expect(root.sync.identity).toBeNull();
    const form = root.sync.identityForm;
    form.fill({ passphrase: 'short', confirm: 'other' });
    expect(await root.sync.createIdentity()).toBe(false);
    expect(form.errors.get('passphrase')).toMatch(/^Key passphrase /);
    expect(form.errors.get('confirm')).toBe('Confirm key passphrase must be the same as the key passphrase');
    expect(fake.callsOf('sync.createIdentity')).toEqual([]);

    form.fill({ passphrase: KEY_PASSPHRASE, confirm: KEY_PASSPHRASE });
    expect(await root.sync.createIdentity()).toBe(true);
    expect(root.sync.identity?.siteId).toBe('SITE-A');
    expect(root.sync.identity?.fingerprint).toMatch(/^([0-9A-F]{4} ){15}[0-9A-F]{4}$/);
    expect(form.values).toEqual({ passphrase: '', confirm: '' });
  });

  it('saves the certificate through the platform’s save', async () => {
    const saved: [string, string, string][] = [];
    const { root, sync } = await syncRig({ siteRole: 'site', store: { saveFile: (name, content, type) => void saved.push([name, content, type]) } });
    enrolBoth(sync, 'SITE-A', 'HQ');
    await root.sync.load();
    root.sync.saveCertificate();
    expect(saved).toEqual([['SITE-A-certificate.pem', fakeCertificate('SITE-A').pem, 'application/x-pem-file']]);
    expect(root.sync.certificateMessage).toBe('Saved as SITE-A-certificate.pem.');
  });
});

describe('alarms', () => {
  const alarm: AlarmRecord = {
    id: '01J0000000000000000000A1M1',
    siteId: 'SITE-A',
    reason: 'FORK',
    message: 'SITE-A seq 4 differs from the entry headquarters holds',
    details: { seq: 4 },
    bundleId: '01J0000000000000000000BND1',
    fileName: 'SITE-A_1-9_SECRET.ledger.tar',
    status: 'open',
    raisedAt: '2026-03-10T11:00:00.000Z',
    raisedBy: 'admin',
    resolvedAt: null,
    resolvedBy: null,
    resolution: null,
  };

  it('are resolved by the security officer with what was found and done', async () => {
    const { root, sync } = await syncRig({ siteRole: 'hq' });
    sync.alarms.push(alarm);
    await root.sync.load();
    const alarms = root.sync.alarms;
    expect(alarms.openCount).toBe(1);
    alarms.startResolve(alarms.alarms[0]!);
    alarms.resolveForm.set('resolution', 'The site restored a backup; its officer re-exported from the restored journal.');
    expect(await alarms.resolve()).toBe(true);
    expect(alarms.alarms).toEqual([]);
    await alarms.setIncludeResolved(true);
    expect(alarms.alarms.map((a) => [a.status, a.resolvedBy])).toEqual([['resolved', 'admin']]);
  });
});

describe('who sees what', () => {
  it('shows Sync to administrators, security officers, auditors and analysts, not to custodians', async () => {
    for (const [username, shown] of [
      ['admin', true],
      ['auditor', true],
      ['analyst', true],
      ['custodian', false],
    ] as const) {
      const { root } = await syncRig({ siteRole: 'hq', username });
      expect(root.ui.visibleSections.some((s) => s.key === 'sync'), username).toBe(shown);
    }
  });

  it('lets readers read and act on nothing', async () => {
    const { root, fake } = await syncRig({ siteRole: 'hq', username: 'auditor' });
    await root.sync.load();
    expect(root.sync.can('sync.import')).toBe(false);
    expect(root.sync.can('trust.enroll')).toBe(false);
    expect(root.sync.can('sync.sites')).toBe(true);
    expect(fake.calls.map((c) => c.method).sort()).toEqual(['sync.alarms', 'sync.bundles', 'sync.identity', 'sync.sites', 'sync.status', 'trust.list']);
    expect(root.sync.error).toBeNull();
  });

  it('does not ask a site for the per-site table (headquarters keeps it)', async () => {
    const { root, fake } = await syncRig({ siteRole: 'site' });
    await root.sync.load();
    expect(fake.callsOf('sync.sites')).toEqual([]);
    expect(root.sync.error).toBeNull();
  });
});

describe('rejection reasons in words', () => {
  it('has words for every reason code, each different', () => {
    const words = BUNDLE_REJECT_REASONS.map((r) => REJECT_REASON_TEXT[r]);
    expect(words.every((w) => w.length > 10)).toBe(true);
    expect(new Set(words).size).toBe(BUNDLE_REJECT_REASONS.length);
  });

  it('reads the message of the core without repeating the code in front of it', () => {
    expect(rejection('SIGNER_REVOKED', 'SIGNER_REVOKED: the key of SITE-A was revoked on 2026-03-01')).toEqual({
      reason: 'SIGNER_REVOKED',
      text: "The signer's key has been revoked",
      message: 'the key of SITE-A was revoked on 2026-03-01',
    });
    expect(rejection('FORK', 'two histories for seq 4').message).toBe('two histories for seq 4');
  });
});
