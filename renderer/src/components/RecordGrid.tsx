// A virtualized, paged grid of records (visits, incidents): only the rows on screen exist in the
// DOM, pages come from the core as the user scrolls, ARIA table roles keep it a table. The
// receipts grid's look (receipt-grid classes) with the columns given here.
import { useVirtualizer } from '@tanstack/react-virtual';
import { observer } from 'mobx-react-lite';
import type { ReactNode } from 'react';
import { useEffect, useRef } from 'react';
import type { Classification } from '../../../electron/common/classification/index.js';
import type { PagedQuery } from '../stores/PagedQuery.js';

export const GRID_ROW_HEIGHT = 52;

export interface GridColumn<Row> {
  label: string;
  width: string;
  sort?: string;
  cell: (row: Row) => ReactNode;
  className?: string;
}

interface GridProps<Row extends { id: string; classification: Classification }> {
  label: string;
  columns: readonly GridColumn<Row>[];
  paged: PagedQuery<Row>;
  sort: string;
  sortDir: 'asc' | 'desc';
  onSort: (field: string) => void;
  /** Extra class for a row (e.g. overdue), never the only signal. */
  rowClass?: (row: Row) => string;
  empty: string;
}

function SortHeader({ label, sort, current, dir, onSort }: { label: string; sort: string | undefined; current: string; dir: 'asc' | 'desc'; onSort: (f: string) => void }) {
  const sorted = sort !== undefined && current === sort;
  const ariaSort = sorted ? (dir === 'asc' ? 'ascending' : 'descending') : sort ? 'none' : undefined;
  return (
    <div role="columnheader" className="receipt-grid__header" aria-sort={ariaSort}>
      {sort ? (
        <button type="button" className="usa-button usa-button--unstyled receipt-grid__sort" onClick={() => onSort(sort)}>
          {label}
          <span aria-hidden="true">{sorted ? (dir === 'asc' ? ' ▲' : ' ▼') : ' ↕'}</span>
        </button>
      ) : (
        label
      )}
    </div>
  );
}

function GridImpl<Row extends { id: string; classification: Classification }>(props: GridProps<Row>) {
  const { paged, columns } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const template = columns.map((c) => c.width).join(' ');
  const virtualizer = useVirtualizer({ count: paged.rowCount, getScrollElement: () => scrollRef.current, estimateSize: () => GRID_ROW_HEIGHT, overscan: 10 });
  const items = virtualizer.getVirtualItems();
  const renderedFirst = items[0]?.index ?? 0;
  const renderedLast = items[items.length - 1]?.index ?? -1;
  const offset = virtualizer.scrollOffset ?? 0;
  const height = virtualizer.scrollRect?.height ?? 0;
  const visibleFirst = Math.min(Math.floor(offset / GRID_ROW_HEIGHT), Math.max(paged.rowCount - 1, 0));
  const visibleLast = Math.min(Math.ceil((offset + height) / GRID_ROW_HEIGHT) - 1, paged.rowCount - 1);
  useEffect(() => paged.ensureRange(renderedFirst, renderedLast), [paged, renderedFirst, renderedLast]);
  useEffect(() => paged.setVisibleRange(visibleFirst, visibleLast), [paged, visibleFirst, visibleLast]);
  const generation = paged.generation;
  useEffect(() => {
    scrollRef.current?.scrollTo?.({ top: 0 });
  }, [generation]);
  return (
    <>
      <div role="table" aria-label={props.label} aria-rowcount={paged.rowCount + 1} aria-busy={paged.isLoading} className="receipt-grid">
        <div role="rowgroup">
          <div role="row" aria-rowindex={1} className="receipt-grid__row receipt-grid__row--head" style={{ gridTemplateColumns: template }}>
            {columns.map((c) => (
              <SortHeader key={c.label} label={c.label} sort={c.sort} current={props.sort} dir={props.sortDir} onSort={props.onSort} />
            ))}
          </div>
        </div>
        <div role="none" ref={scrollRef} className="receipt-grid__scroll">
          <div role="rowgroup" className="receipt-grid__body" style={{ height: virtualizer.getTotalSize() }}>
            {items.map((item) => {
              const row = paged.rowAt(item.index);
              const style = { height: GRID_ROW_HEIGHT, transform: `translateY(${item.start}px)`, gridTemplateColumns: template };
              if (!row) {
                return (
                  <div key={item.key} role="row" aria-rowindex={item.index + 2} className="receipt-grid__row receipt-grid__row--loading" style={style}>
                    <div role="cell" className="receipt-grid__loading">
                      Loading…
                    </div>
                  </div>
                );
              }
              const extra = props.rowClass?.(row) ?? '';
              return (
                <div
                  key={item.key}
                  role="row"
                  aria-rowindex={item.index + 2}
                  className={`receipt-grid__row${item.index % 2 === 1 ? ' receipt-grid__row--odd' : ''}${extra ? ` ${extra}` : ''}`}
                  style={style}
                >
                  {columns.map((c) => (
                    <div key={c.label} role="cell" className={`receipt-grid__cell${c.className ? ` ${c.className}` : ''}`}>
                      {c.cell(row)}
                    </div>
                  ))}
                </div>
              );
            })}
          </div>
        </div>
      </div>
      {paged.total === 0 && <p className="receipt-grid__empty">{props.empty}</p>}
    </>
  );
}

export const RecordGrid = observer(GridImpl) as typeof GridImpl;
