import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Connection } from '../../../electron/node/core.js';
import type { TestSite } from '../support/testSite.js';
import { PASSWORD, makeTestSite } from '../support/testSite.js';

let site: TestSite;
beforeEach(async () => {
  site = await makeTestSite();
});
afterEach(() => site.close());

const fresh = (): Connection => ({ session: null, workstation: 'ws-7' });
const signIn = (username: string, password: string, conn = fresh()) => site.call(conn, 'session.signIn', { username, password });
const minutes = (n: number) => site.clock.advance(n * 60_000);
const userRow = (name: string) => site.db.prepare('SELECT locked FROM users WHERE username = ?').get(name) as { locked: number };

describe('account lockout after failed sign-ins (STIG: 3 within 15 minutes)', () => {
  it('locks on the third failure within the window; the right password no longer works', async () => {
    expect(await signIn('clerk', 'Wrong passw0rd one!')).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    minutes(5);
    expect(await signIn('clerk', 'Wrong passw0rd two!')).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    minutes(5);
    expect(await signIn('clerk', 'Wrong passw0rd three!')).toMatchObject({ ok: false, error: { code: 'ACCOUNT_LOCKED' } });
    expect(userRow('clerk').locked).toBe(1);
    expect(await signIn('clerk', PASSWORD)).toMatchObject({ ok: false, error: { code: 'ACCOUNT_LOCKED' } });
    minutes(24 * 60);
    expect(await signIn('clerk', PASSWORD)).toMatchObject({ ok: false, error: { code: 'ACCOUNT_LOCKED' } });
  });

  it('does not count failures older than the window', async () => {
    await signIn('clerk', 'Wrong passw0rd one!');
    await signIn('clerk', 'Wrong passw0rd two!');
    minutes(16);
    expect(await signIn('clerk', 'Wrong passw0rd three!')).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(userRow('clerk').locked).toBe(0);
  });

  it('starts counting again after a successful sign-in', async () => {
    await signIn('clerk', 'Wrong passw0rd one!');
    await signIn('clerk', 'Wrong passw0rd two!');
    expect((await signIn('clerk', PASSWORD)).ok).toBe(true);
    expect(await signIn('clerk', 'Wrong passw0rd three!')).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
    expect(userRow('clerk').locked).toBe(0);
  });

  it('an administrator unlocks it, and the unlock is audited with a reason', async () => {
    for (const p of ['Wrong passw0rd 1!', 'Wrong passw0rd 2!', 'Wrong passw0rd 3!']) await signIn('clerk', p);
    const admin = await site.connect('admin');
    const clerk = (await site.must(admin, 'users.list', {})).find((u) => u.username === 'clerk')!;
    expect(clerk.locked).toBe(true);
    expect(await site.must(admin, 'users.unlock', { userId: clerk.id, reason: 'verified identity by phone' })).toMatchObject({ locked: false });
    expect((await signIn('clerk', PASSWORD)).ok).toBe(true);
    const actions = (site.db.prepare('SELECT action FROM journal WHERE entity_id = ? ORDER BY seq').all(clerk.id) as { action: string }[]).map((r) => r.action);
    expect(actions).toEqual([
      ...['create', 'sign_in', 'password_change', 'sign_out'], // first sign-in with the temporary password
      ...['sign_in_failed', 'sign_in_failed', 'sign_in_failed', 'lock', 'unlock', 'sign_in'],
    ]);
  });

  it('unlocks by itself after the configured period when a site chooses so', async () => {
    const officer = await site.connect('officer');
    await site.must(officer, 'settings.update', { changes: { autoUnlockMinutes: 30 }, reason: 'site policy' });
    for (const p of ['Wrong passw0rd 1!', 'Wrong passw0rd 2!', 'Wrong passw0rd 3!']) await signIn('clerk', p);
    minutes(29);
    expect(await signIn('clerk', PASSWORD)).toMatchObject({ ok: false, error: { code: 'ACCOUNT_LOCKED' } });
    minutes(2);
    expect((await signIn('clerk', PASSWORD)).ok).toBe(true);
  });

  it('refuses policy looser than the STIG', async () => {
    const officer = await site.connect('officer');
    for (const changes of [{ maxFailedSignIns: 5 }, { idleLockMinutes: 30 }, { idleLockMinutesAdmin: 15 }, { failedSignInWindowMinutes: 5 }]) {
      expect(await site.call(officer, 'settings.update', { changes, reason: 'x' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    }
  });
});

describe('idle lock (15 minutes, 10 for administrators)', () => {
  it('locks a custodian after 15 idle minutes and unlocks with the password, same session', async () => {
    const clerk = await site.connect('clerk');
    const sessionId = clerk.session!.id;
    minutes(15);
    expect((await site.call(clerk, 'receipts.list', {})).ok).toBe(true); // exactly 15: not yet
    minutes(15);
    minutes(0.1);
    expect(await site.call(clerk, 'session.status', {})).toMatchObject({ ok: true, value: { signedIn: true, locked: true } });
    expect(await site.call(clerk, 'receipts.list', {})).toMatchObject({ ok: false, error: { code: 'SESSION_LOCKED' } });
    expect(await site.call(clerk, 'session.unlock', { password: 'Wrong passw0rd 1!' })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect((await site.must(clerk, 'session.unlock', { password: PASSWORD })).id).toBe(sessionId);
    expect((await site.call(clerk, 'receipts.list', {})).ok).toBe(true);
  });

  it('locks an administrator after 10 minutes', async () => {
    const admin = await site.connect('sysadmin');
    minutes(10.5);
    expect(await site.call(admin, 'users.list', {})).toMatchObject({ ok: false, error: { code: 'SESSION_LOCKED' } });
  });

  it('polling the status does not count as activity', async () => {
    const clerk = await site.connect('clerk');
    for (let i = 0; i < 3; i++) {
      minutes(4);
      expect((await site.must(clerk, 'session.status', {})).locked).toBe(false);
    }
    expect((await site.must(clerk, 'session.status', {})).idleSecondsLeft).toBe(180);
    minutes(3.5);
    expect((await site.must(clerk, 'session.status', {})).locked).toBe(true);
  });

  it('session.touch (typing in a form) counts as activity', async () => {
    const clerk = await site.connect('clerk');
    minutes(14);
    expect((await site.must(clerk, 'session.touch', {})).idleSecondsLeft).toBe(900);
    minutes(14);
    expect((await site.must(clerk, 'session.status', {})).locked).toBe(false);
  });

  it('failed unlocks count towards the lockout and end the session when it locks', async () => {
    const clerk = await site.connect('clerk');
    minutes(16);
    await site.call(clerk, 'session.unlock', { password: 'Wrong passw0rd 1!' });
    await site.call(clerk, 'session.unlock', { password: 'Wrong passw0rd 2!' });
    expect(await site.call(clerk, 'session.unlock', { password: 'Wrong passw0rd 3!' })).toMatchObject({ ok: false, error: { code: 'ACCOUNT_LOCKED' } });
    expect(clerk.session).toBeNull();
  });

  it('another user signing in at a locked window ends the first session', async () => {
    const conn = await site.connect('clerk');
    minutes(16);
    await site.must(conn, 'session.signIn', { username: 'officer', password: PASSWORD });
    expect(conn.session?.username).toBe('officer');
    const ends = site.db.prepare("SELECT count(*) AS n FROM journal WHERE action = 'session_end' AND actor = 'clerk'").get() as { n: number };
    expect(ends.n).toBe(1);
  });
});
