import { describe, expect, it } from 'vitest';
import { PASSWORD } from '../fakeApi.js';
import { signedInRig } from '../support.js';
import type { RootStore } from '../../../renderer/src/stores/RootStore.js';

/** The sections this issue decides (others, such as visits, come and go with their own work). */
function mySections(root: RootStore): string[] {
  return root.ui.visibleSections.map((s) => s.key).filter((k) => ['receipts', 'accounts', 'audit'].includes(k));
}

const TEMPORARY = 'Temporary-Passphrase-42';

async function adminRig() {
  const rig = await signedInRig({ username: 'admin' });
  await rig.root.accounts.load();
  const byName = (name: string) => {
    const user = rig.root.accounts.users.find((u) => u.username === name);
    if (!user) throw new Error(`no ${name}`);
    return user;
  };
  return { ...rig, byName };
}

describe('account administration', () => {
  it('lists the accounts with roles and status', async () => {
    const { root } = await adminRig();
    expect(root.accounts.users.map((u) => [u.username, u.roles.join('+'), u.disabled, u.locked])).toEqual([
      ['admin', 'administrator+security_officer', false, false],
      ['auditor', 'auditor', false, false],
      ['custodian', 'custodian', false, false],
    ]);
    expect(mySections(root)).toEqual(['receipts', 'accounts', 'audit']);
  });

  it('asks for a reason before sending anything, then unlocks a locked account', async () => {
    const { root, fake, byName } = await adminRig();
    fake.users.set('U1', { ...byName('custodian'), locked: true, lockedAt: '2026-03-10T11:00:00.000Z' });
    await root.accounts.load();
    root.accounts.startAction('unlock', byName('custodian'));
    expect(await root.accounts.submitAction()).toBe(false);
    expect(fake.callsOf('users.unlock')).toEqual([]);
    expect(root.accounts.actionErrors.get('reason')).toBe('Reason for the change is required');

    root.accounts.setValue('reason', '  ');
    expect(await root.accounts.submitAction()).toBe(false);
    expect(fake.callsOf('users.unlock')).toEqual([]);

    root.accounts.setValue('reason', 'Identity confirmed by phone');
    expect(await root.accounts.submitAction()).toBe(true);
    expect(fake.callsOf('users.unlock')).toEqual([{ userId: 'U1', reason: 'Identity confirmed by phone' }]);
    expect(byName('custodian').locked).toBe(false);
    expect(root.accounts.action).toBeNull();
    expect(root.ui.toasts.at(-1)?.message).toBe('Account custodian: unlocked.');
  });

  it('shows the core’s refusal clearly: the last enabled administrator keeps the role', async () => {
    const { root, fake, byName } = await adminRig();
    root.accounts.startAction('roles', byName('admin'));
    expect(root.accounts.values.roles).toEqual(['administrator', 'security_officer']);
    root.accounts.setRole('administrator', false);
    root.accounts.setValue('reason', 'Splitting duties');
    expect(await root.accounts.submitAction()).toBe(false);
    expect(fake.callsOf('users.setRoles')).toHaveLength(1);
    expect(root.accounts.actionError).toBe('The change was refused: cannot remove the administrator role: admin is the last enabled administrator.');
    expect(byName('admin').roles).toContain('administrator');

    root.accounts.setRole('security_officer', false);
    expect(await root.accounts.submitAction()).toBe(false);
    expect(root.accounts.actionErrors.get('roles')).toBe('Give the account at least one role');
    expect(fake.callsOf('users.setRoles')).toHaveLength(1);
  });

  it('follows a change of one’s own roles at once: the menu and the screen', async () => {
    const { root, fake, byName } = await adminRig();
    fake.users.set('U2', { ...byName('auditor'), roles: ['auditor', 'administrator'] });
    root.ui.navigate({ name: 'accounts' });
    root.accounts.startAction('roles', byName('admin'));
    root.accounts.setRole('administrator', false);
    root.accounts.setValue('reason', 'Handing over administration');
    expect(await root.accounts.submitAction()).toBe(true);
    expect(root.session.session?.roles).toEqual(['security_officer']);
    expect(mySections(root)).toEqual(['receipts', 'audit']);
    expect(root.ui.route).toEqual({ name: 'dashboard' });
  });

  it('takes roles changed elsewhere from the idle poll’s session', async () => {
    const { root, fake } = await adminRig();
    root.ui.navigate({ name: 'accounts' });
    const current = fake.state.session;
    if (current) fake.state.session = { ...current, roles: ['security_officer'] };
    await root.idle.check();
    expect(mySections(root)).toEqual(['receipts', 'audit']);
    expect(root.ui.route).toEqual({ name: 'dashboard' });
  });

  it('does not offer to disable one’s own account; disables and enables another', async () => {
    const { root, fake, byName } = await adminRig();
    const { availableAccountActions } = await import('../../../renderer/src/stores/accountActions.js');
    expect(availableAccountActions(byName('admin'), 'U0')).toEqual(['roles', 'reset']);
    expect(availableAccountActions(byName('custodian'), 'U0')).toEqual(['roles', 'disable', 'reset']);

    root.accounts.startAction('disable', byName('auditor'));
    root.accounts.setValue('reason', 'Left the company');
    expect(await root.accounts.submitAction()).toBe(true);
    expect(byName('auditor').disabled).toBe(true);
    expect(availableAccountActions(byName('auditor'), 'U0')).toEqual(['roles', 'enable', 'reset']);

    root.accounts.startAction('disable', byName('auditor'));
    root.accounts.setValue('reason', 'Again');
    expect(await root.accounts.submitAction()).toBe(false);
    expect(root.accounts.actionError).toBe('The change was refused: auditor is already disabled.');
    expect(fake.callsOf('users.disable')).toHaveLength(2);
  });

  it('resets a password to a temporary one typed twice', async () => {
    const { root, fake, byName } = await adminRig();
    root.accounts.startAction('reset', byName('custodian'));
    root.accounts.setValue('reason', 'Forgot it');
    root.accounts.setValue('temporaryPassword', 'weak');
    root.accounts.setValue('confirmPassword', 'other');
    expect(await root.accounts.submitAction()).toBe(false);
    expect(root.accounts.actionErrors.get('temporaryPassword')).toBe('Temporary password must be at least 15 characters');
    expect(root.accounts.actionErrors.get('confirmPassword')).toBe('Confirm temporary password must be the same as the temporary password');
    root.accounts.setValue('temporaryPassword', TEMPORARY);
    root.accounts.setValue('confirmPassword', TEMPORARY);
    expect(await root.accounts.submitAction()).toBe(true);
    expect(fake.callsOf('users.resetPassword')).toEqual([{ userId: 'U1', reason: 'Forgot it', temporaryPassword: TEMPORARY }]);
    expect(byName('custodian').mustChangePassword).toBe(true);
  });

  it('creates an account after checking it with users.create’s schema; a taken name shows on its field', async () => {
    const { root, fake } = await adminRig();
    const { create } = root.accounts;
    create.open();
    create.setField('username', 'New User');
    create.setField('password', 'alllowercaseletters');
    expect(await create.submit()).toBe(false);
    expect(fake.callsOf('users.create')).toEqual([]);
    expect(create.errorList.map((e) => e.field)).toEqual(['username', 'displayName', 'roles', 'password', 'confirmPassword']);
    expect(create.errors.get('roles')).toBe('Give the account at least one role');
    expect(create.errors.get('password')).toBe('Initial password must contain an upper-case letter');

    create.setField('username', 'auditor');
    create.setField('displayName', 'Second Auditor');
    create.setRole('auditor', true);
    create.setField('password', TEMPORARY);
    create.setField('confirmPassword', TEMPORARY);
    expect(await create.submit()).toBe(false);
    expect(create.errors.get('username')).toBe('User name is taken');

    create.setField('username', 'auditor2');
    expect(await create.submit()).toBe(true);
    expect(fake.callsOf('users.create').at(-1)).toEqual({ username: 'auditor2', displayName: 'Second Auditor', roles: ['auditor'], password: TEMPORARY });
    expect(root.accounts.users.map((u) => u.username)).toEqual(['admin', 'auditor', 'auditor2', 'custodian']);
    expect(create.isOpen).toBe(false);
    expect(create.values.password).toBe('');
  });

  it('hides Accounts and Audit from a custodian, whose direct calls the core refuses', async () => {
    const { root, fake } = await signedInRig();
    expect(mySections(root)).toEqual(['receipts']);
    await root.accounts.load();
    expect(root.accounts.error).toMatch(/^Your role does not allow this/);
    expect((await fake.api['users.list']({})).ok).toBe(false);
    root.ui.navigate({ name: 'audit' });
    expect(root.ui.routeAllowed).toBe(false);
  });

  it('lands an administrator without record roles on the dashboard, with Accounts as the only section of this issue', async () => {
    const { root, fake } = await adminRig();
    const admin = root.accounts.users.find((u) => u.username === 'admin');
    if (admin) fake.users.set(admin.id, { ...admin, roles: ['administrator'] });
    await root.session.signOut();
    root.session.acceptConsent();
    root.session.setField('username', 'admin');
    root.session.setField('password', PASSWORD);
    expect(await root.session.signIn()).toBe(true);
    expect(root.ui.route).toEqual({ name: 'dashboard' });
    expect(mySections(root)).toEqual(['accounts']);
  });
});
