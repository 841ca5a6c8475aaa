// The fake api's site, sessions, accounts, audit trail and setup: enough of the core's rules for
// the renderer's tests to be honest (roles from the contract, the idle lock refusing calls, the
// last administrator, audited reads that move the trail unless a snapshot is given).
import type { MethodName, MethodOutput, MethodParsedInput } from '../../electron/common/contract/index.js';
import type { AuditRecord } from '../../electron/common/contract/audit.js';
import type { JournalEntry, JournalKind, VerifyReport } from '../../electron/common/journal.js';
import type { Role } from '../../electron/common/roles.js';
import type { Result } from '../../electron/common/result.js';
import { fail, ok } from '../../electron/common/result.js';
import type { SiteConfig, User } from '../../electron/common/site.js';
import { DEFAULT_SETTINGS } from '../../electron/common/site.js';

export type Handlers = { [M in MethodName]?: (input: MethodParsedInput<M>) => Result<MethodOutput<M>> };
export type Session = MethodOutput<'session.current'>;

export const TODAY = '2026-03-10';
export const NOW = `${TODAY}T12:00:00.000Z`;
export const PASSWORD = 'correct horse battery staple';
const HASH = '0'.repeat(96);
const WORKSTATION = 'ws-1';

export interface FakeState {
  site: SiteConfig | null;
  session: Session | null;
  /** Locked after idle time, as the core would decide; only a few calls pass. */
  locked: boolean;
  idleSecondsLeft: number;
  users: Map<string, User>;
  passwords: Map<string, string>;
  failedSignIns: Map<string, number>;
  journal: JournalEntry[];
  verifyReport: VerifyReport | null;
  newId(): string;
}

function user(id: string, username: string, displayName: string, roles: Role[]): User {
  return { id, username, displayName, roles, disabled: false, locked: false, lockedAt: null, mustChangePassword: false, createdAt: NOW };
}

/** admin, custodian and auditor, all with PASSWORD. */
export function seedUsers(state: FakeState): void {
  for (const u of [
    user('U0', 'admin', 'Ada Admin', ['administrator', 'security_officer']),
    user('U1', 'custodian', 'Casey Custodian', ['custodian']),
    user('U2', 'auditor', 'Audrey Auditor', ['auditor']),
  ]) {
    state.users.set(u.id, u);
    state.passwords.set(u.id, PASSWORD);
  }
}

export function recordEntry(state: FakeState, kind: JournalKind, entityId: string, action: string, data: Record<string, unknown>, at = NOW): JournalEntry {
  const entry: JournalEntry = {
    siteId: state.site?.siteId ?? 'SITE-A',
    seq: state.journal.length + 1,
    id: state.newId(),
    at,
    actor: state.session?.username ?? 'system',
    kind,
    entityId,
    action,
    data: { ...data, workstation: WORKSTATION },
    prevHash: HASH,
    hash: HASH,
  };
  state.journal.push(entry);
  return entry;
}

function toAuditRecord(entry: JournalEntry): AuditRecord {
  const data = entry.data as { workstation?: unknown; outcome?: unknown };
  return { ...entry, workstation: typeof data.workstation === 'string' ? data.workstation : '', outcome: typeof data.outcome === 'string' ? data.outcome : 'success' };
}

type AuditQuery = MethodParsedInput<'audit.exportCsv'>;

function matching(state: FakeState, q: AuditQuery): JournalEntry[] {
  const upTo = q.snapshot ?? state.journal.length;
  return state.journal
    .slice(0, upTo)
    .filter((e) => (!q.actor || e.actor === q.actor) && (!q.kind || e.kind === q.kind) && (!q.action || e.action === q.action))
    .filter((e) => (!q.from || e.at.slice(0, 10) >= q.from) && (!q.to || e.at.slice(0, 10) <= q.to))
    .reverse();
}

