// The root of the renderer's state: creates the domain stores and the UI store and hands each
// of them itself. The api is injected (window.ledger in the app, a fake in tests), and so are
// the idle poll period and the way a file is saved.
import { reaction } from 'mobx';
import { makeApi } from '../../../electron/common/api.js';
import type { LedgerApi } from '../../../electron/common/api.js';
import type { MethodName } from '../../../electron/common/contract/index.js';
import type { ErrorCode, Result } from '../../../electron/common/result.js';
import type { SaveFile } from '../platform/saveFile.js';
import { downloadTextFile } from '../platform/saveFile.js';
import { AccountsStore } from './AccountsStore.js';
import { AuditStore } from './AuditStore.js';
import { DashboardStore } from './DashboardStore.js';
import { PrintStore } from '../print/PrintStore.js';
import { ProvenanceStore } from './ProvenanceStore.js';
import { IdleWatch, STATUS_POLL_MS } from './IdleWatch.js';
import { IncidentsStore } from './IncidentsStore.js';
import { ReceiptsStore } from './ReceiptsStore.js';
import { ReportsStore } from './ReportsStore.js';
import { SearchStore } from './SearchStore.js';
import { SessionStore } from './SessionStore.js';
import { SetupStore } from './SetupStore.js';
import type { SyncOptions } from './SyncStore.js';
import { SyncStore } from './SyncStore.js';
import { UiStore } from './UiStore.js';
import { VisitsStore } from './VisitsStore.js';

export interface RootStoreOptions {
  /** How often to ask the core whether the session was locked after idle time; null: never. */
  statusPollMs?: number | null;
  saveFile?: SaveFile;
  /** How the Sync screens choose files and poll progress (tests pass a fake chooser). */
  sync?: SyncOptions;
}

export class RootStore {
  readonly api: LedgerApi;
  readonly saveFile: SaveFile;
  readonly ui: UiStore;
  readonly session: SessionStore;
  readonly idle: IdleWatch;
  readonly setup: SetupStore;
  readonly receipts: ReceiptsStore;
  readonly visits: VisitsStore;
  readonly incidents: IncidentsStore;
  readonly accounts: AccountsStore;
  readonly audit: AuditStore;
  readonly sync: SyncStore;
  readonly print: PrintStore;
  readonly provenance: ProvenanceStore;
  readonly dashboard: DashboardStore;
  readonly reports: ReportsStore;
  readonly search: SearchStore;
  private readonly stopIdleReaction: () => void;

  constructor(api: LedgerApi, options: RootStoreOptions = {}) {
    this.api = watchSession(api, {
      onProblem: (code) => {
        if (code === 'UNAUTHENTICATED') this.session.sessionLost();
        else if (code === 'SESSION_LOCKED') this.session.sessionLocked();
        else this.session.passwordChangeRequired();
      },
      onActivity: () => this.idle.activity(),
    });
    this.saveFile = options.saveFile ?? downloadTextFile;
    this.ui = new UiStore(this);
    this.session = new SessionStore(this);
    this.idle = new IdleWatch(this, options.statusPollMs === undefined ? STATUS_POLL_MS : options.statusPollMs);
    this.setup = new SetupStore(this);
    this.receipts = new ReceiptsStore(this);
    this.visits = new VisitsStore(this);
    this.incidents = new IncidentsStore(this);
    this.accounts = new AccountsStore(this);
    this.audit = new AuditStore(this);
    this.sync = new SyncStore(this, options.sync);
    this.print = new PrintStore(this);
    this.provenance = new ProvenanceStore(this);
    this.dashboard = new DashboardStore(this);
    this.reports = new ReportsStore(this);
    this.search = new SearchStore(this);
    // Poll while a session is open and not yet locked; a locked screen waits for the password.
    this.stopIdleReaction = reaction(
      () => this.session.isSignedIn && !this.session.locked,
      (watching) => (watching ? this.idle.start() : this.idle.stop()),
      { fireImmediately: true },
    );
  }

  /** After sign-out: forget everything that belonged to the user. */
  resetUserState(): void {
    this.receipts.reset();
    this.visits.reset();
    this.incidents.reset();
    this.accounts.reset();
    this.audit.reset();
    this.sync.reset();
    this.print.reset();
    this.provenance.reset();
    this.dashboard.reset();
    this.reports.reset();
    this.search.reset();
    this.ui.reset();
  }

  /** Stops the idle poll (tests; a window that closes takes its timers with it). */
  dispose(): void {
    this.stopIdleReaction();
    this.idle.stop();
  }
}

type SessionProblem = 'UNAUTHENTICATED' | 'SESSION_LOCKED' | 'PASSWORD_CHANGE_REQUIRED';
const SESSION_PROBLEMS: readonly ErrorCode[] = ['UNAUTHENTICATED', 'SESSION_LOCKED', 'PASSWORD_CHANGE_REQUIRED'];
/** Calls whose refusal is about the credentials typed, not about the session. */
const CREDENTIAL_CALLS: readonly MethodName[] = ['session.signIn', 'session.unlock', 'session.changePassword'];
/** Calls the core does not count as activity (so they do not reset the idle countdown). */
const PASSIVE_CALLS: readonly MethodName[] = ['session.status', 'system.info'];

/**
 * Wraps the api so that any call refused for the session's sake (ended elsewhere, locked after
 * idle time, password reset) changes what the UI shows, whichever store made the call, and any
 * call the core took as activity restarts the idle countdown.
 */
function watchSession(api: LedgerApi, on: { onProblem: (code: SessionProblem) => void; onActivity: () => void }): LedgerApi {
  return makeApi(async (method: MethodName, input: unknown): Promise<Result<unknown>> => {
    const call = api[method] as (input: unknown) => Promise<Result<unknown>>;
    const result = await call(input);
    if (!result.ok && SESSION_PROBLEMS.includes(result.error.code) && !CREDENTIAL_CALLS.includes(method)) {
      on.onProblem(result.error.code as SessionProblem);
    } else if (result.ok && !PASSIVE_CALLS.includes(method)) {
      on.onActivity();
    }
    return result;
  });
}
