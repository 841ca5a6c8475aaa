// The small form behind one explicit action button (approve a visit, log an arrival, take an
// incident step, name a person, ...). Each input is named by its path in the contract method's
// input ('action.disclosure.scope'), so the contract's own schema checks it here first and the
// core's field issues land on the same input. Values live in the store: an idle lock or a change
// of screen loses nothing.
import { makeAutoObservable, observableRef, runInAction } from 'mobx';
import type { MethodName, MethodOutput } from '../../../electron/common/contract/index.js';
import { contract } from '../../../electron/common/contract/index.js';
import type { LedgerErrorBody, Result } from '../../../electron/common/result.js';
import { errorMessage, fieldSentence } from '../format/errors.js';
import type { PathIssue } from '../format/fieldPaths.js';
import { issuesByPath, pathKey } from '../format/fieldPaths.js';
import type { RootStore } from './RootStore.js';

export type SmallFieldKind = 'date' | 'optionalDate' | 'time' | 'text' | 'textarea' | 'select' | 'yesno' | 'check' | 'number';
export type Values = Record<string, string>;

export interface SmallField {
  /** The path of the value in the method's input, e.g. 'arrival.badgeNumber'. */
  name: string;
  label: string;
  kind: SmallFieldKind;
  hint?: string | ((values: Values) => string | undefined);
  options?: readonly { value: string; label: string }[];
  required?: boolean;
}

export interface FormSpec<M extends MethodName> {
  /** Names the form's inputs (ids) and tells one form from another. */
  key: string;
  /** The heading and the form's accessible name. */
  title: string;
  method: M;
  fields: readonly SmallField[];
  /** What the user does not type: ids, expected versions, the action type. */
  fixed: Record<string, unknown>;
  /** Starting values; dates not given start at today. */
  initial?: Values;
  /** Where the form shows: the record (null) or one part of it (a visitor, a person). */
  target?: string | null;
  intro?: string;
  /** Last touches to the input before it is checked (a disclosure left blank is null). */
  adjust?: (input: Record<string, unknown>, values: Values) => Record<string, unknown>;
  done: (value: MethodOutput<M>) => void | Promise<void>;
}

export type AnyFormSpec = Omit<FormSpec<MethodName>, 'done'> & { done: (value: unknown) => void | Promise<void> };

export function defineForm<M extends MethodName>(spec: FormSpec<M>): AnyFormSpec {
  return spec as unknown as AnyFormSpec;
}

function convert(kind: SmallFieldKind, value: string): unknown {
  switch (kind) {
    case 'date':
    case 'time':
    case 'text':
    case 'textarea':
      return value;
    case 'optionalDate':
      return value.trim() === '' ? null : value;
    case 'select':
      return value === '' ? undefined : value;
    case 'yesno':
      return value === 'yes' ? true : value === 'no' ? false : undefined;
    case 'check':
      return value === 'true';
    case 'number':
      return value.trim() === '' ? undefined : Number(value);
  }
}

/** Sets `value` at a dotted path, making the objects on the way. */
export function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
  let node = target;
  for (const part of parts.slice(0, -1)) {
    const next = node[part];
    if (typeof next !== 'object' || next === null) node[part] = {};
    node = node[part] as Record<string, unknown>;
  }
  node[parts[parts.length - 1] ?? path] = value;
}

export function buildInput(spec: AnyFormSpec, values: Values): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const [path, value] of Object.entries(spec.fixed)) setPath(input, path, value);
  for (const field of spec.fields) setPath(input, field.name, convert(field.kind, values[field.name] ?? ''));
  return spec.adjust ? spec.adjust(input, values) : input;
}

export class SmallForm {
  readonly root: RootStore;
  active: AnyFormSpec | null = null;
  values: Values = {};
  errors = new Map<string, string>();
  general: string | null = null;
  /** The core's refusal as it came (a CONFLICT may name the record it conflicts with). */
  lastError: LedgerErrorBody | null = null;
  conflict = false;
  isSaving = false;
  /** Counts refusals, so the view can move focus to the message each time. */
  refused = 0;

  constructor(root: RootStore) {
    this.root = root;
    makeAutoObservable(this, { root: false, active: observableRef }, { autoBind: true });
  }

  isOpen(key: string, target: string | null = null): boolean {
    return this.active?.key === key && (this.active.target ?? null) === target;
  }

  /** Opens a form; the same form already open keeps what was typed. */
  open(spec: AnyFormSpec, today: string): void {
    if (this.active && this.isOpen(spec.key, spec.target ?? null)) {
      this.active = spec;
      return;
    }
    this.active = spec;
    this.values = Object.fromEntries(spec.fields.map((f) => [f.name, spec.initial?.[f.name] ?? (f.kind === 'date' ? today : '')]));
    this.clearMessages();
  }

  close(): void {
    this.active = null;
    this.values = {};
    this.clearMessages();
  }

  set(name: string, value: string): void {
    this.values[name] = value;
    this.errors.delete(name);
  }

  /** Checks with the contract's schema, sends, and on success closes and hands the answer on. */
  async submit(): Promise<boolean> {
    const spec = this.active;
    if (spec === null) return false;
    this.clearMessages();
    const input = buildInput(spec, this.values);
    const parsed = contract[spec.method].input.safeParse(input);
    if (!parsed.success) {
      this.showIssues(spec, parsed.error.issues, null);
      return false;
    }
    this.isSaving = true;
    const call = this.root.api[spec.method] as unknown as (input: unknown) => Promise<Result<unknown>>;
    const result = await call(parsed.data);
    if (result.ok) {
      runInAction(() => {
        this.isSaving = false;
        if (this.active === spec) this.close();
      });
      await spec.done(result.value);
      return true;
    }
    runInAction(() => {
      this.isSaving = false;
      this.lastError = result.error;
      this.conflict = result.error.code === 'CONFLICT';
      this.showIssues(spec, result.error.issues ?? [], result.error);
    });
    return false;
  }

  reset(): void {
    this.close();
  }

  private showIssues(spec: AnyFormSpec, issues: readonly PathIssue[], error: LedgerErrorBody | null): void {
    this.refused++;
    const labels = new Map(spec.fields.map((f) => [f.name, f.label]));
    // An issue about a group of inputs ('action.disclosure') goes to the first input of the group.
    const placed = issues.map((issue) => {
      const key = pathKey(issue.path);
      const first = labels.has(key) ? undefined : spec.fields.find((f) => f.name.startsWith(`${key}.`));
      return first ? { ...issue, path: first.name.split('.') } : issue;
    });
    const { fields, other } = issuesByPath(placed, (key) => labels.has(key));
    this.errors = new Map([...fields].map(([key, message]) => [key, fieldSentence(labels.get(key) ?? key, message)]));
    if (error && issues.length === 0) this.general = errorMessage(error);
    else if (other.length > 0) this.general = other.map((m) => m.charAt(0).toUpperCase() + m.slice(1)).join('; ');
    else this.general = 'Some entries need correcting; see the marked fields.';
  }

  private clearMessages(): void {
    this.errors = new Map();
    this.general = null;
    this.lastError = null;
    this.conflict = false;
  }
}
