import { describe, expect, it } from 'vitest';
import { loadedRig } from '../support.js';

const ADMIN_PASSWORD = 'First-Admin-Passphrase-9';

function fillValid(rig: Awaited<ReturnType<typeof loadedRig>>) {
  const { setup } = rig.root;
  setup.setField('siteId', ' site-b ');
  setup.setField('siteName', 'Bravo Facility');
  setup.setField('siteRole', 'site');
  setup.setField('systemHigh', 'SECRET');
  setup.setField('admin.username', 'fso');
  setup.setField('admin.displayName', 'Frances Officer');
  setup.setField('admin.password', ADMIN_PASSWORD);
  setup.setField('confirmPassword', ADMIN_PASSWORD);
}

describe('first-run setup', () => {
  it('shows only the setup while the core answers NOT_CONFIGURED', async () => {
    const { root } = await loadedRig({ configured: false });
    expect(root.session.needsSetup).toBe(true);
    expect(root.session.info).toBeNull();
    expect(root.session.infoError).toBeNull();
  });

  it('checks every field with setupInputSchema and sends nothing while one fails', async () => {
    const rig = await loadedRig({ configured: false });
    const { setup } = rig.root;
    setup.setField('siteId', 'bad id!');
    setup.setField('admin.password', 'short');
    setup.setField('confirmPassword', 'other');
    expect(await setup.submit()).toBe(false);
    expect(rig.fake.callsOf('setup.initialise')).toEqual([]);
    expect(setup.errors.get('siteId')).toMatch(/^Site identifier must be 2-32 characters/);
    expect(setup.errors.get('siteName')).toBe('Site name is required');
    expect(setup.errors.get('systemHigh')).toBe('Choose the system-high level');
    expect(setup.errors.get('admin.username')).toMatch(/^Administrator user name must be/);
    expect(setup.errors.get('admin.password')).toBe('Administrator password must be at least 15 characters');
    expect(setup.errors.get('confirmPassword')).toBe('Confirm administrator password must be the same as the password');
    expect(setup.errorList.map((e) => e.field)).toEqual(['siteId', 'siteName', 'systemHigh', 'admin.username', 'admin.displayName', 'admin.password', 'confirmPassword']);
    expect(setup.refusedSaves).toBe(1);
  });

  it('shows the core’s field issues next to the fields', async () => {
    const rig = await loadedRig({ configured: false });
    fillValid(rig);
    rig.fake.failNext('setup.initialise', { code: 'INVALID_INPUT', message: 'invalid', issues: [{ path: ['admin', 'username'], message: 'is reserved' }] });
    expect(await rig.root.setup.submit()).toBe(false);
    expect(rig.root.setup.errors.get('admin.username')).toBe('Administrator user name is reserved');
  });

  it('sets up the site, then asks for consent and offers sign-in as the new administrator', async () => {
    const rig = await loadedRig({ configured: false });
    const { root } = rig;
    fillValid(rig);
    expect(await root.setup.submit()).toBe(true);
    expect(rig.fake.callsOf('setup.initialise')).toEqual([
      { siteId: 'SITE-B', siteName: 'Bravo Facility', siteRole: 'site', systemHigh: 'SECRET', admin: { username: 'fso', displayName: 'Frances Officer', password: ADMIN_PASSWORD } },
    ]);
    expect(root.session.needsSetup).toBe(false);
    expect(root.session.info?.siteId).toBe('SITE-B');
    expect(root.session.consentAccepted).toBe(false);
    expect(root.session.username).toBe('fso');
    expect(root.session.notice).toMatch(/set up/);
    expect(root.setup.values['admin.password']).toBe('');

    root.session.acceptConsent();
    root.session.setField('password', ADMIN_PASSWORD);
    expect(await root.session.signIn()).toBe(true);
    expect(root.session.session?.roles).toEqual(['administrator', 'security_officer']);
    expect(root.ui.visibleSections.map((s) => s.key)).toEqual(expect.arrayContaining(['receipts', 'accounts', 'audit']));
  });
});
