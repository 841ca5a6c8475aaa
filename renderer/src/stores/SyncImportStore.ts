// Importing bundles: choose the files (native dialog, or absolute paths typed one per line), see
// what each would do (`sync.preview` of the chosen set, judged together as the import would
// apply them: counts per kind, apply / overlap / held for a gap / already imported / rejected
// with the precise reason), then commit them all in one
// `sync.import`, which sorts them per site and applies each whole or not at all. At headquarters
// these are the sites' bundles; at a site, headquarters' acknowledgements.
import { makeAutoObservable, runInAction } from 'mobx';
import { contract } from '../../../electron/common/contract/index.js';
import type { ImportResult } from '../../../electron/common/sync/model.js';
import { pathsFromText } from '../platform/files.js';
import { plural } from '../format/labels.js';
import { syncErrorMessage } from './SyncForm.js';
import { ProgressWatch } from './SyncProgress.js';
import type { Rejection } from './SyncReasons.js';
import { isRejectReason, rejection } from './SyncReasons.js';
import type { SyncStore } from './SyncStore.js';

/** What the preview says one file would do, in the five cases the operator decides on. */
export type PreviewVerdict = 'apply' | 'overlap' | 'held' | 'already_imported' | 'rejected' | 'failed';

export const VERDICT_LABELS: Record<PreviewVerdict, string> = {
  apply: 'Apply',
  overlap: 'Overlap',
  held: 'Held for a gap',
  already_imported: 'Already imported',
  rejected: 'Rejected',
  failed: 'Not checked',
};

export interface FileOutcome {
  /** Stable key for lists. */
  key: string;
  path: string | null;
  fileName: string;
  result: ImportResult | null;
  verdict: PreviewVerdict;
  rejection: Rejection | null;
  /** A failure that is not a rejection (the call itself was refused). */
  error: string | null;
}

export function baseName(path: string): string {
  const parts = path.split(/[\\/]/);
  return parts[parts.length - 1] || path;
}

/** "receipt 3, session 4" (kinds in alphabetical order); "none" for an empty count. */
export function kindCounts(counts: Readonly<Record<string, number>>): string {
  const kinds = Object.keys(counts)
    .filter((k) => (counts[k] ?? 0) > 0)
    .sort();
  return kinds.length > 0 ? kinds.map((k) => `${k} ${(counts[k] ?? 0).toLocaleString('en-US')}`).join(', ') : 'none';
}

function verdictOf(result: ImportResult): PreviewVerdict {
  switch (result.outcome) {
    case 'applied':
      return result.skipped > 0 ? 'overlap' : 'apply';
    case 'held':
      return 'held';
    case 'already_imported':
      return 'already_imported';
    case 'rejected':
      return 'rejected';
  }
}

function outcomeOf(key: string, path: string | null, result: ImportResult): FileOutcome {
  const r = result.rejection;
  return {
    key,
    path,
    fileName: result.fileName ?? (path === null ? 'bundle' : baseName(path)),
    result,
    verdict: verdictOf(result),
    rejection: r && isRejectReason(r.reason) ? rejection(r.reason, r.message) : null,
    error: null,
  };
}

/**
 * One sentence for what a file would do (preview) or did (import): the counts, the seq the
 * site's chain is waiting for, or the rejection in words with its code and the core's message.
 */
export function outcomeSentence(o: FileOutcome, mode: 'preview' | 'import'): string {
  const r = o.result;
  const would = mode === 'preview';
  if (o.error !== null) return o.error;
  if (o.rejection !== null) return `${would ? 'Would be rejected' : 'Rejected'}: ${o.rejection.text} (${o.rejection.reason}). ${o.rejection.message}`;
  if (r === null) return '';
  switch (o.verdict) {
    case 'apply':
    case 'overlap': {
      if (r.acknowledged) {
        const notes = r.acknowledged.notes ? ` Notes from headquarters: ${r.acknowledged.notes}` : '';
        return `${would ? 'Would mark' : 'Marked'} this site’s journal acknowledged by headquarters up to seq ${r.acknowledged.seq.toLocaleString('en-US')}.${notes}`;
      }
      const applied = would ? `Would apply ${plural(r.applied, 'new entry', 'new entries')}` : `${r.fromHold ? 'Released from hold: applied' : 'Applied'} ${plural(r.applied, 'new entry', 'new entries')}`;
      const skipped = r.skipped > 0 ? `; ${plural(r.skipped, 'entry', 'entries')} already held, checked and ${would ? 'would be ' : ''}skipped` : '';
      return `${applied}${skipped}.`;
    }
    case 'held':
      return `${would ? 'Would be held' : 'Held'} back: waiting for seq ${r.waitingForSeq ?? '?'}, the gap before this bundle (seq ${r.bundle?.firstSeq ?? '?'}-${r.bundle?.lastSeq ?? '?'}).`;
    case 'already_imported':
      return `Already imported: ${r.message}.`;
    case 'rejected':
    case 'failed':
      return r.message;
  }
}

export interface SiteSummary {
  siteId: string;
  bundles: number;
  newEntries: number;
  byKind: Record<string, number>;
}

export class SyncImportStore {
  readonly sync: SyncStore;
  readonly watch: ProgressWatch;
  /** Typed paths, one per line (no native dialog). */
  typed = '';
  /** Paths from the native dialog. */
  picked: string[] = [];
  /** The files whose preview is shown, and what each would do. */
  previewed: string[] = [];
  previews: FileOutcome[] = [];
  /** After the commit: one outcome per bundle, in the order the core applied them. */
  results: FileOutcome[] | null = null;
  isPreviewing = false;
  isImporting = false;
  /** About the chosen files (the input). */
  fieldError: string | null = null;
  error: string | null = null;