export function accountHandlers(state: FakeState): Handlers {
  const conflict = (message: string) => fail<never>({ code: 'CONFLICT', message });
  const find = (id: string) => state.users.get(id);
  const enabledAdmins = () => [...state.users.values()].filter((u) => !u.disabled && u.roles.includes('administrator'));
  const change = (u: User, patch: Partial<User>, action: string, reason: string) => {
    const next = { ...u, ...patch };
    state.users.set(u.id, next);
    recordEntry(state, 'user', u.id, action, { record: next, reason });
    return ok(next);
  };
  const notFound = () => fail<never>({ code: 'NOT_FOUND', message: 'no such user' });

  return {
    'system.info': () => {
      const site = state.site;
      if (!site) return fail({ code: 'NOT_CONFIGURED', message: 'not set up' });
      return ok({ ...site, appVersion: '0.1.0', schemaVersion: 1, now: NOW, today: TODAY });
    },
    'setup.initialise': (input) => {
      if (state.site) return conflict('this installation is already set up');
      const { admin, ...site } = input;
      state.site = site;
      const first = user(state.newId(), admin.username, admin.displayName, ['administrator', 'security_officer']);
      state.users.set(first.id, first);
      state.passwords.set(first.id, admin.password);
      recordEntry(state, 'site', site.siteId, 'init', { record: site });
      return ok(site);
    },
    'session.signIn': ({ username, password }) => {
      const u = [...state.users.values()].find((x) => x.username === username);
      if (u?.locked) return fail({ code: 'ACCOUNT_LOCKED', message: 'this account is locked' });
      if (!u || state.passwords.get(u.id) !== password || u.disabled) {
        if (u) {
          const failures = (state.failedSignIns.get(u.id) ?? 0) + 1;
          state.failedSignIns.set(u.id, failures);
          recordEntry(state, 'session', u.id, 'sign_in_failed', { username, outcome: 'failure' });
          if (failures >= 3) {
            state.users.set(u.id, { ...u, locked: true, lockedAt: NOW });
            return fail({ code: 'ACCOUNT_LOCKED', message: 'user name or password is wrong; this account is locked' });
          }
        }
        return fail({ code: 'UNAUTHENTICATED', message: 'user name or password is wrong' });
      }
      state.failedSignIns.delete(u.id);
      state.session = { id: `S-${u.id}`, userId: u.id, username, displayName: u.displayName, roles: u.roles, workstation: WORKSTATION, startedAt: NOW, mustChangePassword: u.mustChangePassword };
      state.locked = false;
      recordEntry(state, 'session', u.id, 'sign_in', { outcome: 'success' });
      return ok(state.session);
    },
    'session.signOut': () => {
      if (state.session) recordEntry(state, 'session', state.session.userId, 'sign_out', { outcome: 'success' });
      state.session = null;
      state.locked = false;
      return ok({ signedOut: true as const });
    },
    'session.status': () =>
      ok({
        signedIn: state.session !== null,
        locked: state.session !== null && state.locked,
        mustChangePassword: state.session?.mustChangePassword ?? false,
        idleSecondsLeft: state.session === null ? null : state.locked ? 0 : state.idleSecondsLeft,
        session: state.session,
        today: TODAY,
      }),
    'session.unlock': ({ password }) => {
      const s = state.session;
      if (!s) return fail({ code: 'UNAUTHENTICATED', message: 'no session to unlock' });
      if (state.passwords.get(s.userId) !== password) return fail({ code: 'UNAUTHENTICATED', message: 'wrong password' });
      state.locked = false;
      return ok(s);
    },
    'session.current': () => (state.session ? ok(state.session) : fail({ code: 'UNAUTHENTICATED', message: 'not signed in' })),
    'session.touch': () => {
      if (!state.session) return fail({ code: 'UNAUTHENTICATED', message: 'not signed in' });
      state.idleSecondsLeft = 900;
      return ok({ idleSecondsLeft: 900 });
    },
    'session.changePassword': ({ currentPassword, newPassword }) => {
      const s = state.session;
      if (!s || state.passwords.get(s.userId) !== currentPassword) return fail({ code: 'UNAUTHENTICATED', message: 'wrong password' });
      state.passwords.set(s.userId, newPassword);
      state.session = { ...s, mustChangePassword: false };
      return ok(state.session);
    },
    'settings.get': () => ok(DEFAULT_SETTINGS),
    'users.list': () => ok([...state.users.values()]),
    'users.create': ({ username, displayName, roles, password }) => {
      if ([...state.users.values()].some((u) => u.username === username)) {
        return fail({ code: 'CONFLICT', message: `user name ${username} is taken`, issues: [{ path: ['username'], message: 'is taken' }] });
      }
      const created = user(state.newId(), username, displayName, [...new Set(roles)]);
      state.users.set(created.id, created);
      state.passwords.set(created.id, password);
      recordEntry(state, 'user', created.id, 'create', { record: created });
      return ok(created);
    },
    'users.setRoles': ({ userId, roles, reason }) => {
      const u = find(userId);
      if (!u) return notFound();
      const admins = enabledAdmins();
      if (u.roles.includes('administrator') && !roles.includes('administrator') && admins.length === 1 && admins[0]?.id === u.id) {
        return conflict(`cannot remove the administrator role: ${u.username} is the last enabled administrator`);
      }
      if (state.session?.userId === u.id) state.session = { ...state.session, roles: [...new Set(roles)] };
      return change(u, { roles: [...new Set(roles)] }, 'set_roles', reason);
    },
    'users.disable': ({ userId, reason }) => {
      const u = find(userId);
      if (!u) return notFound();
      if (state.session?.userId === u.id) return conflict('you cannot disable your own account');
      if (u.disabled) return conflict(`${u.username} is already disabled`);
      const admins = enabledAdmins();
      if (admins.length === 1 && admins[0]?.id === u.id) return conflict(`cannot disable the account: ${u.username} is the last enabled administrator`);
      return change(u, { disabled: true }, 'disable', reason);
    },
    'users.enable': ({ userId, reason }) => {
      const u = find(userId);
      if (!u) return notFound();
      return u.disabled ? change(u, { disabled: false }, 'enable', reason) : conflict(`${u.username} is not disabled`);
    },
    'users.unlock': ({ userId, reason }) => {
      const u = find(userId);
      if (!u) return notFound();
      if (!u.locked) return conflict(`${u.username} is not locked`);
      state.failedSignIns.delete(u.id);
      return change(u, { locked: false, lockedAt: null }, 'unlock', reason);
    },
    'users.resetPassword': ({ userId, temporaryPassword, reason }) => {
      const u = find(userId);
      if (!u) return notFound();
      state.passwords.set(u.id, temporaryPassword);
      return change(u, { locked: false, lockedAt: null, mustChangePassword: true }, 'reset_password', reason);
    },
    'audit.list': ({ offset, limit, ...filter }) => {
      // The core records the reading before it reads: without a snapshot, later pages would shift.
      recordEntry(state, 'session', state.session?.userId ?? 'system', 'audit_read', { filter, offset, outcome: 'success' });
      const snapshot = filter.snapshot ?? state.journal.length;
      const rows = matching(state, { ...filter, snapshot });
      return ok({ items: rows.slice(offset, offset + limit).map(toAuditRecord), total: rows.length, offset, snapshot });
    },
    'audit.exportCsv': (filter) => {
      recordEntry(state, 'session', state.session?.userId ?? 'system', 'audit_export', { filter, outcome: 'success' });
      const rows = matching(state, filter).map(toAuditRecord);
      const csv = ['when (UTC),who,kind,action,outcome', ...rows.map((r) => [r.at, r.actor, r.kind, r.action, r.outcome].join(','))].join('\r\n');
      return ok({ fileName: `audit_${state.site?.siteId ?? 'SITE'}_${TODAY}.csv`, csv, rows: rows.length });
    },
    'journal.verify': () =>
      ok(state.verifyReport ?? { ok: true as const, entries: state.journal.length, sites: [{ siteId: state.site?.siteId ?? 'SITE-A', head: HASH, lastSeq: state.journal.length }] }),
  };
}
