// The values and messages of one small sync form (create identity, enrol, revoke, export,
// acknowledge, resolve an alarm). Each field is named by its key in the contract method's input
// where it has one, so the contract's schema (checked here first) and the core's field issues
// land on the same input. Messages stay until the field is edited or the form is reset.
import { makeAutoObservable } from 'mobx';
import type { LedgerErrorBody } from '../../../electron/common/result.js';
import { errorMessage, fieldSentence, issueKey } from '../format/errors.js';

export interface Issue {
  path: readonly PropertyKey[];
  message: string;
}

/** An error as one sentence; a rule refused by the core (CONFLICT) is not an edit race here. */
export function syncErrorMessage(error: LedgerErrorBody): string {
  if (error.code === 'CONFLICT') return `Not done: ${error.message}`;
  if (error.code === 'NOT_FOUND') return `Not done: ${error.message}`;
  return errorMessage(error);
}

/** zod's number messages in words ("Too big: expected number to be <=365" -> "must be at most 365"). */
function plainer(message: string): string {
  const big = /^Too big: expected number to be <=?(\d+)/.exec(message);
  if (big) return `must be at most ${big[1]}`;
  const small = /^Too small: expected number to be >=?(\d+)/.exec(message);
  if (small) return `must be at least ${small[1]}`;
  if (/^Invalid input: expected (number|int)/.test(message)) return 'must be a whole number';
  return message;
}

export class SyncForm<F extends string> {
  readonly labels: Readonly<Record<F, string>>;
  private readonly initial: Readonly<Record<F, string>>;
  values: Record<F, string>;
  errors = new Map<F, string>();
  /** The message above the fields (a refusal that is not about one field). */
  error: string | null = null;
  busy = false;
  /** Counts refused submissions, so the error summary takes focus each time. */
  refusals = 0;

  constructor(labels: Record<F, string>, initial: Partial<Record<F, string>> = {}) {
    this.labels = labels;
    const start = {} as Record<F, string>;
    for (const key of Object.keys(labels) as F[]) start[key] = initial[key] ?? '';
    this.initial = start;
    this.values = { ...start };
    makeAutoObservable<SyncForm<F>, 'initial'>(this, { labels: false, initial: false }, { autoBind: true });
  }

  set(field: F, value: string): void {
    this.values[field] = value;
    this.errors.delete(field);
  }

  /** Empties a value but keeps its message (a passphrase is never kept, even when refused). */
  clearValue(field: F): void {
    this.values[field] = '';
  }

  /** Sets several values at once (a form opened for a site fills in what is known). */
  fill(values: Partial<Record<F, string>>): void {
    for (const [field, value] of Object.entries(values) as [F, string][]) this.set(field, value);
  }

  get hasFields(): boolean {
    return this.errors.size > 0;
  }

  clearMessages(): void {
    this.errors = new Map();
    this.error = null;
  }

  reset(): void {
    this.values = { ...this.initial };
    this.busy = false;
    this.clearMessages();
  }

  /** A message next to one field, worded with its label ("Key passphrase is required"). */
  fieldError(field: F, message: string): void {
    const plain = plainer(message);
    const label = this.labels[field];
    // The core words field refusals as the rest of a sentence ("does not match the certificate ...").
    this.errors.set(field, /^[a-z]/.test(plain) ? `${label} ${plain}` : fieldSentence(label, plain));
  }

  /**
   * Puts each issue on its field (by the first key of its path, or by `rename`); returns the
   * issues that match no field. The first message per field wins.
   */
  applyIssues(issues: readonly Issue[], rename: Partial<Record<string, F>> = {}): string[] {
    const other: string[] = [];
    for (const issue of issues) {
      const key = issueKey(issue.path);
      const top = key.split('.')[0] ?? '';
      const field = rename[key] ?? rename[top] ?? (top in this.labels ? (top as F) : undefined);
      if (field === undefined) other.push(issue.message);
      else if (!this.errors.has(field)) this.fieldError(field, issue.message);
    }
    return other;
  }

  /** Refused before sending: the marked fields, and a summary line above them. */
  refuseFields(): void {
    this.error = 'Some entries need correcting; see the marked fields.';
    this.refusals += 1;
  }

  /** The core refused: field issues next to their fields, anything else above the form. */
  refuse(error: LedgerErrorBody, rename: Partial<Record<string, F>> = {}): void {
    const other = error.code === 'INVALID_INPUT' && error.issues ? this.applyIssues(error.issues, rename) : [];
    if (this.errors.size > 0 && other.length === 0) this.error = 'Some entries need correcting; see the marked fields.';
    else if (other.length > 0) this.error = `The entry was refused: ${other.join('; ')}`;
    else this.error = syncErrorMessage(error);
    this.refusals += 1;
  }

  setBusy(busy: boolean): void {
    this.busy = busy;
  }

  /** The summary at the top of the form: one line per marked field, in the order of the labels. */
  get summary(): { field: F; message: string }[] {
    return (Object.keys(this.labels) as F[]).filter((f) => this.errors.has(f)).map((f) => ({ field: f, message: this.errors.get(f) ?? '' }));
  }
}
