// An in-memory LedgerApi for renderer tests. Every input is checked with the contract's own
// schema (so INVALID_INPUT carries real zod issues) and every call with the contract's roles
// (FORBIDDEN); an unconfigured site answers NOT_CONFIGURED and an idle-locked session
// SESSION_LOCKED, as the core's dispatch does; versions give CONFLICT; the transition table gives
// INVALID_TRANSITION. Small on purpose: the real behaviour lives in the core's tests.
// Sessions, accounts, audit and setup are in fakeAccounts.ts.
import { makeApi } from '../../electron/common/api.js';
import type { LedgerApi } from '../../electron/common/api.js';
import { usLevelRank } from '../../electron/common/classification/index.js';
import type { MethodName } from '../../electron/common/contract/index.js';
import { contract } from '../../electron/common/contract/index.js';
import type { JournalEntry, VerifyReport } from '../../electron/common/journal.js';
import { addDays, daysBetween } from '../../electron/common/primitives.js';
import type { Receipt, ReceiptDraft, ReceiptView } from '../../electron/common/receipts/model.js';
import { receiptDraftSchema } from '../../electron/common/receipts/model.js';
import { findTransition } from '../../electron/common/receipts/transitions.js';
import type { LedgerErrorBody, Result } from '../../electron/common/result.js';
import { fail, ok } from '../../electron/common/result.js';
import type { User } from '../../electron/common/site.js';
import type { FakeState, Handlers } from './fakeAccounts.js';
import { NOW, TODAY, accountHandlers, seedUsers } from './fakeAccounts.js';

export { PASSWORD, TODAY } from './fakeAccounts.js';

