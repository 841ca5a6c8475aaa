// Who is signed in, and what the workstation is: system-high level, site, today's date.
// The consent banner must be accepted (by a click) before the sign-in form is offered. A session
// locked after idle time keeps every store as it was; only the password unlocks it.
import { makeAutoObservable, runInAction } from 'mobx';
import type { UsLevel } from '../../../electron/common/classification/index.js';
import type { MethodOutput } from '../../../electron/common/contract/index.js';
import { contract } from '../../../electron/common/contract/index.js';
import type { Result } from '../../../electron/common/result.js';
import { RECORD_WRITERS } from '../../../electron/common/roles.js';
import { errorMessage, issuesToFields } from '../format/errors.js';
import type { RootStore } from './RootStore.js';

export type SystemInfo = MethodOutput<'system.info'>;
export type Session = MethodOutput<'session.current'>;

const SIGN_IN_FIELDS = new Set(['username', 'password']);
const PASSWORD_FIELDS = new Set(['currentPassword', 'newPassword', 'confirmPassword']);

export class SessionStore {
  readonly root: RootStore;
  info: SystemInfo | null = null;
  infoError: string | null = null;
  /** The core answered NOT_CONFIGURED: only the first-run setup may be shown. */
  needsSetup = false;
  isLoading = false;
  consentAccepted = false;
  session: Session | null = null;
  /** Locked after idle time (the core said SESSION_LOCKED): the screen hides everything until unlocked. */
  locked = false;
  username = '';
  password = '';
  /** Changing the password (required after an administrator's reset). */
  currentPassword = '';
  newPassword = '';
  confirmPassword = '';
  isSubmitting = false;
  signInError: string | null = null;
  fieldErrors = new Map<string, string>();
  /** Why the user is back at the sign-in screen (session ended elsewhere), if they did not choose it. */
  notice: string | null = null;

  constructor(root: RootStore) {
    this.root = root;
    makeAutoObservable(this, { root: false }, { autoBind: true });
  }

  get systemHigh(): UsLevel | null {
    return this.info?.systemHigh ?? null;
  }

  /** Today at the workstation, as the core sees it (dates in forms default to it). */
  get today(): string {
    return this.info?.today ?? new Date().toISOString().slice(0, 10);
  }

  get isSignedIn(): boolean {
    return this.session !== null;
  }

  /** Whether the user may enter and change records (the core checks it again on every call). */
  get canWrite(): boolean {
    return this.session?.roles.some((role) => RECORD_WRITERS.includes(role)) ?? false;
  }

  /** Signed in, unlocked and with a usable password: the routed screens may show. */
  get isActive(): boolean {
    return this.session !== null && !this.locked && !this.session.mustChangePassword;
  }

  /** Reads the site identity (needed for the banner before sign-in) and any live session. */
  async load(): Promise<void> {
    this.isLoading = true;
    const [info, status] = await Promise.all([this.root.api['system.info']({}), this.root.api['session.status']({})]);
    runInAction(() => {
      this.isLoading = false;
      if (info.ok) {
        this.info = info.value;
        this.infoError = null;
        this.needsSetup = false;
      } else if (info.error.code === 'NOT_CONFIGURED') {
        this.needsSetup = true;
        this.infoError = null;
      } else {
        this.infoError = errorMessage(info.error);
      }
      if (status.ok && status.value.signedIn && status.value.session) {
        // A session survives a reload of the window; its user accepted the notice when signing in.
        this.session = status.value.session;
        this.locked = status.value.locked;
        this.consentAccepted = true;
        if (!this.root.ui.routeAllowed) this.root.ui.goHome();
      }
    });
  }

  acceptConsent(): void {
    this.consentAccepted = true;
  }

  setField(field: 'username' | 'password' | 'currentPassword' | 'newPassword' | 'confirmPassword', value: string): void {
    this[field] = value;
    this.fieldErrors.delete(field);
  }

  async signIn(): Promise<boolean> {
    const input = { username: this.username.trim(), password: this.password };
    const parsed = contract['session.signIn'].input.safeParse(input);
    if (!this.begin(parsed, SIGN_IN_FIELDS)) return false;
    const result = await this.root.api['session.signIn'](input);
    return this.finish(result, 'Sign-in failed', SIGN_IN_FIELDS, () => {
      this.root.ui.goHome();
      void this.refreshToday();
    });
  }

  /** Unlocks a session locked after idle time; every screen and unsaved entry comes back as it was. */
  async unlock(): Promise<boolean> {
    const input = { password: this.password };
    if (!this.begin(contract['session.unlock'].input.safeParse(input), SIGN_IN_FIELDS)) return false;
    const result = await this.root.api['session.unlock'](input);
    return this.finish(result, 'Unlock failed', SIGN_IN_FIELDS, () => {
      this.locked = false;
      // The lock may have lasted past midnight: forms opened from here default to the new day.
      void this.refreshToday();
    });
  }

