// Headquarters: which bundle brought each entry of another site, shown in a record's history so
// an analyst can trace a record back to the medium it arrived on; and the sites whose records it
// holds, for the lists' site filter. Asked for once per entry and
// kept for the session (an applied entry never changes bundle).
import { makeAutoObservable, observable, runInAction } from 'mobx';
import type { EntryProvenance } from '../../../electron/common/sync/model.js';
import { errorMessage } from '../format/errors.js';
import { canCall } from './access.js';
import type { RootStore } from './RootStore.js';

/** The core answers for at most this many entries a call. */
const BATCH = 500;

interface EntryRef {
  siteId: string;
  seq: number;
}

const keyOf = (e: EntryRef) => `${e.siteId}\u0000${e.seq}`;

export class ProvenanceStore {
  /** null: asked, and the entry did not arrive in a bundle. */
  private readonly known = observable.map<string, EntryProvenance | null>();
  error: string | null = null;
  /** Headquarters: the sites whose records it holds, for the lists' site filter. */
  sites: string[] = [];
  private askingSites = false;

  constructor(private readonly root: RootStore) {
    makeAutoObservable<ProvenanceStore, 'root'>(this, { root: false }, { autoBind: true });
  }

  of(entry: EntryRef): EntryProvenance | null {
    return this.known.get(keyOf(entry)) ?? null;
  }

  /** Ask for the entries of other sites not asked for yet; this installation's own entries never travel in. */
  async load(entries: readonly EntryRef[]): Promise<void> {
    const own = this.root.session.info?.siteId;
    if (!canCall(this.root.session.session?.roles, 'sync.provenance')) return;
    const wanted = new Map<string, EntryRef>();
    for (const e of entries) if (e.siteId !== own && !this.known.has(keyOf(e))) wanted.set(keyOf(e), { siteId: e.siteId, seq: e.seq });
    const pending = [...wanted.values()];
    for (let i = 0; i < pending.length; i += BATCH) {
      const batch = pending.slice(i, i + BATCH);
      const answer = await this.root.api['sync.provenance']({ entries: batch });
      runInAction(() => {
        if (!answer.ok) {
          this.error = errorMessage(answer.error);
          return;
        }
        this.error = null;
        for (const e of batch) this.known.set(keyOf(e), null);
        for (const found of answer.value) this.known.set(keyOf(found), found);
      });
      if (!answer.ok) return;
    }
  }

  get atHq(): boolean {
    return this.root.session.info?.siteRole === 'hq';
  }

  /**
   * The sites headquarters holds records of, asked whenever a list opens (sites are enrolled
   * while the app runs). Readers without sync.sites see no site filter.
   */
  async loadSites(): Promise<void> {
    if (this.askingSites || !this.atHq || !canCall(this.root.session.session?.roles, 'sync.sites')) return;
    this.askingSites = true;
    const answer = await this.root.api['sync.sites']({});
    runInAction(() => {
      this.askingSites = false;
      if (answer.ok) this.sites = answer.value.map((s) => s.siteId).sort();
    });
  }

  reset(): void {
    this.known.clear();
    this.error = null;
    this.sites = [];
  }
}
