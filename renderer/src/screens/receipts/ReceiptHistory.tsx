// The receipt's journal entries as a timeline: when, who, what, and what changed.
import { Alert } from '@trussworks/react-uswds';
import { observer } from 'mobx-react-lite';
import type { JournalEntry } from '../../../../electron/common/journal.js';
import type { ReceiptActionType } from '../../../../electron/common/receipts/transitions.js';
import { ACTION_TYPES, RECEIPT_TRANSITIONS } from '../../../../electron/common/receipts/transitions.js';
import { useStores } from '../../components/StoresContext.js';
import type { HistoryLine } from '../../format/history.js';
import { describeEntry } from '../../format/history.js';
import { formatTimestamp, humanise } from '../../format/labels.js';

const ENTRY_TITLES: Record<string, string> = { create: 'Created', update: 'Changed', reclassify: 'Reclassified' };

/** "dispatch" -> "Dispatch", "tracer" -> "Send tracer", "reclassify" -> "Reclassified". */
export function entryTitle(action: string): string {
  if (ENTRY_TITLES[action]) return ENTRY_TITLES[action];
  if ((ACTION_TYPES as readonly string[]).includes(action)) return RECEIPT_TRANSITIONS[action as ReceiptActionType][0]?.label ?? humanise(action);
  return humanise(action);
}

function Lines({ lines }: { lines: readonly HistoryLine[] }) {
  return (
    <dl className="history__lines">
      {lines.map((line, i) => (
        <div key={`${line.label}-${i}`}>
          <dt>{line.label}</dt>
          <dd>{line.value}</dd>
        </div>
      ))}
    </dl>
  );
}

function HistoryItem({ entry }: { entry: JournalEntry }) {
  const { summary, record } = describeEntry(entry.data);
  return (
    <li className="usa-process-list__item">
      <h3 className="usa-process-list__heading">{entryTitle(entry.action)}</h3>
      <p className="margin-top-05">
        <time dateTime={entry.at}>{formatTimestamp(entry.at)}</time> by <strong>{entry.actor}</strong> (journal entry {entry.seq}, site{' '}
        {entry.siteId})
      </p>
      {summary.length > 0 && <Lines lines={summary} />}
      {record.length > 0 && (
        <details className="history__details">
          <summary>The record after this entry</summary>
          <Lines lines={record} />
        </details>
      )}
    </li>
  );
}

export const ReceiptHistory = observer(function ReceiptHistory() {
  const { detail } = useStores().receipts;
  return (
    <section className="receipt-section" aria-labelledby="history-heading">
      <h2 id="history-heading">History</h2>
      {detail.historyError && (
        <Alert type="error" headingLevel="h3" slim>
          {detail.historyError}
        </Alert>
      )}
      {detail.history.length === 0 && !detail.historyError && <p>No history recorded.</p>}
      {detail.history.length > 0 && (
        <ol className="usa-process-list history">
          {detail.history.map((entry) => (
            <HistoryItem key={entry.id} entry={entry} />
          ))}
        </ol>
      )}
    </section>
  );
});
