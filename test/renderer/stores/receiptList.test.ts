import { afterEach, describe, expect, it, vi } from 'vitest';
import { bannerMarking } from '../../../electron/common/classification/index.js';
import type { ReceiptQuery } from '../../../electron/common/receipts/query.js';
import { PAGE_SIZE } from '../../../renderer/src/stores/PagedQuery.js';
import { SEARCH_DELAY_MS } from '../../../renderer/src/stores/RecordListStore.js';
import type { FakeApi } from '../fakeApi.js';
import { flush, signedInRig } from '../support.js';

function seed(fake: FakeApi, n: number): void {
  for (let i = 0; i < n; i++) {
    fake.addReceipt({
      controlNumber: `CN-${String(i).padStart(4, '0')}`,
      direction: i % 2 === 0 ? 'outgoing' : 'incoming',
      classification: { level: i === 3 ? 'SECRET' : 'CONFIDENTIAL', cui: false, foreign: null, whollyForeign: false, concealSource: false, noforn: false, relTo: [] },
    });
  }
}

const listCalls = (fake: FakeApi) => fake.callsOf('receipts.list') as ReceiptQuery[];

afterEach(() => {
  vi.useRealTimers();
});

describe('ReceiptListStore', () => {
  it('fetches one page at a time by offset and limit, as rows come on screen', async () => {
    const { root, fake } = await signedInRig();
    seed(fake, 250);
    const list = root.receipts.list;
    list.reload();
    await flush();
    expect(list.paged.total).toBe(250);
    expect(listCalls(fake).map((q) => [q.offset, q.limit])).toEqual([[0, PAGE_SIZE]]);
    expect(list.paged.rowAt(0)?.controlNumber).toBeDefined();
    expect(list.paged.rowAt(150)).toBeUndefined();

    list.paged.setVisibleRange(150, 160);
    await flush();
    expect(listCalls(fake).map((q) => q.offset)).toEqual([0, 100]);
    expect(list.paged.rowAt(150)).toBeDefined();

    // A range over two pages fetches only the one still missing; nothing is fetched twice.
    list.paged.setVisibleRange(195, 215);
    list.paged.setVisibleRange(195, 215);
    await flush();
    expect(listCalls(fake).map((q) => q.offset)).toEqual([0, 100, 200]);
    expect(listCalls(fake).every((q) => q.limit === PAGE_SIZE)).toBe(true);
  });

  it('re-queries from the first page when a filter changes, and drops answers to the old query', async () => {
    const { root, fake } = await signedInRig();
    seed(fake, 30);
    const list = root.receipts.list;
    list.reload();
    list.setFilter('direction', 'incoming');
    await flush();
    expect(list.paged.total).toBe(15);
    expect(listCalls(fake).at(-1)).toMatchObject({ direction: 'incoming', offset: 0 });

    list.setFilter('level', 'SECRET');
    list.setFilter('overdueOnly', true);
    list.setFilter('fgi', 'exclude');
    await flush();
    expect(listCalls(fake).at(-1)).toMatchObject({ direction: 'incoming', levels: ['SECRET'], overdueOnly: true, fgi: 'exclude', offset: 0 });
    list.clearFilters();
    await flush();
    expect(list.paged.total).toBe(30);
  });

  it('ignores an answer that arrives after the query changed', async () => {
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    let held = false;
    const { root, fake } = await signedInRig({
      wrap: (api) => ({
        ...api,
        'receipts.list': async (query) => {
          if (!held && query.direction === undefined) {
            held = true;
            await gate;
          }
          return api['receipts.list'](query);
        },
      }),
    });
    seed(fake, 30);
    const list = root.receipts.list;
    list.reload();
    list.setFilter('direction', 'incoming');
    await flush();
    expect(list.paged.total).toBe(15);
    release();
    await flush();
    expect(list.paged.total).toBe(15);
    expect(list.paged.rowAt(0)?.direction).toBe('incoming');
  });

  it('sorts by a column, flipping the direction on a second click', async () => {
    const { root, fake } = await signedInRig();
    seed(fake, 5);
    const list = root.receipts.list;
    list.setSort('controlNumber');
    await flush();
    expect(listCalls(fake).at(-1)).toMatchObject({ sort: 'controlNumber', sortDir: 'asc' });
    expect(list.paged.rowAt(0)?.controlNumber).toBe('CN-0000');
    list.setSort('controlNumber');
    await flush();
    expect(list.paged.rowAt(0)?.controlNumber).toBe('CN-0004');
  });

  it('debounces the search box', async () => {
    vi.useFakeTimers();
    const { root, fake } = await signedInRig();
    seed(fake, 20);
    const list = root.receipts.list;
    list.setSearchText('CN-001');
    list.setSearchText('CN-0012');
    expect(listCalls(fake)).toEqual([]);
    await vi.advanceTimersByTimeAsync(SEARCH_DELAY_MS + 10);
    expect(listCalls(fake).map((q) => q.search)).toEqual(['CN-0012']);
    expect(list.paged.total).toBe(1);
  });

  it('waits for a whole country code and refuses a wrong one without asking the core', async () => {
    const { root, fake } = await signedInRig();
    const list = root.receipts.list;
    list.setCountry('DE');
    list.setCountry('DEUX');
    await flush();
    expect(listCalls(fake)).toEqual([]);
    expect(list.paged.filterErrors.get('country')).toBe('must be a country trigraph or NATO');
    list.setCountry('deu');
    await flush();
    expect(listCalls(fake).at(-1)).toMatchObject({ country: 'DEU' });
    expect(list.paged.filterErrors.size).toBe(0);
  });

  it('marks the view at the highest classification among the rows on screen', async () => {
    const { root, fake } = await signedInRig();
    seed(fake, 10);
    const list = root.receipts.list;
    list.setSort('controlNumber');
    await flush();
    list.paged.setVisibleRange(0, 2);
    expect(list.paged.highestShown && bannerMarking(list.paged.highestShown)).toBe('CONFIDENTIAL');
    list.paged.setVisibleRange(0, 5);
    expect(list.paged.highestShown && bannerMarking(list.paged.highestShown)).toBe('SECRET');
    list.paged.setVisibleRange(0, -1);
    expect(list.paged.highestShown).toBeNull();
  });
});
