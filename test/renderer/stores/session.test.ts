import { describe, expect, it } from 'vitest';
import { PASSWORD } from '../fakeApi.js';
import { loadedRig, signedInRig } from '../support.js';

describe('SessionStore', () => {
  it('reads the site and system-high level before anyone signs in', async () => {
    const { root } = await loadedRig();
    expect(root.session.info?.siteName).toBe('Acme Secure Facility');
    expect(root.session.systemHigh).toBe('SECRET');
    expect(root.session.isSignedIn).toBe(false);
    expect(root.session.consentAccepted).toBe(false);
  });

  it('signs in with the typed credentials and forgets the password', async () => {
    const { root, fake } = await loadedRig();
    root.session.acceptConsent();
    root.session.setField('username', '  custodian ');
    root.session.setField('password', PASSWORD);
    expect(await root.session.signIn()).toBe(true);
    expect(fake.callsOf('session.signIn')).toEqual([{ username: 'custodian', password: PASSWORD }]);
    expect(root.session.session?.displayName).toBe('Casey Custodian');
    expect(root.session.password).toBe('');
    expect(root.session.isActive).toBe(true);
  });

  it('sends nothing when a field is empty and says which', async () => {
    const { root, fake } = await loadedRig();
    root.session.setField('username', 'custodian');
    expect(await root.session.signIn()).toBe(false);
    expect(fake.callsOf('session.signIn')).toEqual([]);
    expect(root.session.fieldErrors.get('password')).toBe('is required');
  });

  it('shows the core’s refusal of wrong credentials', async () => {
    const { root } = await loadedRig();
    root.session.setField('username', 'custodian');
    root.session.setField('password', 'wrong password, long enough');
    expect(await root.session.signIn()).toBe(false);
    expect(root.session.signInError).toBe('Sign-in failed: user name or password is wrong');
    expect(root.session.isSignedIn).toBe(false);
  });

  it('signs out: the notice must be accepted again and the user’s state is dropped', async () => {
    const { root } = await signedInRig();
    root.receipts.form.openCreate();
    root.receipts.form.setText('controlNumber', 'CN-9');
    await root.session.signOut();
    expect(root.session.isSignedIn).toBe(false);
    expect(root.session.consentAccepted).toBe(false);
    expect(root.receipts.form.mode).toBeNull();
  });

  it('goes back to sign-in when the core no longer knows the session, keeping unsaved entries', async () => {
    const { root, fake } = await signedInRig();
    root.receipts.form.openCreate();
    root.receipts.form.setText('controlNumber', 'CN-KEEP');
    fake.failNext('receipts.list', { code: 'UNAUTHENTICATED', message: 'session ended' });
    root.receipts.list.reload();
    await new Promise((r) => setTimeout(r, 0));
    expect(root.session.isSignedIn).toBe(false);
    expect(root.session.notice).toMatch(/session has ended/);
    expect(root.receipts.form.values.controlNumber).toBe('CN-KEEP');
  });

  it('locks on SESSION_LOCKED and unlocks with the password, keeping the screen as it was', async () => {
    const { root, fake } = await signedInRig();
    root.ui.navigate({ name: 'receiptNew' });
    root.receipts.form.openCreate();
    root.receipts.form.setText('unclassifiedTitle', 'Half-typed title');
    fake.failNext('receipts.list', { code: 'SESSION_LOCKED', message: 'locked after idle time' });
    root.receipts.list.reload();
    await new Promise((r) => setTimeout(r, 0));
    expect(root.session.locked).toBe(true);
    expect(root.session.isActive).toBe(false);
    fake.failNext('session.unlock', { code: 'UNAUTHENTICATED', message: 'wrong password' });
    root.session.setField('password', 'not it at all, sorry');
    expect(await root.session.unlock()).toBe(false);
    expect(root.session.signInError).toBe('Unlock failed: wrong password');
    expect(root.session.isSignedIn).toBe(true);
    root.session.setField('password', PASSWORD);
    expect(await root.session.unlock()).toBe(true);
    expect(root.session.isActive).toBe(true);
    expect(root.ui.route).toEqual({ name: 'receiptNew' });
    expect(root.receipts.form.values.unclassifiedTitle).toBe('Half-typed title');
  });
});
