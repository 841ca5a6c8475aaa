// Notices the core's idle lock without waiting for the user's next action: while a session is
// open it asks `session.status` (which does not count as activity) every `intervalMs`, switches
// to the unlock screen when the core has locked the session, and keeps the seconds left so the
// shell can warn shortly before. The interval is injected (tests drive it with fake timers).
import { makeAutoObservable, runInAction } from 'mobx';
import type { RootStore } from './RootStore.js';

export const STATUS_POLL_MS = 15_000;
/** Below this the shell shows "Locks in N min". */
export const WARN_BELOW_SECONDS = 120;
/** Typing is reported to the core at most this often (it only needs to land within the 15 minutes). */
export const TOUCH_EVERY_MS = 60_000;

export class IdleWatch {
  readonly root: RootStore;
  /** The poll period; null: no polling (checks only when asked). */
  readonly intervalMs: number | null;
  /** Seconds until the idle lock as of the last check; null when unknown or after activity. */
  secondsLeft: number | null = null;
  private timer: ReturnType<typeof setInterval> | undefined = undefined;
  private checking = false;
  private askAgain = false;
  private lastTouch = Number.NEGATIVE_INFINITY;

  constructor(root: RootStore, intervalMs: number | null = STATUS_POLL_MS) {
    this.root = root;
    this.intervalMs = intervalMs;
    makeAutoObservable<IdleWatch, 'timer' | 'checking' | 'askAgain' | 'lastTouch'>(
      this,
      { root: false, intervalMs: false, timer: false, checking: false, askAgain: false, lastTouch: false },
      { autoBind: true },
    );
  }

  get isRunning(): boolean {
    return this.timer !== undefined;
  }

  /** Whole minutes left, shown only when the lock is near (under two minutes). */
  get warningMinutes(): number | null {
    if (this.secondsLeft === null || this.secondsLeft >= WARN_BELOW_SECONDS) return null;
    return Math.max(1, Math.ceil(this.secondsLeft / 60));
  }

  start(): void {
    if (this.timer !== undefined || this.intervalMs === null) return;
    this.timer = setInterval(() => void this.check(), this.intervalMs);
  }

  stop(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
    this.secondsLeft = null;
  }

  /** Another call reached the core and counted as activity: the old countdown no longer holds. */
  activity(): void {
    this.secondsLeft = null;
  }

  /** Asks the core now (poll tick, window focus); the session store reacts to what it says. */
  async check(): Promise<void> {
    const session = this.root.session;
    if (session.session === null || session.locked) return;
    if (this.checking) {
      // Asked while an answer is on its way (the window regains focus during a poll): that answer
      // may be older than the question, so ask once more when it is back.
      this.askAgain = true;
      return;
    }
    this.checking = true;
    const result = await this.root.api['session.status']({});
    runInAction(() => {
      this.checking = false;
      // A transport failure says nothing about the session: try again at the next tick.
      if (!result.ok) return;
      const status = result.value;
      session.daySeen(status.today);
      if (!status.signedIn) session.sessionLost();
      else if (status.locked) session.sessionLocked();
      else if (status.mustChangePassword) session.passwordChangeRequired();
      else if (status.session) session.sessionUpdated(status.session);
      this.secondsLeft = status.signedIn && !status.locked ? status.idleSecondsLeft : null;
    });
    if (this.askAgain) {
      this.askAgain = false;
      await this.check();
    }
  }

  /**
   * The user typed or clicked: someone filling in a long form is working, not idle. Reported to
   * the core (session.touch) at most once a minute; a refusal (already locked) reaches the session
   * store through the api wrapper like any other call.
   */
  userActive(now: number = Date.now()): void {
    const session = this.root.session;
    if (session.session === null || session.locked || now - this.lastTouch < TOUCH_EVERY_MS) return;
    this.lastTouch = now;
    void this.root.api['session.touch']({});
  }

  /** "Stay signed in": any ordinary call counts as activity for the core. */
  async keepAlive(): Promise<void> {
    const result = await this.root.api['session.current']({});
    if (result.ok) await this.check();
  }
}
