// A record's journal entries as a timeline: when, who, what, and what changed, for any record
// kind. At headquarters each entry of another site also says which bundle brought it.
import { Alert } from '@trussworks/react-uswds';
import { observer } from 'mobx-react-lite';
import { useEffect } from 'react';
import type { JournalEntry } from '../../../electron/common/journal.js';
import type { HistoryLine } from '../format/history.js';
import { describeEntry } from '../format/history.js';
import { formatTimestamp } from '../format/labels.js';
import { useStores } from './StoresContext.js';

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

const Provenance = observer(function Provenance({ entry }: { entry: JournalEntry }) {
  const found = useStores().provenance.of(entry);
  if (!found) return null;
  return (
    <p className="margin-top-05">
      Arrived in bundle <code>{found.fileName}</code>, imported <time dateTime={found.importedAt}>{formatTimestamp(found.importedAt)}</time> by{' '}
      {found.importedBy}
    </p>
  );
});

export const JournalTimeline = observer(function JournalTimeline({
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
  const { provenance } = useStores();
  useEffect(() => {
    void provenance.load(entries);
  }, [provenance, entries]);
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
                <Provenance entry={entry} />
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
});
