import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { METHOD_NAMES, contract } from '../../../electron/common/contract/index.js';
import { ROLES } from '../../../electron/common/roles.js';
import type { Connection } from '../../../electron/node/core.js';
import { createCore } from '../../../electron/node/core.js';
import { ManualClock } from '../../../electron/node/clock.js';
import { openDb } from '../../../db/open.js';
import type { TestSite } from '../support/testSite.js';
import { PASSWORD, dumpDb, makeTestSite } from '../support/testSite.js';
import { outgoingFgiDraft } from '../support/receiptFixtures.js';

let site: TestSite;
beforeAll(async () => {
  site = await makeTestSite();
});
afterAll(() => site.close());

const anonymous = (): Connection => ({ session: null, workstation: 'ws' });

describe('dispatch', () => {
  it('refuses an unknown method without throwing', async () => {
    expect(await site.core.dispatch(anonymous(), 'receipts.drop', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    expect(await site.core.dispatch(anonymous(), '__proto__', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    expect(await site.core.dispatch(anonymous(), 'toString', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
  });

  it('answers NOT_CONFIGURED on a database that was never set up', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ledger-empty-'));
    const core = createCore({ db: openDb(join(dir, 'x.sqlite')), clock: new ManualClock(new Date()), appVersion: 't' });
    expect(await core.dispatch(anonymous(), 'system.info', {})).toMatchObject({ ok: false, error: { code: 'NOT_CONFIGURED' } });
    core.close();
    rmSync(dir, { recursive: true });
  });

  it('lets anyone read the system info (the banner needs it before sign-in)', async () => {
    const result = await site.core.dispatch(anonymous(), 'system.info', {});
    expect(result).toMatchObject({ ok: true, value: { siteId: 'SITE-A', systemHigh: 'SECRET', today: '2026-03-02' } });
  });

  it('requires a session for everything else', async () => {
    expect(await site.core.dispatch(anonymous(), 'receipts.list', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('returns INVALID_INPUT with field paths, and stores nothing', async () => {
    const clerk = await site.connect('clerk');
    const before = dumpDb(site.db);
    const result = await site.core.dispatch(clerk, 'receipts.create', { ...outgoingFgiDraft(), controlNumber: '', sender: { organisation: 42 } });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('INVALID_INPUT');
    expect(result.error.issues).toEqual(
      expect.arrayContaining([
        { path: ['controlNumber'], message: 'is required' },
        { path: ['sender', 'organisation'], message: expect.stringMatching(/string/) },
      ]),
    );
    expect(dumpDb(site.db)).toBe(before);
  });

  it('refuses unknown fields instead of silently dropping them', async () => {
    const clerk = await site.connect('clerk');
    const result = await site.core.dispatch(clerk, 'receipts.create', { ...outgoingFgiDraft(), secretField: 'x' });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', issues: [{ message: 'unknown field: secretField' }] } });
  });

  it('reports a failure inside a handler as INTERNAL, logs it, and does not throw', async () => {
    const clerk = await site.connect('clerk');
    site.db.exec('ALTER TABLE receipts RENAME TO receipts_away');
    try {
      const result = await site.core.dispatch(clerk, 'receipts.list', {});
      expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
      expect(site.errors.length).toBeGreaterThan(0);
    } finally {
      site.db.exec('ALTER TABLE receipts_away RENAME TO receipts');
    }
  });

  it('ends the session of an account disabled meanwhile', async () => {
    const clerk = await site.connect('clerk');
    site.db.prepare("UPDATE users SET disabled = 1 WHERE username = 'clerk'").run();
    try {
      expect(await site.core.dispatch(clerk, 'receipts.list', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
      expect(clerk.session).toBeNull();
      expect(await site.core.dispatch(anonymous(), 'session.signIn', { username: 'clerk', password: PASSWORD })).toMatchObject({
        ok: false,
        error: { code: 'UNAUTHENTICATED', message: expect.stringMatching(/disabled/) },
      });
    } finally {
      site.db.prepare("UPDATE users SET disabled = 0 WHERE username = 'clerk'").run();
    }
  });
});

describe('sign-in', () => {
  it('gives the same answer for an unknown user and a wrong password, and audits both', async () => {
    const a = await site.core.dispatch(anonymous(), 'session.signIn', { username: 'nobody', password: 'x' });
    const b = await site.core.dispatch(anonymous(), 'session.signIn', { username: 'clerk', password: 'wrong password here' });
    expect(a).toEqual(b);
    expect(a).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    const failures = site.db.prepare("SELECT data FROM journal WHERE action = 'sign_in_failed'").all() as { data: string }[];
    expect(failures.map((f) => (JSON.parse(f.data) as { reason: string }).reason)).toEqual(expect.arrayContaining(['unknown user', 'wrong password']));
  });

  it('audits sign-in and sign-out with the workstation', async () => {
    const conn = await site.connect('auditor');
    await site.must(conn, 'session.signOut', {});
    expect(conn.session).toBeNull();
    const last = site.db.prepare("SELECT actor, action, data FROM journal WHERE kind = 'session' ORDER BY at DESC, seq DESC LIMIT 1").get() as {
      actor: string;
      action: string;
      data: string;
    };
    expect(last).toMatchObject({ actor: 'auditor', action: 'sign_out' });
    expect(JSON.parse(last.data)).toMatchObject({ workstation: 'test-ws' });
  });

  it('never returns or journals a password hash', async () => {
    const admin = await site.connect('admin');
    const users = await site.must(admin, 'users.list', {});
    expect(JSON.stringify(users)).not.toMatch(/pbkdf2/);
    const journal = site.db.prepare('SELECT data FROM journal').all() as { data: string }[];
    expect(journal.some((row) => row.data.includes('pbkdf2') || row.data.includes(PASSWORD))).toBe(false);
  });
});

describe('role matrix (derived from the contract)', () => {
  // Every method x every role: FORBIDDEN exactly when the contract does not list the role.
  // A new method cannot ship without its access being decided and checked here.
  const cases = METHOD_NAMES.flatMap((method) => ROLES.map((role) => [method, role] as const));
  it.each(cases)('%s as %s', async (method, role) => {
    const conn: Connection = await site.connect(
      { administrator: 'sysadmin', security_officer: 'officer', custodian: 'clerk', auditor: 'auditor', hq_analyst: 'analyst' }[role],
    );
    const access = contract[method].access;
    const allowed = access === 'anyone' || access === 'signed-in' || access.includes(role);
    const result = await site.core.dispatch(conn, method, {});
    if (allowed) expect(result.ok || result.error.code !== 'FORBIDDEN').toBe(true);
    else expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

describe('endConnection', () => {
  it('records the end of the session when a window closes', async () => {
    const conn = await site.connect('auditor');
    site.core.endConnection(conn);
    expect(conn.session).toBeNull();
    const last = site.db.prepare("SELECT actor, action FROM journal ORDER BY ord DESC LIMIT 1").get();
    expect(last).toEqual({ actor: 'auditor', action: 'session_end' });
    site.core.endConnection(conn); // nothing more to end: no entry, no error
    expect(site.db.prepare("SELECT action FROM journal ORDER BY ord DESC LIMIT 1").get()).toEqual({ action: 'session_end' });
  });
});
