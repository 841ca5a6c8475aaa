// Dashboard, reports and search for the renderer's tests: a wrapper answers those methods with
// canned answers (after checking roles and the contract's input schema, as dispatch does); every
// other call goes to the shared fake. The real behaviour is tested in test/node/overview.
import { makeApi } from '../../../electron/common/api.js';
import type { LedgerApi } from '../../../electron/common/api.js';
import { UNCLASSIFIED } from '../../../electron/common/classification/index.js';
import type { Dashboard } from '../../../electron/common/contract/dashboard.js';
import type { MethodName } from '../../../electron/common/contract/index.js';
import { contract } from '../../../electron/common/contract/index.js';
import type { SearchResult } from '../../../electron/common/contract/search.js';
import type { Report } from '../../../electron/common/reports/model.js';
import type { Result } from '../../../electron/common/result.js';
import { fail, ok } from '../../../electron/common/result.js';
import type { RootStoreOptions } from '../../../renderer/src/stores/RootStore.js';
import { RootStore } from '../../../renderer/src/stores/RootStore.js';
import type { FakeApi } from '../fakeApi.js';
import { PASSWORD, createFakeApi } from '../fakeApi.js';
import { NOW, TODAY } from '../fakeAccounts.js';

const SECRET_DEU = { ...UNCLASSIFIED, level: 'SECRET' as const, foreign: { kind: 'country' as const, countries: ['DEU'], level: 'SECRET' as const } };
const ID = (n: number) => `01J00000000000000000000${String(n).padStart(3, '0')}`;

export const DASHBOARD: Dashboard = {
  today: TODAY,
  dueSoonDays: 7,
  classification: SECRET_DEU,
  marking: 'SECRET//FGI DEU',
  receipts: {
    overdue: { count: 12, items: [{ kind: 'receipt', id: ID(1), number: 'OUT-LATE', title: 'Radar report', classification: SECRET_DEU, marking: '(//DEU S)', what: 'Signed receipt', date: '2026-02-19', days: 19 }] },
    dueSoon: { count: 0, items: [] },
  },
  visits: {
    today: { count: 0, items: [] },
    upcoming: { count: 1, items: [{ kind: 'visit', id: ID(2), number: 'DEU-2026-001', title: 'Design review', classification: { ...UNCLASSIFIED, cui: true }, marking: '(CUI)', what: 'Visit from DEU', date: '2026-03-16', days: 6 }] },
    upcomingDays: 30,
  },
  incidents: { overdue: { count: 0, items: [] }, dueSoon: { count: 0, items: [] } },
  trend: [
    { date: '2026-03-03', receiptsAwaiting: 2, incidentsOpen: 0 },
    { date: TODAY, receiptsAwaiting: 3, incidentsOpen: 1 },
  ],
  sync: null,
  integrity: { lastVerify: { at: NOW, actor: 'auditor', intact: true, entries: 40 }, entriesSince: 3 },
};

export const REPORT: Report = {
  report: 'openReceipts',
  title: 'Open receipts with suspense dates',
  parameters: `Outgoing receipts awaiting the signed receipt on ${TODAY}`,
  siteId: 'SITE-A',
  generatedAt: NOW,
  classification: SECRET_DEU,
  marking: 'SECRET//FGI DEU',
  columns: ['Control number', 'Unclassified title'],
  sections: [{ heading: 'Open receipts', marking: 'SECRET//FGI DEU', rows: [{ kind: 'receipt', id: ID(1), marking: '(//DEU S)', cells: ['OUT-LATE', 'Radar report'] }] }],
  rowCount: 1,
  truncated: false,
  notes: [],
};

export const SEARCH: SearchResult = {
  classification: SECRET_DEU,
  marking: 'SECRET//FGI DEU',
  groups: [
    { kind: 'receipt', total: 1, hits: [{ id: ID(1), number: 'OUT-LATE', title: 'Radar report', status: 'Dispatched', classification: SECRET_DEU, marking: '(//DEU S)' }] },
    { kind: 'visit', total: 0, hits: [] },
    { kind: 'incident', total: 0, hits: [] },
  ],
};

const ANSWERS: Partial<Record<MethodName, () => unknown>> = {
  'dashboard.get': () => DASHBOARD,
  'reports.run': () => REPORT,
  'reports.exportCsv': () => ({ fileName: 'report_openReceipts_SITE-A_2026-03-10_SECRET.csv', csv: 'Section,Marking\r\n', rows: 1, marking: 'SECRET//FGI DEU' }),
  'search.records': () => SEARCH,
};

function withOverview(fake: FakeApi): LedgerApi {
  const api = fake.api;
  return makeApi(async (method: MethodName, input: unknown): Promise<Result<unknown>> => {
      const answer = ANSWERS[method];
      if (!answer) return (api[method] as (input: unknown) => Promise<Result<unknown>>)(input);
      const { state, calls } = fake;
      calls.push({ method, input });
      await Promise.resolve();
      const session = state.session;
      if (session === null) return fail({ code: 'UNAUTHENTICATED', message: 'sign in first' });
      const access = contract[method].access;
      if (Array.isArray(access) && !session.roles.some((role) => access.includes(role))) return fail({ code: 'FORBIDDEN', message: `needs one of: ${access.join(', ')}` });
      const parsed = contract[method].input.safeParse(input);
      if (!parsed.success) return fail({ code: 'INVALID_INPUT', message: 'invalid input', issues: parsed.error.issues.map((i) => ({ path: i.path.map(String), message: i.message })) });
      return ok(answer());
    });
}

/** A RootStore over the fake with these answers, signed in as one of the fake's accounts. */
export async function overviewRig(username: 'custodian' | 'admin' | 'auditor' = 'custodian', options: RootStoreOptions = {}): Promise<{ root: RootStore; fake: FakeApi }> {
  const fake = createFakeApi();
  const root = new RootStore(withOverview(fake), { statusPollMs: null, ...options });
  await root.session.load();
  root.session.acceptConsent();
  root.session.setField('username', username);
  root.session.setField('password', PASSWORD);
  if (!(await root.session.signIn())) throw new Error('sign-in failed in test set-up');
  fake.calls.length = 0;
  return { root, fake };
}
