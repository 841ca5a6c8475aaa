// Search across record kinds from one box: what was typed, the answer grouped by kind, and the
// record a hit opens. A newer search drops the answer to an older one.
import { makeAutoObservable, runInAction } from 'mobx';
import type { RecordKind } from '../../../electron/common/contract/dashboard.js';
import { contract } from '../../../electron/common/contract/index.js';
import type { SearchResult } from '../../../electron/common/contract/search.js';
import { errorMessage } from '../format/errors.js';
import { recordRoute } from './recordRoute.js';
import type { RootStore } from './RootStore.js';

export class SearchStore {
  readonly root: RootStore;
  text = '';
  /** The text the shown result answers. */
  searched = '';
  result: SearchResult | null = null;
  isSearching = false;
  error: string | null = null;
  private generation = 0;

  constructor(root: RootStore) {
    this.root = root;
    makeAutoObservable(this, { root: false }, { autoBind: true });
  }

  setText(text: string): void {
    this.text = text;
  }

  async search(): Promise<boolean> {
    const input = { text: this.text };
    const parsed = contract['search.records'].input.safeParse(input);
    if (!parsed.success) {
      this.error = `Search text ${parsed.error.issues[0]?.message ?? 'is not valid'}.`;
      return false;
    }
    const generation = ++this.generation;
    this.isSearching = true;
    this.error = null;
    const result = await this.root.api['search.records'](input);
    runInAction(() => {
      if (generation !== this.generation) return;
      this.isSearching = false;
      if (!result.ok) {
        this.error = errorMessage(result.error);
        return;
      }
      this.result = result.value;
      this.searched = parsed.data.text;
    });
    return result.ok;
  }

  open(kind: RecordKind, id: string): void {
    this.root.ui.navigate(recordRoute(kind, id));
  }

  reset(): void {
    this.generation++;
    this.text = '';
    this.searched = '';
    this.result = null;
    this.isSearching = false;
    this.error = null;
  }
}
