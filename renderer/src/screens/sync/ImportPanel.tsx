// Importing bundles: at headquarters the sites' bundles, at a site headquarters'
// acknowledgements. First a preview per file (nothing changes: counts per kind and site, and
// whether it would apply, overlap, be held for a gap, be a no-op, or be rejected and why), then
// the import of the previewed files, with one result per bundle.
import { Button, Form, Tag } from '@trussworks/react-uswds';
import { observer } from 'mobx-react-lite';
import { TextAreaField } from '../../components/FormFields.js';
import { useStores } from '../../components/StoresContext.js';
import { plural } from '../../format/labels.js';
import type { FileOutcome, PreviewVerdict } from '../../stores/SyncImportStore.js';
import { VERDICT_LABELS, kindCounts, outcomeSentence } from '../../stores/SyncImportStore.js';
import { Notice, Panel, ProgressLine, RejectionText } from './SyncParts.js';

const IMPORT_LABELS: Record<PreviewVerdict, string> = { ...VERDICT_LABELS, apply: 'Applied', overlap: 'Applied (overlap)', held: 'Held back' };

function VerdictTag({ verdict, mode }: { verdict: PreviewVerdict; mode: 'preview' | 'import' }) {
  const label = mode === 'preview' ? VERDICT_LABELS[verdict] : IMPORT_LABELS[verdict];
  return <Tag className={`sync-verdict sync-verdict--${verdict}`}>{label}</Tag>;
}

function SeqRange({ o }: { o: FileOutcome }) {
  const b = o.result?.bundle;
  return <>{b ? `${b.firstSeq.toLocaleString('en-US')}–${b.lastSeq.toLocaleString('en-US')}` : '—'}</>;
}

function OutcomeCell({ o, mode }: { o: FileOutcome; mode: 'preview' | 'import' }) {
  return (
    <>
      <VerdictTag verdict={o.verdict} mode={mode} />{' '}
      {o.rejection ? <RejectionText rejection={o.rejection} lead={mode === 'preview' ? 'Would be rejected' : 'Rejected'} /> : outcomeSentence(o, mode)}
      {o.result?.alarmId && <> An alarm was raised.</>}
    </>
  );
}

