import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Connection } from '../../../electron/node/core.js';
import type { User } from '../../../electron/common/site.js';
import type { TestSite } from '../support/testSite.js';
import { PASSWORD, makeTestSite } from '../support/testSite.js';

let site: TestSite;
let admin: Connection;
let users: Record<string, User>;
beforeEach(async () => {
  site = await makeTestSite();
  admin = await site.connect('admin');
  users = Object.fromEntries((await site.must(admin, 'users.list', {})).map((u) => [u.username, u]));
});
afterEach(() => site.close());

describe('account administration', () => {
  it('creates accounts only with a STIG-conformant password, and refuses a taken name', async () => {
    const weak: [string, RegExp][] = [
      ['Short1!', /15 characters/],
      ['all lower case passw0rd!', /upper-case/],
      ['ALL UPPER CASE PASSW0RD!', /lower-case/],
      ['No digits in this password!', /digit/],
      ['NoSpecialCharacters1234', /special/],
    ];
    for (const [password, message] of weak) {
      const result = await site.call(admin, 'users.create', { username: 'newbie', displayName: 'N', roles: ['custodian'], password });
      expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', issues: [{ path: ['password'], message: expect.stringMatching(message) }] } });
    }
    expect(await site.call(admin, 'users.create', { username: 'clerk', displayName: 'C', roles: ['custodian'], password: PASSWORD })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', issues: [{ path: ['username'] }] },
    });
  });

  it('changes roles with effect on the next call of a signed-in user, and audits the change', async () => {
    const clerk = await site.connect('clerk');
    expect((await site.call(clerk, 'journal.verify', {})).ok).toBe(false);
    await site.must(admin, 'users.setRoles', { userId: users.clerk!.id, roles: ['custodian', 'auditor'], reason: 'now also audits' });
    expect((await site.call(clerk, 'journal.verify', {})).ok).toBe(true);
    const entry = site.db.prepare("SELECT data FROM journal WHERE action = 'set_roles'").get() as { data: string };
    expect(JSON.parse(entry.data)).toMatchObject({ previousRoles: ['custodian'], reason: 'now also audits', securityRelevant: true });
  });

  it('disables and re-enables an account; a disabled account cannot sign in', async () => {
    await site.must(admin, 'users.disable', { userId: users.clerk!.id, reason: 'left the company' });
    expect(await site.call({ session: null, workstation: 'w' }, 'session.signIn', { username: 'clerk', password: PASSWORD })).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED', message: expect.stringMatching(/disabled/) },
    });
    await site.must(admin, 'users.enable', { userId: users.clerk!.id, reason: 'returned' });
    await site.connect('clerk');
  });

  it('never removes the last enabled administrator, nor lets one disable their own account', async () => {
    // 'admin' and 'sysadmin' are administrators: the first can go, the second then cannot.
    expect(await site.call(admin, 'users.disable', { userId: users.admin!.id, reason: 'x' })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringMatching(/own account/) } });
    await site.must(admin, 'users.setRoles', { userId: users.sysadmin!.id, roles: ['auditor'], reason: 'moved' });
    expect(await site.call(admin, 'users.setRoles', { userId: users.admin!.id, roles: ['security_officer'], reason: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringMatching(/last enabled administrator/) },
    });
  });

  it('a reset password must be changed before anything else, and not to a recent one', async () => {
    await site.must(admin, 'users.resetPassword', { userId: users.clerk!.id, temporaryPassword: 'Temporary passw0rd!!', reason: 'forgotten' });
    const conn: Connection = { session: null, workstation: 'w' };
    const session = await site.must(conn, 'session.signIn', { username: 'clerk', password: 'Temporary passw0rd!!' });
    expect(session.mustChangePassword).toBe(true);
    expect(await site.call(conn, 'receipts.list', {})).toMatchObject({ ok: false, error: { code: 'PASSWORD_CHANGE_REQUIRED' } });
    expect(await site.call(conn, 'session.changePassword', { currentPassword: 'Temporary passw0rd!!', newPassword: PASSWORD })).toMatchObject({
      ok: false,
      error: { issues: [{ path: ['newPassword'], message: expect.stringMatching(/last 5/) }] },
    });
    await site.must(conn, 'session.changePassword', { currentPassword: 'Temporary passw0rd!!', newPassword: 'Brand new passw0rd!!' });
    expect((await site.call(conn, 'receipts.list', {})).ok).toBe(true);
  });

  it('a user changes their own password with the current one', async () => {
    const clerk = await site.connect('clerk');
    expect(await site.call(clerk, 'session.changePassword', { currentPassword: 'Wrong passw0rd 1!', newPassword: 'Brand new passw0rd!!' })).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    });
    await site.must(clerk, 'session.changePassword', { currentPassword: PASSWORD, newPassword: 'Brand new passw0rd!!' });
    await site.must({ session: null, workstation: 'w' }, 'session.signIn', { username: 'clerk', password: 'Brand new passw0rd!!' });
  });
});
