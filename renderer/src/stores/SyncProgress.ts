// Progress of a long sync call (export, import, acknowledgement): while the call is pending the
// store asks `sync.progress` every few hundred milliseconds (the core reports the operation
// running on this connection) and keeps the latest answer for the screen.
import { makeAutoObservable, runInAction } from 'mobx';
import type { LedgerApi } from '../../../electron/common/api.js';
import type { SyncProgress } from '../../../electron/common/sync/model.js';
import { plural } from '../format/labels.js';

export const PROGRESS_POLL_MS = 250;

const PHASES: Record<string, string> = {
  starting: 'Starting',
  writing: 'Writing entries',
  verifying: 'Verifying bundles',
  checking: 'Checking what would change',
  importing: 'Importing bundles',
  done: 'Finishing',
};

const UNITS: Record<NonNullable<SyncProgress>['operation'], Record<string, string>> = {
  export: { writing: 'entry', done: 'entry' },
  acknowledge: { writing: 'entry', done: 'entry' },
  preview: { verifying: 'bundle', checking: 'bundle', done: 'bundle' },
  import: { verifying: 'bundle', importing: 'bundle', done: 'bundle' },
};

/** "Writing entries: 120 of 300" (or without a total when the core does not know it yet). */
export function describeProgress(p: NonNullable<SyncProgress>): string {
  const phase = PHASES[p.phase] ?? p.phase;
  if (p.total === null) return `${phase}…`;
  const unit = UNITS[p.operation][p.phase];
  const counted = unit ? ` (${plural(p.total, unit, unit === 'entry' ? 'entries' : undefined)})` : '';
  return `${phase}: ${p.done.toLocaleString('en-US')} of ${p.total.toLocaleString('en-US')}${counted}`;
}

export class ProgressWatch {
  private readonly api: () => LedgerApi;
  private readonly pollMs: () => number;
  /** The latest answer of sync.progress while the call runs; null before the first one. */
  progress: SyncProgress = null;
  running = false;
  /** How many times sync.progress answered during the current call (tests, and a sign of life). */
  polls = 0;

  constructor(api: () => LedgerApi, pollMs: () => number) {
    this.api = api;
    this.pollMs = pollMs;
    makeAutoObservable<ProgressWatch, 'api' | 'pollMs'>(this, { api: false, pollMs: false }, { autoBind: true });
  }

  get text(): string | null {
    return this.progress ? describeProgress(this.progress) : null;
  }

  /** Runs `call`, polling sync.progress until it settles; the poll never outlives the call. */
  async run<T>(call: () => Promise<T>): Promise<T> {
    this.running = true;
    this.progress = null;
    this.polls = 0;
    let active = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async (): Promise<void> => {
      timer = undefined;
      const answer = await this.api()['sync.progress']({});
      if (!active) return;
      runInAction(() => {
        this.polls += 1;
        if (answer.ok && answer.value !== null) this.progress = answer.value;
      });
      timer = setTimeout(() => void poll(), this.pollMs());
    };
    timer = setTimeout(() => void poll(), this.pollMs());
    try {
      return await call();
    } finally {
      active = false;
      if (timer !== undefined) clearTimeout(timer);
      runInAction(() => {
        this.running = false;
      });
    }
  }

  reset(): void {
    this.progress = null;
    this.polls = 0;
  }
}
