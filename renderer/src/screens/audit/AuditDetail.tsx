// The chosen audit record: its facts, then its data as readable key/values (the record as it stood
// after the change behind a disclosure), then the hash chain link.
import { observer } from 'mobx-react-lite';
import type { AuditRecord } from '../../../../electron/common/contract/audit.js';
import { useStores } from '../../components/StoresContext.js';
import { auditWhat, formatUtcSeconds } from '../../format/audit.js';
import type { HistoryLine } from '../../format/history.js';
import { describeEntry } from '../../format/history.js';
import { humanise } from '../../format/labels.js';
import { OutcomeText } from './AuditRow.js';

function Lines({ lines }: { lines: readonly HistoryLine[] }) {
  return (
    <dl className="audit-detail__lines">
      {lines.map((line, i) => (
        <div key={`${line.label}-${i}`} className="audit-detail__line">
          <dt>{line.label}</dt>
          <dd>{line.value}</dd>
        </div>
      ))}
    </dl>
  );
}

function facts(record: AuditRecord): HistoryLine[] {
  return [
    { label: 'When (UTC)', value: formatUtcSeconds(record.at) },
    { label: 'Who', value: record.actor },
    { label: 'Workstation', value: record.workstation || '—' },
    { label: 'Kind', value: humanise(record.kind) },
    { label: 'Action', value: record.action },
    { label: 'Record', value: record.entityId },
    { label: 'Site and sequence', value: `${record.siteId} #${record.seq}` },
    { label: 'Entry ID', value: record.id },
  ];
}

export const AuditDetail = observer(function AuditDetail() {
  const { list } = useStores().audit;
  const record = list.selected;
  return (
    <section className="audit-detail" aria-labelledby="audit-detail-heading">
      <h2 id="audit-detail-heading">Entry details</h2>
      {record === null ? (
        <p>Choose an entry (its “What”) to see everything it records.</p>
      ) : (
        <EntryDetail record={record} />
      )}
    </section>
  );
});

function EntryDetail({ record }: { record: AuditRecord }) {
  const { summary, record: state } = describeEntry(record.data);
  return (
    <>
      <p className="audit-detail__what">
        <strong>{auditWhat(record)}</strong> — <OutcomeText outcome={record.outcome} />
      </p>
      <Lines lines={facts(record)} />
      <h3>Data</h3>
      {summary.length > 0 ? <Lines lines={summary} /> : <p>No further data.</p>}
      {state.length > 0 && (
        <details className="audit-detail__record">
          <summary>Record after the change</summary>
          <Lines lines={state} />
        </details>
      )}
      <details className="audit-detail__record">
        <summary>Hash chain</summary>
        <Lines
          lines={[
            { label: 'Previous hash', value: record.prevHash },
            { label: 'Hash', value: record.hash },
          ]}
        />
      </details>
    </>
  );
}
