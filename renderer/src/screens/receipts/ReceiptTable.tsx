// The receipts grid: virtualized (only the rows on screen exist in the DOM) and paged from the
// core as the user scrolls. ARIA table roles keep it a table for assistive technology.
import { useVirtualizer } from '@tanstack/react-virtual';
import { observer } from 'mobx-react-lite';
import { useEffect, useRef } from 'react';
import type { ReceiptSortField } from '../../../../electron/common/receipts/query.js';
import { useStores } from '../../components/StoresContext.js';
import { ReceiptRow, ROW_HEIGHT } from './ReceiptRow.js';

interface Column {
  label: string;
  sort?: ReceiptSortField;
}

export const COLUMNS: readonly Column[] = [
  { label: 'Marking', sort: 'level' },
  { label: 'Control number', sort: 'controlNumber' },
  { label: 'Unclassified title', sort: 'unclassifiedTitle' },
  { label: 'Direction' },
  { label: 'Status', sort: 'status' },
  { label: 'Suspense due', sort: 'suspenseDueOn' },
];

const SortHeader = observer(function SortHeader({ column }: { column: Column }) {
  const { list } = useStores().receipts;
  const sorted = column.sort !== undefined && list.sort === column.sort;
  const ariaSort = sorted ? (list.sortDir === 'asc' ? 'ascending' : 'descending') : column.sort ? 'none' : undefined;
  return (
    <div role="columnheader" className="receipt-grid__header" aria-sort={ariaSort}>
      {column.sort ? (
        <button type="button" className="usa-button usa-button--unstyled receipt-grid__sort" onClick={() => column.sort && list.setSort(column.sort)}>
          {column.label}
          <span aria-hidden="true" className="receipt-grid__sort-mark">
            {sorted ? (list.sortDir === 'asc' ? ' ▲' : ' ▼') : ' ↕'}
          </span>
        </button>
      ) : (
        column.label
      )}
    </div>
  );
});

export const ReceiptTable = observer(function ReceiptTable() {
  const { list } = useStores().receipts;
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: list.paged.rowCount,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
  });
  const items = virtualizer.getVirtualItems();
  const renderedFirst = items[0]?.index ?? 0;
  const renderedLast = items[items.length - 1]?.index ?? -1;
  // What is actually on screen (fixed row height), for the highest marking shown.
  const offset = virtualizer.scrollOffset ?? 0;
  const height = virtualizer.scrollRect?.height ?? 0;
  const visibleFirst = Math.min(Math.floor(offset / ROW_HEIGHT), Math.max(list.paged.rowCount - 1, 0));
  const visibleLast = Math.min(Math.ceil((offset + height) / ROW_HEIGHT) - 1, list.paged.rowCount - 1);

  useEffect(() => {
    list.paged.ensureRange(renderedFirst, renderedLast);
  }, [list, renderedFirst, renderedLast]);
  useEffect(() => {
    list.paged.setVisibleRange(visibleFirst, visibleLast);
  }, [list, visibleFirst, visibleLast]);
  // A new query starts at the top.
  const generation = list.paged.generation;
  useEffect(() => {
    scrollRef.current?.scrollTo?.({ top: 0 });
  }, [generation]);

  return (
    <>
    <div role="table" aria-label="Receipts" aria-rowcount={list.paged.rowCount + 1} aria-busy={list.paged.isLoading} className="receipt-grid">
      <div role="rowgroup">
        <div role="row" aria-rowindex={1} className="receipt-grid__row receipt-grid__row--head">
          {COLUMNS.map((c) => (
            <SortHeader key={c.label} column={c} />
          ))}
        </div>
      </div>
      <div role="none" ref={scrollRef} className="receipt-grid__scroll">
        <div role="rowgroup" className="receipt-grid__body" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => (
            <ReceiptRow key={item.key} index={item.index} start={item.start} />
          ))}
        </div>
      </div>
    </div>
    {list.paged.total === 0 && <p className="receipt-grid__empty">No receipts match.</p>}
    </>
  );
});
