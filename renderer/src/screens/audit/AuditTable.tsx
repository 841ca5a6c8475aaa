// The audit grid: virtualized (only the rows on screen exist) and paged from the core as the user
// scrolls, every page from the same snapshot. ARIA table roles keep it a table for assistive technology.
import { useVirtualizer } from '@tanstack/react-virtual';
import { observer } from 'mobx-react-lite';
import { useEffect, useRef } from 'react';
import { useStores } from '../../components/StoresContext.js';
import { AUDIT_ROW_HEIGHT, AuditRow } from './AuditRow.js';

export const AUDIT_COLUMNS = ['When (UTC)', 'Who', 'Workstation', 'What', 'Outcome'] as const;

export const AuditTable = observer(function AuditTable() {
  const { list } = useStores().audit;
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: list.rowCount,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => AUDIT_ROW_HEIGHT,
    overscan: 10,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? -1;
  useEffect(() => {
    list.ensureRange(first, last);
  }, [list, first, last, list.snapshot]);
  const generation = list.generation;
  useEffect(() => {
    scrollRef.current?.scrollTo?.({ top: 0 });
  }, [generation]);

  return (
    <>
      <div role="table" aria-label="Audit trail" aria-rowcount={list.rowCount + 1} aria-busy={list.isLoading} className="audit-grid">
        <div role="rowgroup">
          <div role="row" aria-rowindex={1} className="audit-grid__row audit-grid__row--head">
            {AUDIT_COLUMNS.map((label) => (
              <div key={label} role="columnheader" className="audit-grid__header">
                {label}
              </div>
            ))}
          </div>
        </div>
        <div role="none" ref={scrollRef} className="audit-grid__scroll">
          <div role="rowgroup" className="audit-grid__body" style={{ height: virtualizer.getTotalSize() }}>
            {items.map((item) => (
              <AuditRow key={item.key} index={item.index} start={item.start} />
            ))}
          </div>
        </div>
      </div>
      {list.total === 0 && <p className="audit-grid__empty">No entries match.</p>}
    </>
  );
});