const PreviewTable = observer(function PreviewTable() {
  const { sync } = useStores();
  const importer = sync.importer;
  const rows = importer.previews;
  const summaries = importer.siteSummaries;
  return (
    <div className="sync-preview">
      <h3 id="sync-preview-heading">Preview</h3>
      <p role="status">
        Nothing has changed yet. {plural(rows.length, 'file')} checked: {countsOf(rows, 'preview')}.
      </p>
      {summaries.length > 0 && (
        <ul className="usa-list sync-site-summary" aria-label="New entries per site">
          {summaries.map((s) => (
            <li key={s.siteId}>
              <strong>{s.siteId}</strong>: {plural(s.bundles, 'bundle')}, {plural(s.newEntries, 'new entry', 'new entries')} ({kindCounts(s.byKind)})
            </li>
          ))}
        </ul>
      )}
      <div className="sync-table-scroll">
        <table className="usa-table usa-table--borderless sync-table" aria-describedby="sync-preview-heading">
          <caption>What importing would do</caption>
          <thead>
            <tr>
              <th scope="col">File</th>
              <th scope="col">Site</th>
              <th scope="col">Seq range</th>
              <th scope="col">Marking</th>
              <th scope="col">Entries by kind</th>
              <th scope="col">New entries by kind</th>
              <th scope="col">What would happen</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((o) => (
              <tr key={o.key}>
                <th scope="row">
                  <code>{o.fileName}</code>
                </th>
                <td>{o.result?.bundle?.siteId ?? '—'}</td>
                <td>
                  <SeqRange o={o} />
                </td>
                <td>{o.result?.bundle?.classification ?? '—'}</td>
                <td>{o.result?.bundle ? kindCounts(o.result.bundle.counts) : '—'}</td>
                <td>{o.result ? kindCounts(o.result.appliedByKind) : '—'}</td>
                <td>
                  <OutcomeCell o={o} mode="preview" />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
});

const COUNT_WORDS: Record<'preview' | 'import', Record<PreviewVerdict, string>> = {
  preview: { apply: 'would apply', overlap: 'would apply in part (overlap)', held: 'would be held back', already_imported: 'already imported', rejected: 'would be rejected', failed: 'not checked' },
  import: { apply: 'applied', overlap: 'applied in part (overlap)', held: 'held back', already_imported: 'already imported', rejected: 'rejected', failed: 'not imported' },
};

/** "2 would apply, 1 would be rejected". */
function countsOf(rows: readonly FileOutcome[], mode: 'preview' | 'import'): string {
  const counts = new Map<PreviewVerdict, number>();
  for (const r of rows) counts.set(r.verdict, (counts.get(r.verdict) ?? 0) + 1);
  return [...counts].map(([v, n]) => `${n} ${COUNT_WORDS[mode][v]}`).join(', ');
}

const ResultsTable = observer(function ResultsTable({ results }: { results: readonly FileOutcome[] }) {
  return (
    <Notice type={results.some((r) => r.verdict === 'rejected' || r.verdict === 'failed') ? 'warning' : 'success'} heading="Import finished" id="sync-import-results">
      <p>
        {plural(results.length, 'bundle')}: {countsOf(results, 'import')}.
      </p>
      <div className="sync-table-scroll">
        <table className="usa-table usa-table--borderless sync-table">
          <caption>Import results</caption>
          <thead>
            <tr>
              <th scope="col">File</th>
              <th scope="col">Site</th>
              <th scope="col">Seq range</th>
              <th scope="col">Marking</th>
              <th scope="col">New entries by kind</th>
              <th scope="col">Result</th>
            </tr>
          </thead>
          <tbody>
            {results.map((o) => (
              <tr key={o.key}>
                <th scope="row">
                  <code>{o.fileName}</code>
                </th>
                <td>{o.result?.bundle?.siteId ?? '—'}</td>
                <td>
                  <SeqRange o={o} />
                </td>
                <td>{o.result?.bundle?.classification ?? '—'}</td>
                <td>{o.result ? kindCounts(o.result.appliedByKind) : '—'}</td>
                <td>
                  <OutcomeCell o={o} mode="import" />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Notice>
  );
});

export const ImportPanel = observer(function ImportPanel() {
  const { sync } = useStores();
  const importer = sync.importer;
  const hq = sync.isHq;
  const title = hq ? 'Import bundles' : 'Import acknowledgement';
  const native = sync.files.native;
  const count = importer.previewed.length;
  return (
    <Panel id="sync-import" title={title}>
      <p>
        {hq
          ? 'Choose the sites’ bundles on the medium, in any order: a preview says what each would do before anything changes. Each bundle then applies whole or not at all.'
          : 'Choose headquarters’ acknowledgement: once imported, the entries it acknowledges no longer go in the next export.'}
      </p>
      <Form
        className="panel-form sync-wide-form"
        aria-label={`Choose ${hq ? 'bundles' : 'acknowledgements'} to preview`}
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void importer.preview();
        }}
      >
        {importer.error && (
          <div className="usa-alert usa-alert--error usa-alert--slim" role="alert">
            <div className="usa-alert__body">
              <p className="usa-alert__text">{importer.error}</p>
            </div>
          </div>
        )}
        {native ? (
          <div className={`usa-form-group${importer.fieldError ? ' usa-form-group--error' : ''}`}>
            <span className="usa-label" id="sync-import-paths-label">
              Bundle files
            </span>
            {importer.fieldError && (
              <span className="usa-error-message" id="sync-import-paths-error">
                {importer.fieldError}
              </span>
            )}
            {importer.picked.length === 0 ? (
              <p id="sync-import-paths-chosen">No files chosen</p>
            ) : (
              <ul className="usa-list" id="sync-import-paths-chosen" aria-labelledby="sync-import-paths-label">
                {importer.picked.map((p) => (
                  <li key={p}>
                    <code>{p}</code>
                  </li>
                ))}
              </ul>
            )}
            <Button type="button" id="sync-import-paths" outline disabled={importer.busy} onClick={() => void importer.choose()}>
              Choose bundle files
            </Button>
          </div>
        ) : (
          <TextAreaField
            id="sync-import-paths"
            label="Bundle files"
            hint="One absolute path per line, e.g. /media/usb/SITE-A_1-250_SECRET.ledger.tar."
            required
            value={importer.typed}
            error={importer.fieldError ?? undefined}
            disabled={importer.busy}
            onChange={(v) => importer.setTyped(v)}
          />
        )}
        <div className="button-row">
          <Button type="submit" disabled={importer.busy}>
            Preview
          </Button>
          <Button type="button" outline disabled={importer.busy} onClick={() => importer.clear()}>
            Clear
          </Button>
        </div>
        {importer.isPreviewing && <p role="status">{importer.watch.text ?? `Checking ${importer.paths.length === 1 ? 'the file' : `${importer.paths.length} files`}…`}</p>}
      </Form>
      {importer.previews.length > 0 && (
        <>
          <PreviewTable />
          <div className="button-row">
            <Button type="button" disabled={!importer.canImport} onClick={() => void importer.commit()}>
              Import {plural(count, hq ? 'bundle' : 'file')}
            </Button>
          </div>
          {!importer.canImport && !importer.busy && <p>The chosen files changed since the preview: preview them again first.</p>}
        </>
      )}
      <ProgressLine watch={importer.watch} label="Import progress" />
      {importer.results && <ResultsTable results={importer.results} />}
    </Panel>
  );
});