  async changePassword(): Promise<boolean> {
    const input = { currentPassword: this.currentPassword, newPassword: this.newPassword };
    if (!this.begin(contract['session.changePassword'].input.safeParse(input), PASSWORD_FIELDS)) return false;
    if (this.newPassword !== this.confirmPassword) {
      this.fieldErrors.set('confirmPassword', 'must be the same as the new password');
      return false;
    }
    const result = await this.root.api['session.changePassword'](input);
    return this.finish(result, 'The password was not changed', PASSWORD_FIELDS, () => {
      this.root.ui.notify('success', 'Password changed.');
      // Changed by choice from the shell: back to where the user works.
      if (this.root.ui.route.name === 'changePassword') this.root.ui.goHome();
    });
  }

  /** Leaves the (voluntary) change-password screen without changing anything. */
  cancelChangePassword(): void {
    this.currentPassword = this.newPassword = this.confirmPassword = '';
    this.signInError = null;
    this.fieldErrors.clear();
    this.root.ui.goHome();
  }

  /** First-run setup is done: read the new site, then the notice and sign-in as the new administrator. */
  async setupCompleted(username: string): Promise<void> {
    await this.load();
    runInAction(() => {
      this.consentAccepted = false;
      this.username = username;
      this.notice = 'Enclave Ledger is set up. Sign in as the administrator you created.';
    });
  }

  async signOut(): Promise<void> {
    const result = await this.root.api['session.signOut']({});
    runInAction(() => {
      this.endSession(result.ok ? null : `Signed out here; the ledger reported: ${errorMessage(result.error)}`);
      this.root.resetUserState();
    });
  }

  /** The core refused a call for want of a session (ended elsewhere): back to the notice and sign-in. */
  sessionLost(): void {
    if (this.session === null) return;
    this.endSession('Your session has ended. Sign in again to continue; unsaved entries are kept.');
  }

  /** Ask the core for today's date (system.info does not count as activity). */
  async refreshToday(): Promise<void> {
    const info = await this.root.api['system.info']({});
    if (info.ok) runInAction(() => this.daySeen(info.value.today));
  }

  /** The core's date as a status check saw it: a window left open overnight defaults forms to the new day. */
  daySeen(today: string): void {
    if (this.info !== null && this.info.today !== today) this.info = { ...this.info, today };
  }

  /**
   * The core's copy of the session changed (roles changed by an administrator, perhaps oneself):
   * take it, and leave a section the new roles no longer reach.
   */
  sessionUpdated(next: Session): void {
    const current = this.session;
    if (current === null || current.id !== next.id) return;
    if (current.roles.join() === next.roles.join() && current.mustChangePassword === next.mustChangePassword) return;
    this.session = next;
    if (!this.root.ui.routeAllowed) this.root.ui.goHome();
  }

  /** Reads the session again from the core (after a change to one's own account). */
  async refresh(): Promise<void> {
    const result = await this.root.api['session.current']({});
    if (result.ok) this.sessionUpdated(result.value);
  }

  /** The core locked the session after idle time. */
  sessionLocked(): void {
    if (this.session !== null) this.locked = true;
  }

  /** An administrator reset the password: nothing else is allowed until it is changed. */
  passwordChangeRequired(): void {
    if (this.session !== null) this.session = { ...this.session, mustChangePassword: true };
  }

  /** Clears messages and checks the input with the contract's schema; false when it fails. */
  private begin(parsed: { success: boolean; error?: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } }, fields: ReadonlySet<string>): boolean {
    this.signInError = null;
    this.notice = null;
    this.fieldErrors.clear();
    if (!parsed.success) {
      this.fieldErrors = issuesToFields(parsed.error?.issues ?? [], fields).fields;
      return false;
    }
    this.isSubmitting = true;
    return true;
  }

  private finish(result: Result<Session>, failure: string, fields: ReadonlySet<string>, onSuccess: () => void): boolean {
    runInAction(() => {
      this.isSubmitting = false;
      this.password = '';
      if (result.ok) {
        this.session = result.value;
        this.currentPassword = this.newPassword = this.confirmPassword = '';
        onSuccess();
      } else {
        if (result.error.issues) this.fieldErrors = issuesToFields(result.error.issues, fields).fields;
        this.signInError = result.error.code === 'INVALID_INPUT' && result.error.issues ? errorMessage(result.error) : `${failure}: ${result.error.message}`;
      }
    });
    return result.ok;
  }

  private endSession(notice: string | null): void {
    this.session = null;
    this.locked = false;
    this.consentAccepted = false;
    this.username = '';
    this.password = '';
    this.signInError = null;
    this.fieldErrors.clear();
    this.notice = notice;
  }
}
