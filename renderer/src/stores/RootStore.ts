// The root of the renderer's state: creates the domain stores and the UI store and hands each
// of them itself. The api is injected (window.ledger in the app, a fake in tests).
import { makeApi } from '../../../electron/common/api.js';
import type { LedgerApi } from '../../../electron/common/api.js';
import type { MethodName } from '../../../electron/common/contract/index.js';
import type { ErrorCode, Result } from '../../../electron/common/result.js';
import { ReceiptsStore } from './ReceiptsStore.js';
import { SessionStore } from './SessionStore.js';
import { UiStore } from './UiStore.js';

export class RootStore {
  readonly api: LedgerApi;
  readonly ui: UiStore;
  readonly session: SessionStore;
  readonly receipts: ReceiptsStore;

  constructor(api: LedgerApi) {
    this.api = watchSession(api, (code) => {
      if (code === 'UNAUTHENTICATED') this.session.sessionLost();
      else if (code === 'SESSION_LOCKED') this.session.sessionLocked();
      else this.session.passwordChangeRequired();
    });
    this.ui = new UiStore(this);
    this.session = new SessionStore(this);
    this.receipts = new ReceiptsStore(this);
  }

  /** After sign-out: forget everything that belonged to the user. */
  resetUserState(): void {
    this.receipts.reset();
    this.ui.reset();
  }
}

type SessionProblem = 'UNAUTHENTICATED' | 'SESSION_LOCKED' | 'PASSWORD_CHANGE_REQUIRED';
const SESSION_PROBLEMS: readonly ErrorCode[] = ['UNAUTHENTICATED', 'SESSION_LOCKED', 'PASSWORD_CHANGE_REQUIRED'];
/** Calls whose refusal is about the credentials typed, not about the session. */
const CREDENTIAL_CALLS: readonly MethodName[] = ['session.signIn', 'session.unlock', 'session.changePassword'];

/**
 * Wraps the api so that any call refused for the session's sake (ended elsewhere, locked after
 * idle time, password reset) changes what the UI shows, whichever store made the call.
 */
function watchSession(api: LedgerApi, onProblem: (code: SessionProblem) => void): LedgerApi {
  return makeApi(async (method: MethodName, input: unknown): Promise<Result<unknown>> => {
    const call = api[method] as (input: unknown) => Promise<Result<unknown>>;
    const result = await call(input);
    if (!result.ok && SESSION_PROBLEMS.includes(result.error.code) && !CREDENTIAL_CALLS.includes(method)) {
      onProblem(result.error.code as SessionProblem);
    }
    return result;
  });
}
