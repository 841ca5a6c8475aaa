// The amendment of a visit request (MISWG Document 7): add, change or remove names and change
// the dates (never to an earlier start). The core keeps it as a new version beside the previous
// one, and refuses emergency requests; its refusal is shown in this form.
import { makeAutoObservable, runInAction } from 'mobx';
import { contract } from '../../../electron/common/contract/index.js';
import { isoDateSchema } from '../../../electron/common/primitives.js';
import type { LedgerErrorBody } from '../../../electron/common/result.js';
import { durationLimitText, latestEndDate } from '../../../electron/common/visits/rules.js';
import { isAmendable } from '../../../electron/common/visits/transitions.js';
import { errorMessage, fieldSentence } from '../format/errors.js';
import type { PathIssue } from '../format/fieldPaths.js';
import { issuesByPath, summarySentence } from '../format/fieldPaths.js';
import type { RootStore } from './RootStore.js';
import type { VisitDetailStore } from './VisitDetailStore.js';
import type { VisitorField, VisitorValues } from './VisitorValues.js';
import { emptyVisitor, visitorInput, visitorKeys, visitorLabel } from './VisitorValues.js';

export const AMEND_LABELS: Record<string, string> = {
  'amendment.startDate': 'First day of the visit',
  'amendment.endDate': 'Last day of the visit',
  'amendment.removeVisitors': 'Visitors removed',
  'amendment.addVisitors': 'Visitors added',
  'amendment.reference': 'Amendment reference',
  'amendment.reason': 'Reason for the amendment',
};

export class VisitAmendStore {
  readonly root: RootStore;
  readonly detail: VisitDetailStore;
  isOpen = false;
  reference = '';
  reason = '';
  startDate = '';
  endDate = '';
  /** New names of the visitors on the request, by visitor id. */
  names = new Map<string, string>();
  removed = new Set<string>();
  added: VisitorValues[] = [];
  errors = new Map<string, string>();
  general: string | null = null;
  isSaving = false;
  refused = 0;

  constructor(root: RootStore, detail: VisitDetailStore) {
    this.root = root;
    this.detail = detail;
    makeAutoObservable(this, { root: false, detail: false }, { autoBind: true });
  }

  /** The core will refuse: emergency approvals are never amended. Said up front. */
  get refusedUpFront(): boolean {
    const v = this.detail.visit;
    return v !== null && !isAmendable(v.type, v.status);
  }

  get limit(): string | null {
    const v = this.detail.visit;
    if (!v) return null;
    const start = isoDateSchema.safeParse(this.startDate).success ? this.startDate : v.startDate;
    return `The start may move later, never earlier than ${v.startDate}. A ${durationLimitText(v.type)} limit applies: starting ${start}, end by ${latestEndDate(v.type, start)}.`;
  }

  /** The amendment as the core takes it; dates and names go out only when changed. */
  get amendment(): Record<string, unknown> {
    const v = this.detail.visit;
    const amendment: Record<string, unknown> = { reference: this.reference, reason: this.reason };
    if (v && this.startDate !== v.startDate) amendment.startDate = this.startDate;
    if (v && this.endDate !== v.endDate) amendment.endDate = this.endDate;
    amendment.addVisitors = this.added.map(visitorInput);
    amendment.changeVisitors = this.renamedIds.map((visitorId) => ({ visitorId, changes: { fullName: this.names.get(visitorId) ?? '' } }));
    amendment.removeVisitors = [...this.removed];
    return amendment;
  }

  get renamedIds(): string[] {
    return this.detail.activeVisitors.filter((x) => !this.removed.has(x.id) && (this.names.get(x.id) ?? x.fullName) !== x.fullName).map((x) => x.id);
  }

  get keys(): string[] {
    const visitors = this.detail.activeVisitors;
    return [
      'amendment.startDate',
      'amendment.endDate',
      ...visitors.flatMap((x) => [`rename.${x.id}`, `remove.${x.id}`]),
      'amendment.removeVisitors',
      ...visitorKeys('amendment.addVisitors', this.added.length),
      'amendment.reference',
      'amendment.reason',
    ];
  }