const HASH = '0'.repeat(96);
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** Calls a locked session may still make (the core's ALWAYS_ALLOWED). */
const WHILE_LOCKED: readonly MethodName[] = ['system.info', 'session.status', 'session.unlock', 'session.signOut', 'session.signIn'];

export interface FakeApi {
  api: LedgerApi;
  calls: { method: MethodName; input: unknown }[];
  receipts: Map<string, Receipt>;
  users: Map<string, User>;
  journal: JournalEntry[];
  /** The whole state, for tests that need to set the scene (site, session, ...). */
  state: FakeState;
  /** The core's idle lock: from now on only unlock, status and sign-out pass. */
  lockSession(): void;
  /** What session.status says is left before the idle lock. */
  setIdleSecondsLeft(seconds: number): void;
  /** What journal.verify answers (default: intact). */
  setVerifyReport(report: VerifyReport): void;
  /** The next call of `method` answers with this error instead. */
  failNext(method: MethodName, error: LedgerErrorBody): void;
  addReceipt(draft?: Partial<ReceiptDraft>, state?: Partial<Receipt>): ReceiptView;
  callsOf(method: MethodName): unknown[];
}

export function fakeDraft(overrides: Partial<ReceiptDraft> = {}): ReceiptDraft {
  return receiptDraftSchema.parse({
    direction: 'outgoing',
    controlNumber: 'CN-0001',
    unclassifiedTitle: 'Test plan for radar upgrade',
    classification: { level: 'SECRET' },
    sender: { organisation: 'Acme Corp' },
    addressee: { organisation: 'Ministry of Defence' },
    transmission: 'cleared_courier',
    ...overrides,
  });
}

export interface FakeOptions {
  systemHigh?: 'SECRET' | 'TOP SECRET' | 'CONFIDENTIAL' | 'UNCLASSIFIED';
  /** false: a new installation, before first-run setup (no site, no accounts). */
  configured?: boolean;
}

export function createFakeApi(options: FakeOptions = {}): FakeApi {
  const receipts = new Map<string, Receipt>();
  const calls: FakeApi['calls'] = [];
  const failures = new Map<MethodName, LedgerErrorBody>();
  let counter = 0;

  const ulid = () => {
    let n = ++counter;
    let s = '';
    for (let i = 0; i < 10; i++, n = Math.floor(n / 32)) s = CROCKFORD[n % 32] + s;
    return `01J0000000000000${s}`;
  };
  const configured = options.configured ?? true;
  const state: FakeState = {
    site: configured ? { siteId: 'SITE-A', siteName: 'Acme Secure Facility', siteRole: 'site', systemHigh: options.systemHigh ?? 'SECRET' } : null,
    session: null,
    locked: false,
    idleSecondsLeft: 900,
    users: new Map(),
    passwords: new Map(),
    failedSignIns: new Map(),
    journal: [],
    verifyReport: null,
    newId: ulid,
  };
  if (configured) seedUsers(state);
  const journal = state.journal;
  const view = (r: Receipt): ReceiptView => {
    const open = ['dispatched', 'tracer_sent', 'escalated'].includes(r.status) && r.suspenseDueOn !== null;
    const late = open && r.suspenseDueOn !== null ? daysBetween(r.suspenseDueOn, TODAY) : 0;
    return { ...r, overdue: late > 0, daysOverdue: Math.max(late, 0), dueSoon: open && late <= 0 && late > -7 };
  };
  const record = (r: Receipt, action: string, data: unknown) => {
    journal.push({ siteId: 'SITE-A', seq: journal.length + 1, id: ulid(), at: NOW, actor: state.session?.username ?? 'system', kind: 'receipt', entityId: r.id, action, data, prevHash: HASH, hash: HASH });
  };
  const addReceipt = (draft: Partial<ReceiptDraft> = {}, state: Partial<Receipt> = {}): ReceiptView => {
    const d = fakeDraft(draft);
    const r: Receipt = {
      ...d, id: ulid(), siteId: 'SITE-A', status: d.direction === 'outgoing' ? 'prepared' : 'received', version: 1,
      dispatchedOn: null, suspenseDays: null, suspenseDueOn: null, tracerDates: [], escalation: null, receiptSignedBy: '',
      receiptReturnedOn: null, inspection: null, improperReceipt: false, improperReceiptReportedOn: null, reproductions: [],
      inventoriedOn: [], transfer: null, destruction: null, voidReason: '', createdAt: NOW, createdBy: 'custodian', updatedAt: NOW, updatedBy: 'custodian',
      ...state,
    };
    receipts.set(r.id, r);
    record(r, 'create', d);
    return view(r);
  };
  const find = (id: string) => receipts.get(id);
  const notFound = () => fail<never>({ code: 'NOT_FOUND', message: 'no such receipt' });
  const conflict = (r: Receipt) => fail<never>({ code: 'CONFLICT', message: `receipt is at version ${r.version}`, details: { version: r.version } });
  /** The core's system-high rule, reported as a field issue under `prefix`. */
  const tooHigh = (d: Partial<ReceiptDraft>, prefix: string[] = []) =>
    d.classification && usLevelRank(d.classification.level) > usLevelRank(options.systemHigh ?? 'SECRET')
      ? fail<never>({ code: 'INVALID_INPUT', message: 'above system-high', issues: [{ path: [...prefix, 'classification', 'level'], message: 'is above the system-high level' }] })
      : null;

  const handlers: Handlers = {
    ...accountHandlers(state),
    'receipts.create': (draft) => tooHigh(draft) ?? ok(addReceipt(draft)),
    'receipts.get': ({ id }) => {
      const r = find(id);
      return r ? ok(view(r)) : notFound();
    },
    'receipts.history': ({ id }) => ok(journal.filter((e) => e.entityId === id)),
    'receipts.update': ({ id, expectedVersion, changes, reason }) => {
      const r = find(id);
      if (!r) return notFound();
      if (r.version !== expectedVersion) return conflict(r);
      const high = tooHigh(changes, ['changes']);
      if (high) return high;
      const next: Receipt = { ...r, ...changes, version: r.version + 1, updatedAt: NOW };
      receipts.set(id, next);
      record(next, 'update', { changes, reason });
      return ok(view(next));
    },
    'receipts.transition': ({ id, expectedVersion, action }) => {
      const r = find(id);
      if (!r) return notFound();
      if (r.version !== expectedVersion) return conflict(r);
      const rule = findTransition(r.direction, r.status, action.type);
      if (!rule) return fail({ code: 'INVALID_TRANSITION', message: `cannot ${action.type} a receipt that is ${r.status}` });
      const next: Receipt = { ...r, status: rule.to ?? r.status, version: r.version + 1, updatedAt: NOW };
      if (action.type === 'dispatch') {
        next.dispatchedOn = action.dispatchedOn;
        next.suspenseDays = r.international ? 45 : 30;
        next.suspenseDueOn = addDays(action.dispatchedOn, next.suspenseDays);
      }
      if (action.type === 'acknowledge' || action.type === 'sign') Object.assign(next, { receiptSignedBy: action.signedBy, receiptReturnedOn: action.returnedOn });
      receipts.set(id, next);
      record(next, action.type, action);
      return ok(view(next));
    },
    'receipts.list': (q) => {
      let rows = [...receipts.values()].map(view).filter((r) => q.includeVoid || r.status !== 'void');
      if (q.direction) rows = rows.filter((r) => r.direction === q.direction);
      if (q.statuses) rows = rows.filter((r) => q.statuses?.includes(r.status));
      if (q.levels) rows = rows.filter((r) => q.levels?.includes(r.classification.level));
      if (q.overdueOnly) rows = rows.filter((r) => r.overdue);
      if (q.fgi !== 'any') rows = rows.filter((r) => (r.classification.foreign !== null) === (q.fgi === 'only'));
      if (q.country) rows = rows.filter((r) => r.classification.foreign?.kind === 'country' && r.classification.foreign.countries.includes(q.country ?? ''));
      const search = q.search?.toLowerCase();
      if (search) rows = rows.filter((r) => `${r.controlNumber} ${r.unclassifiedTitle}`.toLowerCase().includes(search));
      const key = (r: ReceiptView) => String(q.sort === 'level' ? usLevelRank(r.classification.level) : (r[q.sort] ?? ''));
      rows.sort((a, b) => key(a).localeCompare(key(b)) * (q.sortDir === 'asc' ? 1 : -1));
      return ok({ items: rows.slice(q.offset, q.offset + q.limit), total: rows.length, offset: q.offset });
    },
  };

  const api = makeApi(async (method, input) => {
    calls.push({ method, input });
    await Promise.resolve();
    const failure = failures.get(method);
    if (failure) {
      failures.delete(method);
      return fail(failure);
    }
    const spec = contract[method];
    if (!state.site && !('beforeSetup' in spec && spec.beforeSetup)) return fail({ code: 'NOT_CONFIGURED', message: 'this installation is not set up yet' });
    if (state.session && state.locked && !WHILE_LOCKED.includes(method)) return fail({ code: 'SESSION_LOCKED', message: 'the session is locked after idle time' });
    const access = spec.access;
    if (access !== 'anyone' && state.session === null) return fail({ code: 'UNAUTHENTICATED', message: 'sign in first' });
    const roles = state.session?.roles ?? [];
    if (Array.isArray(access) && !roles.some((role) => access.includes(role))) {
      return fail({ code: 'FORBIDDEN', message: `your role does not allow this (needs one of: ${access.join(', ')})` });
    }
    const parsed = contract[method].input.safeParse(input);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => ({ path: i.path.map((p) => (typeof p === 'symbol' ? String(p) : p)), message: i.message }));
      return fail({ code: 'INVALID_INPUT', message: 'invalid input', issues });
    }
    const handler = handlers[method] as ((input: unknown) => Result<unknown>) | undefined;
    return handler ? handler(parsed.data) : fail({ code: 'INTERNAL', message: `${method} is not implemented by the fake api` });
  });

  return {
    api,
    calls,
    receipts,
    users: state.users,
    journal,
    state,
    lockSession: () => void (state.locked = true),
    setIdleSecondsLeft: (seconds) => void (state.idleSecondsLeft = seconds),
    setVerifyReport: (report) => void (state.verifyReport = report),
    failNext: (method, error) => void failures.set(method, error),
    addReceipt,
    callsOf: (method) => calls.filter((c) => c.method === method).map((c) => c.input),
  };
}
