// The receipts list: filters (direction, status, level, FGI, country, overdue), search and sort,
// and the rows page by page; the list behaviour itself is RecordListStore's.
import type { UsLevel } from '../../../electron/common/classification/index.js';
import type { Direction, ReceiptStatus, ReceiptView } from '../../../electron/common/receipts/model.js';
import { INCOMING_STATUSES, OUTGOING_STATUSES } from '../../../electron/common/receipts/model.js';
import type { ReceiptQueryInput, ReceiptSortField } from '../../../electron/common/receipts/query.js';
import { receiptQuerySchema } from '../../../electron/common/receipts/query.js';
import type { ListSettings } from './RecordListStore.js';
import { RecordListStore } from './RecordListStore.js';
import { sharedQueryFields } from './recordQuery.js';
import type { RootStore } from './RootStore.js';

export interface ReceiptFilters {
  direction: Direction | '';
  status: ReceiptStatus | '';
  overdueOnly: boolean;
  level: UsLevel | '';
  fgi: 'any' | 'only' | 'exclude';
  country: string;
  /** Headquarters: the site the records come from. */
  siteId: string;
}

export type ReceiptListStore = RecordListStore<ReceiptFilters, ReceiptSortField, ReceiptQueryInput, ReceiptView>;

const NO_FILTERS: ReceiptFilters = { direction: '', status: '', overdueOnly: false, level: '', fgi: 'any', country: '', siteId: '' };
const FILTER_KEYS: ReadonlySet<string> = new Set(['siteId', 'direction', 'statuses', 'overdueOnly', 'levels', 'fgi', 'country', 'search']);

function receiptQuery({ filters, appliedSearch, sort, sortDir }: ListSettings<ReceiptFilters, ReceiptSortField>): ReceiptQueryInput {
  const { direction, level, fgi, overdueOnly } = filters;
  const query: ReceiptQueryInput = { ...sharedQueryFields(filters, appliedSearch), sort, sortDir, fgi, overdueOnly };
  if (direction) query.direction = direction;
  if (level) query.levels = [level];
  return query;
}

/** A status of the other direction would match nothing: drop it. */
function dropStatusOfOtherDirection(filters: ReceiptFilters): void {
  const { direction, status } = filters;
  if (direction && status && status !== 'void') {
    const statuses: readonly ReceiptStatus[] = direction === 'incoming' ? INCOMING_STATUSES : OUTGOING_STATUSES;
    if (!statuses.includes(status)) filters.status = '';
  }
}

export function createReceiptList(root: RootStore, pageSize?: number): ReceiptListStore {
  return new RecordListStore(
    {
      noFilters: NO_FILTERS,
      sort: 'updatedAt',
      sortDir: 'desc',
      toQuery: receiptQuery,
      schema: receiptQuerySchema,
      filterKeys: FILTER_KEYS,
      fetch: (query) => root.api['receipts.list'](query),
      afterFilterSet: dropStatusOfOtherDirection,
    },
    pageSize,
  );
}
