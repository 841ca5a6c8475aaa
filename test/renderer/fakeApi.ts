// An in-memory LedgerApi for renderer tests. Every input is checked with the contract's own
// schema (so INVALID_INPUT carries real zod issues); versions give CONFLICT; the transition table
// gives INVALID_TRANSITION. Small on purpose: the real behaviour lives in the core's tests.
import { makeApi } from '../../electron/common/api.js';
import type { LedgerApi } from '../../electron/common/api.js';
import { usLevelRank } from '../../electron/common/classification/index.js';
import type { MethodName, MethodOutput, MethodParsedInput } from '../../electron/common/contract/index.js';
import { contract } from '../../electron/common/contract/index.js';
import type { JournalEntry } from '../../electron/common/journal.js';
import { addDays, daysBetween } from '../../electron/common/primitives.js';
import type { Receipt, ReceiptDraft, ReceiptView } from '../../electron/common/receipts/model.js';
import { receiptDraftSchema } from '../../electron/common/receipts/model.js';
import { findTransition } from '../../electron/common/receipts/transitions.js';
import type { LedgerErrorBody, Result } from '../../electron/common/result.js';
import { fail, ok } from '../../electron/common/result.js';
import { DEFAULT_SETTINGS } from '../../electron/common/site.js';

export const TODAY = '2026-03-10';
export const PASSWORD = 'correct horse battery staple';
const NOW = `${TODAY}T12:00:00.000Z`;
const HASH = '0'.repeat(96);
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** Methods the renderer does not use yet are left out: they answer INTERNAL. */
type Handlers = { [M in MethodName]?: (input: MethodParsedInput<M>) => Result<MethodOutput<M>> };

export interface FakeApi {
  api: LedgerApi;
  calls: { method: MethodName; input: unknown }[];
  receipts: Map<string, Receipt>;
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

export function createFakeApi(options: { systemHigh?: 'SECRET' | 'TOP SECRET' | 'CONFIDENTIAL' | 'UNCLASSIFIED' } = {}): FakeApi {
  const receipts = new Map<string, Receipt>();
  const journal: JournalEntry[] = [];
  const calls: FakeApi['calls'] = [];
  const failures = new Map<MethodName, LedgerErrorBody>();
  let session: MethodOutput<'session.current'> | null = null;
  let counter = 0;

  const ulid = () => {
    let n = ++counter;
    let s = '';
    for (let i = 0; i < 10; i++, n = Math.floor(n / 32)) s = CROCKFORD[n % 32] + s;
    return `01J0000000000000${s}`;
  };
  const view = (r: Receipt): ReceiptView => {
    const open = ['dispatched', 'tracer_sent', 'escalated'].includes(r.status) && r.suspenseDueOn !== null;
    const late = open && r.suspenseDueOn !== null ? daysBetween(r.suspenseDueOn, TODAY) : 0;
    return { ...r, overdue: late > 0, daysOverdue: Math.max(late, 0), dueSoon: open && late <= 0 && late > -7 };
  };
  const record = (r: Receipt, action: string, data: unknown) => {
    journal.push({ siteId: 'SITE-A', seq: journal.length + 1, id: ulid(), at: NOW, actor: session?.username ?? 'system', kind: 'receipt', entityId: r.id, action, data, prevHash: HASH, hash: HASH });
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
    'system.info': () =>
      ok({ siteId: 'SITE-A', siteName: 'Acme Secure Facility', siteRole: 'site', systemHigh: options.systemHigh ?? 'SECRET', appVersion: '0.1.0', schemaVersion: 1, now: NOW, today: TODAY }),
    'session.signIn': ({ username, password }) => {
      if (username !== 'custodian' || password !== PASSWORD) return fail({ code: 'UNAUTHENTICATED', message: 'user name or password is wrong' });
      session = { id: 'S1', userId: 'U1', username, displayName: 'Casey Custodian', roles: ['custodian'], workstation: 'ws-1', startedAt: NOW, mustChangePassword: false };
      return ok(session);
    },
    'session.signOut': () => ((session = null), ok({ signedOut: true as const })),
    'session.status': () => ok({ signedIn: session !== null, locked: false, mustChangePassword: false, idleSecondsLeft: null, session }),
    'session.unlock': ({ password }) => (session && password === PASSWORD ? ok(session) : fail({ code: 'UNAUTHENTICATED', message: 'wrong password' })),
    'session.current': () => (session ? ok(session) : fail({ code: 'UNAUTHENTICATED', message: 'not signed in' })),
    'settings.get': () => ok(DEFAULT_SETTINGS),
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
    if (contract[method].access !== 'anyone' && session === null) return fail({ code: 'UNAUTHENTICATED', message: 'sign in first' });
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
    failNext: (method, error) => void failures.set(method, error),
    addReceipt,
    callsOf: (method) => calls.filter((c) => c.method === method).map((c) => c.input),
  };
}