  labelOf(key: string): string {
    const visitors = this.detail.activeVisitors;
    const [kind, id] = key.split('.');
    const visitor = visitors.find((x) => x.id === id);
    if (kind === 'rename' && visitor) return `Name of ${visitor.fullName}`;
    if (kind === 'remove' && visitor) return `Removal of ${visitor.fullName}`;
    return AMEND_LABELS[key] ?? visitorLabel('amendment.addVisitors', key, 'Added visitor') ?? key;
  }

  /** The errors in form order, as sentences for the summary. */
  get summary(): { key: string; message: string }[] {
    return this.keys.filter((k) => this.errors.has(k)).map((key) => ({ key, message: summarySentence(this.labelOf(key), this.errors.get(key) ?? '') }));
  }

  errorFor(key: string, label: string): string | undefined {
    const raw = this.errors.get(key);
    return raw === undefined ? undefined : fieldSentence(label, raw);
  }

  open(): void {
    const v = this.detail.visit;
    if (!v) return;
    this.detail.form.close();
    if (this.isOpen) return;
    this.isOpen = true;
    this.reference = '';
    this.reason = '';
    this.startDate = v.startDate;
    this.endDate = v.endDate;
    this.names = new Map(this.detail.activeVisitors.map((x) => [x.id, x.fullName]));
    this.removed = new Set();
    this.added = [];
    this.clearMessages();
  }

  close(): void {
    this.isOpen = false;
    this.added = [];
    this.clearMessages();
  }

  set(field: 'reference' | 'reason' | 'startDate' | 'endDate', value: string): void {
    this[field] = value;
    this.errors.delete(`amendment.${field}`);
  }

  rename(visitorId: string, name: string): void {
    this.names.set(visitorId, name);
    this.errors.delete(`rename.${visitorId}`);
  }

  toggleRemove(visitorId: string, remove: boolean): void {
    if (remove) this.removed.add(visitorId);
    else this.removed.delete(visitorId);
    this.errors.delete(`remove.${visitorId}`);
    this.errors.delete('amendment.removeVisitors');
  }

  addVisitor(): void {
    this.added.push(emptyVisitor());
  }

  removeAdded(index: number): void {
    this.added.splice(index, 1);
    for (const key of [...this.errors.keys()]) if (key.startsWith('amendment.addVisitors')) this.errors.delete(key);
  }

  setAdded(index: number, field: VisitorField, value: string): void {
    const visitor = this.added[index];
    if (!visitor) return;
    visitor[field] = value;
    this.errors.delete(`amendment.addVisitors.${index}.${field}`);
  }

  async submit(): Promise<boolean> {
    const v = this.detail.visit;
    if (!v) return false;
    this.clearMessages();
    const renamed = this.renamedIds;
    const removed = [...this.removed];
    const input = { id: v.id, expectedVersion: v.version, amendment: this.amendment };
    const parsed = contract['visits.amend'].input.safeParse(input);
    if (!parsed.success) {
      this.showIssues(parsed.error.issues, renamed, removed, null);
      return false;
    }
    this.isSaving = true;
    const result = await this.root.api['visits.amend'](parsed.data);
    if (!result.ok) {
      runInAction(() => {
        this.isSaving = false;
        this.showIssues(result.error.issues ?? [], renamed, removed, result.error);
      });
      return false;
    }
    runInAction(() => {
      this.isSaving = false;
      this.close();
    });
    this.root.visits.saved(result.value, `Amendment ${result.value.amendmentNumber}`);
    await this.detail.reload();
    return true;
  }

  /** Issues about the n-th change or removal land on that visitor's inputs. */
  private showIssues(issues: readonly PathIssue[], renamed: string[], removed: string[], error: LedgerErrorBody | null): void {
    this.refused++;
    const mapped = issues.map((issue) => {
      const [, list, index] = issue.path;
      if (list === 'changeVisitors' && typeof index === 'number') return { ...issue, path: ['rename', renamed[index] ?? ''] };
      if (list === 'removeVisitors' && typeof index === 'number') return { ...issue, path: ['remove', removed[index] ?? ''] };
      return issue;
    });
    const known = new Set(this.keys);
    const { fields, other } = issuesByPath(mapped, (key) => known.has(key));
    this.errors = fields;
    if (error && issues.length === 0) this.general = errorMessage(error);
    else if (other.length > 0) this.general = other.map((m) => fieldSentence('The amendment', m)).join('; ');
    else this.general = 'Some entries need correcting; see the marked fields.';
  }

  private clearMessages(): void {
    this.errors = new Map();
    this.general = null;
  }
}
