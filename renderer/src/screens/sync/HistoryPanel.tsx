// The bundle history: every bundle exported, imported, held back, released or dropped, newest
// first, for all sites or one.
import { Button } from '@trussworks/react-uswds';
import { observer } from 'mobx-react-lite';
import { SelectField } from '../../components/FormFields.js';
import { useStores } from '../../components/StoresContext.js';
import { formatTimestamp, plural } from '../../format/labels.js';
import { BUNDLE_EVENT_LABELS } from '../../stores/SyncHistoryStore.js';
import { Panel } from './SyncParts.js';

export const HistoryPanel = observer(function HistoryPanel() {
  const { sync } = useStores();
  const history = sync.history;
  return (
    <Panel id="sync-history" title="Bundle history">
      <div className="sync-history-filter">
        <SelectField
          id="sync-history-site"
          label="Site"
          value={history.siteId}
          options={[{ value: '', label: 'All sites' }, ...history.siteOptions.map((s) => ({ value: s, label: s }))]}
          onChange={(v) => void history.setSite(v)}
        />
      </div>
      {history.error && <p className="usa-error-message">{history.error}</p>}
      <p role="status">{history.loaded ? `${plural(history.total, 'bundle event')}, newest first` : 'Reading the bundle history…'}</p>
      {history.items.length > 0 && (
        <div className="sync-table-scroll">
          <table className="usa-table usa-table--borderless sync-table">
            <caption>Bundle history</caption>
            <thead>
              <tr>
                <th scope="col">When (UTC)</th>
                <th scope="col">Event</th>
                <th scope="col">Site</th>
                <th scope="col">Seq range</th>
                <th scope="col">Marking</th>
                <th scope="col">File</th>
                <th scope="col">Entries</th>
                <th scope="col">By</th>
              </tr>
            </thead>
            <tbody>
              {history.items.map((e) => (
                <tr key={e.id}>
                  <th scope="row">{formatTimestamp(e.at)}</th>
                  <td>
                    {BUNDLE_EVENT_LABELS[e.event]}
                    <span className="sync-note">
                      {' '}
                      ({e.siteId} to {e.recipient})
                    </span>
                  </td>
                  <td>{e.siteId}</td>
                  <td>
                    {e.firstSeq.toLocaleString('en-US')}–{e.lastSeq.toLocaleString('en-US')}
                  </td>
                  <td>{e.classification}</td>
                  <td>
                    <code>{e.fileName}</code>
                  </td>
                  <td>{e.event === 'exported' ? '—' : `${e.applied.toLocaleString('en-US')} applied, ${e.skipped.toLocaleString('en-US')} skipped`}</td>
                  <td>{e.actor}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {history.hasMore && (
        <Button type="button" outline disabled={history.isLoading} onClick={() => void history.more()}>
          Show more bundles
        </Button>
      )}
    </Panel>
  );
});
