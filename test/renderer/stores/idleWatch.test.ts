import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PASSWORD } from '../fakeApi.js';
import { signedInRig } from '../support.js';

const POLL_MS = 15_000;

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

function pollingRig(username?: 'custodian' | 'admin') {
  return signedInRig({ store: { statusPollMs: POLL_MS }, ...(username ? { username } : {}) });
}

describe('idle lock noticed by polling session.status', () => {
  it('switches to the unlock screen without a user action and keeps the unsaved form', async () => {
    const { root, fake } = await pollingRig();
    root.ui.navigate({ name: 'receiptNew' });
    root.receipts.form.openCreate();
    root.receipts.form.setText('unclassifiedTitle', 'Typed before the break');
    expect(root.idle.isRunning).toBe(true);

    await vi.advanceTimersByTimeAsync(POLL_MS);
    expect(root.session.locked).toBe(false);
    fake.lockSession();
    await vi.advanceTimersByTimeAsync(POLL_MS);
    expect(root.session.locked).toBe(true);
    expect(root.session.isActive).toBe(false);
    // Only status calls: the poll never counts as activity.
    expect(new Set(fake.calls.map((c) => c.method))).toEqual(new Set(['session.status']));
    // Locked: the poll waits for the password.
    expect(root.idle.isRunning).toBe(false);
    const polls = fake.callsOf('session.status').length;
    await vi.advanceTimersByTimeAsync(POLL_MS * 3);
    expect(fake.callsOf('session.status').length).toBe(polls);

    root.session.setField('password', PASSWORD);
    expect(await root.session.unlock()).toBe(true);
    expect(root.ui.route).toEqual({ name: 'receiptNew' });
    expect(root.receipts.form.values.unclassifiedTitle).toBe('Typed before the break');
    expect(root.idle.isRunning).toBe(true);
  });

  it('warns in minutes when under two minutes are left, and forgets the warning after activity', async () => {
    const { root, fake } = await pollingRig();
    fake.setIdleSecondsLeft(300);
    await vi.advanceTimersByTimeAsync(POLL_MS);
    expect(root.idle.secondsLeft).toBe(300);
    expect(root.idle.warningMinutes).toBeNull();
    fake.setIdleSecondsLeft(95);
    await vi.advanceTimersByTimeAsync(POLL_MS);
    expect(root.idle.warningMinutes).toBe(2);
    fake.setIdleSecondsLeft(20);
    await root.idle.check();
    expect(root.idle.warningMinutes).toBe(1);

    fake.setIdleSecondsLeft(900);
    await root.idle.keepAlive();
    expect(fake.callsOf('session.current')).toHaveLength(1);
    expect(root.idle.warningMinutes).toBeNull();
    fake.setIdleSecondsLeft(60);
    await root.idle.check();
    root.receipts.list.reload();
    await vi.advanceTimersByTimeAsync(0);
    expect(root.idle.secondsLeft).toBeNull();
  });

  it('asks again when asked while an answer is on its way (a focus during a poll)', async () => {
    // The poll's answer is given before the lock and held back: the window's focus comes meanwhile,
    // after the core has locked the session. Dropping that second question left the screen open
    // until the next poll.
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    let held = false;
    let holding = false;
    const { root, fake } = await signedInRig({
      wrap: (api) => ({
        ...api,
        'session.status': async (input) => {
          const answer = await api['session.status'](input);
          if (holding && !held) {
            held = true;
            await gate;
          }
          return answer;
        },
      }),
    });
    holding = true;
    const poll = root.idle.check();
    await vi.advanceTimersByTimeAsync(0);
    expect(held).toBe(true);
    fake.lockSession();
    const focus = root.idle.check();
    release();
    await vi.advanceTimersByTimeAsync(0);
    await Promise.all([poll, focus]);
    expect(fake.callsOf('session.status')).toHaveLength(2);
    expect(root.session.locked).toBe(true);
  });

  it('goes back to sign-in when the core no longer knows the session', async () => {
    const { root, fake } = await pollingRig();
    fake.state.session = null;
    await vi.advanceTimersByTimeAsync(POLL_MS);
    expect(root.session.isSignedIn).toBe(false);
    expect(root.session.notice).toMatch(/session has ended/);
    expect(root.idle.isRunning).toBe(false);
  });

  it('polls only while signed in; the interval is injectable', async () => {
    const { root, fake } = await pollingRig();
    expect(root.idle.intervalMs).toBe(POLL_MS);
    await root.session.signOut();
    expect(root.idle.isRunning).toBe(false);
    fake.calls.length = 0;
    await vi.advanceTimersByTimeAsync(POLL_MS * 4);
    expect(fake.calls).toEqual([]);
    root.dispose();
  });

  it('does not poll at all with statusPollMs null (checks only when asked)', async () => {
    const { root, fake } = await signedInRig();
    expect(root.idle.isRunning).toBe(false);
    await vi.advanceTimersByTimeAsync(POLL_MS * 2);
    expect(fake.callsOf('session.status')).toEqual([]);
    fake.lockSession();
    await root.idle.check();
    expect(root.session.locked).toBe(true);
  });
});

describe('typing counts as activity', () => {
  it('reports typing to the core at most once a minute, and never while locked', async () => {
    const { root, fake } = await pollingRig();
    root.idle.userActive(1_000);
    root.idle.userActive(30_000);
    await vi.advanceTimersByTimeAsync(0);
    expect(fake.callsOf('session.touch')).toHaveLength(1);
    root.idle.userActive(61_001);
    await vi.advanceTimersByTimeAsync(0);
    expect(fake.callsOf('session.touch')).toHaveLength(2);
    fake.lockSession();
    await root.idle.check();
    root.idle.userActive(200_000);
    await vi.advanceTimersByTimeAsync(0);
    expect(fake.callsOf('session.touch')).toHaveLength(2);
  });
});
