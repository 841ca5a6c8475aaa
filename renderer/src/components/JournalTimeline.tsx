// A record's journal entries as a timeline: when, who, what, and what changed (the receipt
// screen's history, for any record kind).
import { Alert } from '@trussworks/react-uswds';
import type { JournalEntry } from '../../../electron/common/journal.js';
import type { HistoryLine } from '../format/history.js';
import { describeEntry } from '../format/history.js';
import { formatTimestamp } from '../format/labels.js';

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

export function JournalTimeline({
  entries,
  error,
  titleOf,
  id = 'history',
}: {
  entries: readonly JournalEntry[];
  error: string | null;
  titleOf: (entry: JournalEntry) => string;
  id?: string;
}) {
  return (
    <section className="receipt-section" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>History</h2>
      {error && (
        <Alert type="error" headingLevel="h3" slim>
          {error}
        </Alert>
      )}
      {entries.length === 0 && !error && <p>No history recorded.</p>}
      {entries.length > 0 && (
        <ol className="usa-process-list history">
          {entries.map((entry) => {
            const { summary, record } = describeEntry(entry.data);
            return (
              <li key={entry.id} className="usa-process-list__item">
                <h3 className="usa-process-list__heading">{titleOf(entry)}</h3>
                <p className="margin-top-05">
                  <time dateTime={entry.at}>{formatTimestamp(entry.at)}</time> by <strong>{entry.actor}</strong> (journal entry {entry.seq}, site {entry.siteId})
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
          })}
        </ol>
      )}
    </section>
  );
}
