// Headquarters: per site, the head received, the last import, bundles held back for a gap
// ("waiting for seq X"), open alarms and the last acknowledgement; the security officer writes
// the acknowledgement for a site from its row.
import { Button, Form } from '@trussworks/react-uswds';
import { observer } from 'mobx-react-lite';
import { useEffect, useRef } from 'react';
import type { SiteStatus } from '../../../../electron/common/sync/model.js';
import { TextAreaField, TextField } from '../../components/FormFields.js';
import { useStores } from '../../components/StoresContext.js';
import { formatTimestamp, plural } from '../../format/labels.js';
import { ACK_LABELS } from '../../stores/SyncExportStore.js';
import { WrittenFacts } from './ExportPanel.js';
import { shortHash } from './StatusPanel.js';
import { FolderField, FormProblems, Notice, Panel, ProgressLine } from './SyncParts.js';

const AckForm = observer(function AckForm({ siteId }: { siteId: string }) {
  const { sync } = useStores();
  const ack = sync.ack;
  const form = ack.form;
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, [siteId]);
  const site = sync.siteStatus(siteId);
  return (
    <Form
      className="panel-form"
      aria-labelledby="sync-ack-heading"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void ack.submit();
      }}
    >
      <h3 id="sync-ack-heading" ref={heading} tabIndex={-1}>
        Export acknowledgement for {siteId}
      </h3>
      <p>
        Tells {siteId} that headquarters holds its journal up to seq {site ? site.lastSeq.toLocaleString('en-US') : '?'}, with any revocations of its keys and
        your notes, signed and valid for a number of days. The site then stops exporting those entries.
      </p>
      <FormProblems form={form} idPrefix="sync-ack" />
      <FolderField
        id="sync-ack-outDir"
        label={ACK_LABELS.outDir}
        native={sync.files.native}
        value={form.values.outDir}
        error={form.errors.get('outDir')}
        disabled={form.busy}
        onChange={(v) => form.set('outDir', v)}
        onChoose={() => void ack.chooseFolder()}
      />
      <TextField
        id="sync-ack-passphrase"
        label={ACK_LABELS.passphrase}
        type="password"
        autoComplete="off"
        hint="The passphrase of headquarters’ signing key, for this signature only."
        required
        value={form.values.passphrase}
        error={form.errors.get('passphrase')}
        disabled={form.busy}
        onChange={(v) => form.set('passphrase', v)}
      />
      <TextAreaField
        id="sync-ack-notes"
        label={ACK_LABELS.notes}
        hint="Optional, unclassified."
        value={form.values.notes}
        error={form.errors.get('notes')}
        disabled={form.busy}
        onChange={(v) => form.set('notes', v)}
      />
      <TextField
        id="sync-ack-expiresInDays"
        label={ACK_LABELS.expiresInDays}
        hint="1 to 365 days; the site refuses it after that."
        value={form.values.expiresInDays}
        error={form.errors.get('expiresInDays')}
        disabled={form.busy}
        onChange={(v) => form.set('expiresInDays', v)}
      />
      <div className="button-row">
        <Button type="submit" disabled={form.busy}>
          Export acknowledgement
        </Button>
        <Button type="button" outline disabled={form.busy} onClick={() => ack.close()}>
          Close
        </Button>
      </div>
      <ProgressLine watch={ack.watch} label="Acknowledgement progress" idle={ack.written ? `Acknowledgement written: ${ack.written.fileName}` : null} />
      {ack.written && (
        <Notice type="success" heading="Acknowledgement written">
          <WrittenFacts written={ack.written} />
        </Notice>
      )}
    </Form>
  );
});

function HeldCell({ site }: { site: SiteStatus }) {
  if (site.held.length === 0) return <>None</>;
  return (
    <ul className="sync-cell-list">
      {site.held.map((h) => (
        <li key={h.bundleId}>
          Waiting for seq {h.waitingForSeq.toLocaleString('en-US')}: <code>{h.fileName}</code> (seq {h.firstSeq}–{h.lastSeq})
        </li>
      ))}
    </ul>
  );
}

const SiteRow = observer(function SiteRow({ site }: { site: SiteStatus }) {
  const { sync } = useStores();
  return (
    <tr>
      <th scope="row">{site.siteId}</th>
      <td>{site.activeCertificates === 0 ? 'None trusted' : site.activeCertificates}</td>
      <td>{site.lastSeq === 0 ? 'Nothing received' : `seq ${site.lastSeq.toLocaleString('en-US')} (hash ${shortHash(site.lastHash)})`}</td>
      <td>{site.lastImportAt ? formatTimestamp(site.lastImportAt) : 'Never'}</td>
      <td>
        <HeldCell site={site} />
      </td>
      <td>{site.openAlarms === 0 ? 'None' : plural(site.openAlarms, 'open alarm')}</td>
      <td>{site.lastAcknowledgement ? `Up to seq ${site.lastAcknowledgement.seq.toLocaleString('en-US')}, ${formatTimestamp(site.lastAcknowledgement.at)}` : 'None yet'}</td>
      {sync.can('sync.exportAck') && (
        <td>
          <Button type="button" outline className="sync-row-button" disabled={site.lastSeq === 0} onClick={() => sync.ack.open(site.siteId)}>
            Export acknowledgement<span className="usa-sr-only"> for {site.siteId}</span>
          </Button>
        </td>
      )}
    </tr>
  );
});

export const SitesPanel = observer(function SitesPanel() {
  const { sync } = useStores();
  const ackSite = sync.ack.siteId;
  return (
    <Panel id="sync-sites" title="Sites">
      {sync.sites.length === 0 ? (
        <p>{sync.loaded ? 'No site is enrolled or imported yet.' : 'Reading the sites…'}</p>
      ) : (
        <div className="sync-table-scroll">
          <table className="usa-table usa-table--borderless sync-table">
            <caption>Sites</caption>
            <thead>
              <tr>
                <th scope="col">Site</th>
                <th scope="col">Trusted certificates</th>
                <th scope="col">Last head</th>
                <th scope="col">Last import</th>
                <th scope="col">Held bundles</th>
                <th scope="col">Alarms</th>
                <th scope="col">Last acknowledgement</th>
                {sync.can('sync.exportAck') && <th scope="col">Actions</th>}
              </tr>
            </thead>
            <tbody>
              {sync.sites.map((site) => (
                <SiteRow key={site.siteId} site={site} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {ackSite !== null && <AckForm siteId={ackSite} />}
    </Panel>
  );
});
