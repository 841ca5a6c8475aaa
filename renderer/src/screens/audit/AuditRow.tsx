// One audit record in the grid. A failure carries the word and a mark besides its colour.
import { Tag } from '@trussworks/react-uswds';
import { observer } from 'mobx-react-lite';
import { useStores } from '../../components/StoresContext.js';
import { auditWhat, formatUtcSeconds, isFailureOutcome, outcomeLabel } from '../../format/audit.js';

export const AUDIT_ROW_HEIGHT = 56;

export function OutcomeText({ outcome }: { outcome: string }) {
  if (!isFailureOutcome(outcome)) return <span>{outcomeLabel(outcome)}</span>;
  return (
    <Tag className="tag-failure">
      <span aria-hidden="true">✖ </span>
      {outcomeLabel(outcome)}
    </Tag>
  );
}

export const AuditRow = observer(function AuditRow({ index, start }: { index: number; start: number }) {
  const { list } = useStores().audit;
  const record = list.rowAt(index);
  const style = { height: AUDIT_ROW_HEIGHT, transform: `translateY(${start}px)` };
  if (!record) {
    return (
      <div role="row" aria-rowindex={index + 2} className="audit-grid__row audit-grid__row--loading" style={style}>
        <div role="cell" className="audit-grid__cell">
          Loading…
        </div>
      </div>
    );
  }
  const failure = isFailureOutcome(record.outcome);
  const selected = list.selected?.id === record.id;
  const rowClass = `audit-grid__row${failure ? ' audit-grid__row--failure' : ''}${selected ? ' audit-grid__row--selected' : ''}${index % 2 === 1 ? ' audit-grid__row--odd' : ''}`;
  return (
    <div role="row" aria-rowindex={index + 2} className={rowClass} style={style} data-audit-id={record.id}>
      <div role="cell" className="audit-grid__cell">
        {formatUtcSeconds(record.at)}
      </div>
      <div role="cell" className="audit-grid__cell">
        {record.actor}
      </div>
      <div role="cell" className="audit-grid__cell">
        {record.workstation || '—'}
      </div>
      <div role="cell" className="audit-grid__cell audit-grid__what">
        <button type="button" className="usa-button usa-button--unstyled audit-grid__open" aria-current={selected ? true : undefined} onClick={() => list.select(record)}>
          {auditWhat(record)}
        </button>
        <span className="audit-grid__record" title={record.entityId}>
          {record.entityId}
        </span>
      </div>
      <div role="cell" className="audit-grid__cell">
        <OutcomeText outcome={record.outcome} />
      </div>
    </div>
  );
});
