// At a site: everything headquarters has not acknowledged, as one signed bundle written to the
// removable medium, with progress while it is written and the result (file name, seq range,
// entries, marking) when it is done.
import { Button, Form } from '@trussworks/react-uswds';
import { observer } from 'mobx-react-lite';
import { TextField } from '../../components/FormFields.js';
import { useStores } from '../../components/StoresContext.js';
import { plural } from '../../format/labels.js';
import type { WrittenBundle } from '../../stores/SyncExportStore.js';
import { EXPORT_LABELS } from '../../stores/SyncExportStore.js';
import { Facts, FolderField, FormProblems, Notice, Panel, ProgressLine } from './SyncParts.js';

function kib(bytes: number): string {
  return bytes < 1024 ? `${bytes} bytes` : `${(bytes / 1024).toLocaleString('en-US', { maximumFractionDigits: 1 })} KiB`;
}

/** What was written: the file on the medium and what it carries. */
export function WrittenFacts({ written }: { written: WrittenBundle }) {
  return (
    <Facts
      items={[
        ['File name', <code key="name">{written.fileName}</code>],
        ['Written to', written.path],
        ['Seq range', `${written.firstSeq.toLocaleString('en-US')} to ${written.lastSeq.toLocaleString('en-US')}`],
        ['Entries', plural(written.entryCount, 'entry', 'entries')],
        ['Classification', written.classification],
        ['For', written.recipient],
        ['Size', kib(written.bytes)],
        ...(written.expiresAt ? ([['Expires', written.expiresAt.slice(0, 10)]] as const) : []),
      ]}
    />
  );
}

export const ExportPanel = observer(function ExportPanel() {
  const { sync } = useStores();
  const exporter = sync.exporter;
  const form = exporter.form;
  const written = exporter.written;
  const waiting = sync.status?.unacknowledged;
  return (
    <Panel id="sync-export" title="Export to headquarters">
      <p>
        {waiting === undefined
          ? 'Writes every entry headquarters has not acknowledged to one signed bundle.'
          : waiting === 0
            ? 'Headquarters has acknowledged every entry: there is nothing to export.'
            : `The next bundle carries ${plural(waiting, 'entry', 'entries')} headquarters has not acknowledged. A lost medium costs nothing: the next export carries them again.`}
      </p>
      <Form
        className="panel-form"
        aria-labelledby="sync-export-form-heading"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void exporter.submit();
        }}
      >
        <h3 id="sync-export-form-heading">Export bundle</h3>
        <FormProblems form={form} idPrefix="sync-export" />
        <FolderField
          id="sync-export-outDir"
          label={EXPORT_LABELS.outDir}
          native={sync.files.native}
          value={form.values.outDir}
          error={form.errors.get('outDir')}
          disabled={form.busy}
          onChange={(v) => form.set('outDir', v)}
          onChoose={() => void exporter.chooseFolder()}
        />
        <TextField
          id="sync-export-passphrase"
          label={EXPORT_LABELS.passphrase}
          type="password"
          autoComplete="off"
          hint="The passphrase of this installation’s signing key. It is used for this signature only and not kept."
          required
          value={form.values.passphrase}
          error={form.errors.get('passphrase')}
          disabled={form.busy}
          onChange={(v) => form.set('passphrase', v)}
        />
        <div className="button-row">
          <Button type="submit" disabled={form.busy}>
            Export bundle
          </Button>
        </div>
        <ProgressLine watch={exporter.watch} label="Export progress" idle={written ? `Bundle written: ${written.fileName}` : null} />
      </Form>
      {written && (
        <Notice type="success" heading="Bundle written">
          <WrittenFacts written={written} />
          <p>Take the medium to headquarters. The entries stay “waiting to go” until headquarters’ acknowledgement is imported here.</p>
        </Notice>
      )}
    </Panel>
  );
});