  constructor(sync: SyncStore) {
    this.sync = sync;
    this.watch = new ProgressWatch(
      () => sync.root.api,
      () => sync.progressPollMs,
    );
    makeAutoObservable(this, { sync: false, watch: false }, { autoBind: true });
  }

  get paths(): string[] {
    return this.sync.files.native ? this.picked : pathsFromText(this.typed);
  }

  get busy(): boolean {
    return this.isPreviewing || this.isImporting;
  }

  /** The preview shown is of exactly the files chosen now: the import may go ahead. */
  get canImport(): boolean {
    const paths = this.paths;
    return !this.busy && this.previews.length > 0 && paths.length === this.previewed.length && paths.every((p, i) => p === this.previewed[i]);
  }

  /** Per site, what the preview would add (rejected and already imported files add nothing). */
  get siteSummaries(): SiteSummary[] {
    const sites = new Map<string, SiteSummary>();
    for (const p of this.previews) {
      const bundle = p.result?.bundle;
      if (!bundle || p.result === null) continue;
      const s = sites.get(bundle.siteId) ?? { siteId: bundle.siteId, bundles: 0, newEntries: 0, byKind: {} };
      s.bundles += 1;
      if (p.verdict === 'apply' || p.verdict === 'overlap' || p.verdict === 'held') {
        s.newEntries += p.result.applied;
        for (const [kind, n] of Object.entries(p.result.appliedByKind)) s.byKind[kind] = (s.byKind[kind] ?? 0) + n;
      }
      sites.set(bundle.siteId, s);
    }
    return [...sites.values()].sort((a, b) => a.siteId.localeCompare(b.siteId));
  }

  setTyped(text: string): void {
    this.typed = text;
    this.fieldError = null;
  }

  async choose(): Promise<void> {
    const picked = await this.sync.files.pickFiles();
    runInAction(() => {
      if (!picked.ok) this.error = syncErrorMessage(picked.error);
      else if (picked.value.length > 0) {
        this.picked = picked.value;
        this.fieldError = null;
        this.error = null;
      }
    });
  }

  /** Checks the chosen paths with the contract's schema; the message names the first bad one. */
  private checkPaths(paths: string[]): boolean {
    const parsed = contract['sync.import'].input.safeParse({ paths });
    if (parsed.success) return true;
    const issue = parsed.error.issues[0];
    const index = issue?.path[1];
    const which = typeof index === 'number' ? ` "${paths[index] ?? ''}"` : '';
    this.fieldError = paths.length === 0 ? 'Choose at least one bundle file' : `Bundle file${which} ${issue?.message ?? 'is not valid'}`;
    return false;
  }

  /** sync.preview of the chosen files as one set, with progress; nothing changes in the ledger. */
  async preview(): Promise<boolean> {
    const paths = this.paths;
    this.error = null;
    this.results = null;
    if (!this.checkPaths(paths)) return false;
    this.fieldError = null;
    this.isPreviewing = true;
    this.previews = [];
    this.previewed = [];
    const answer = await this.watch.run(() => this.sync.root.api['sync.preview']({ paths }));
    runInAction(() => {
      this.isPreviewing = false;
      if (!answer.ok) {
        this.error = syncErrorMessage(answer.error);
        return;
      }
      // One row per chosen file, in the order chosen (the core judges them in chain order), then
      // the bundles held by earlier imports that these files would release.
      const unclaimed = [...answer.value.results];
      const chosen: FileOutcome[] = paths.map((path, i) => {
        const at = unclaimed.findIndex((r) => r.path === path);
        const found = at === -1 ? undefined : unclaimed.splice(at, 1)[0];
        if (found) return outcomeOf(`${i}:${path}`, path, found);
        return { key: `${i}:${path}`, path, fileName: baseName(path), result: null, verdict: 'failed', rejection: null, error: 'the preview said nothing about this file' };
      });
      const released = unclaimed.map((r, i) => outcomeOf(`held:${r.bundle?.bundleId ?? i}`, null, r));
      this.previews = [...chosen, ...released];
      this.previewed = paths;
    });
    return answer.ok;
  }

  /** sync.import of the previewed files, with progress; then every sync view is read again. */
  async commit(): Promise<boolean> {
    if (!this.canImport) return false;
    const paths = [...this.previewed];
    this.error = null;
    this.isImporting = true;
    const answer = await this.watch.run(() => this.sync.root.api['sync.import']({ paths }));
    runInAction(() => {
      this.isImporting = false;
      if (answer.ok) {
        this.results = answer.value.results.map((r, i) => outcomeOf(`${i}:${r.path ?? ''}:${r.bundle?.bundleId ?? ''}`, r.path, r));
        this.previews = [];
        this.previewed = [];
      } else {
        this.error = syncErrorMessage(answer.error);
      }
    });
    if (answer.ok) {
      // Records arrived: the lists already read show them (they would otherwise wait for Refresh).
      if (answer.value.results.some((r) => r.outcome === 'applied' && r.applied > 0)) {
        const { receipts, visits, incidents } = this.sync.root;
        if (receipts.list.paged.total !== null) receipts.list.reload();
        if (visits.list.paged.total !== null) visits.list.reload();
        if (incidents.list.paged.total !== null) incidents.list.reload();
      }
      await this.sync.afterChange();
    }
    return answer.ok;
  }

  /** Forget the chosen files, the preview and the results. */
  clear(): void {
    this.typed = '';
    this.picked = [];
    this.previews = [];
    this.previewed = [];
    this.results = null;
    this.fieldError = null;
    this.error = null;
    this.watch.reset();
  }

  reset(): void {
    this.clear();
    this.isPreviewing = false;
    this.isImporting = false;
  }
}
