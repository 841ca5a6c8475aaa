// Security alarms raised by imports. Each names the site, the reason in words and code, the
// core's message and the file; the security officer resolves one by recording what was found.
import { Button, Form, Tag } from '@trussworks/react-uswds';
import { observer } from 'mobx-react-lite';
import { useEffect, useRef } from 'react';
import type { AlarmRecord } from '../../../../electron/common/sync/model.js';
import { CheckboxField, TextAreaField } from '../../components/FormFields.js';
import { useStores } from '../../components/StoresContext.js';
import { formatTimestamp } from '../../format/labels.js';
import { RESOLVE_LABELS } from '../../stores/SyncAlarmsStore.js';
import { rejection } from '../../stores/SyncReasons.js';
import { FormProblems, Panel, RejectionText } from './SyncParts.js';

function alarmName(alarm: AlarmRecord): string {
  return `${alarm.siteId}, raised ${formatTimestamp(alarm.raisedAt)}`;
}

const ResolveForm = observer(function ResolveForm({ alarm }: { alarm: AlarmRecord }) {
  const { sync } = useStores();
  const alarms = sync.alarms;
  const form = alarms.resolveForm;
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, [alarm]);
  return (
    <Form
      className="panel-form"
      aria-labelledby="sync-resolve-heading"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void alarms.resolve();
      }}
    >
      <h3 id="sync-resolve-heading" ref={heading} tabIndex={-1}>
        Resolve alarm: {alarmName(alarm)}
      </h3>
      <p>
        <RejectionText rejection={rejection(alarm.reason, alarm.message)} />
      </p>
      <FormProblems form={form} idPrefix="sync-resolve" />
      <TextAreaField
        id="sync-resolve-resolution"
        label={RESOLVE_LABELS.resolution}
        hint="Recorded with the alarm and in the audit trail."
        required
        value={form.values.resolution}
        error={form.errors.get('resolution')}
        onChange={(v) => form.set('resolution', v)}
      />
      <div className="button-row">
        <Button type="submit" disabled={form.busy}>
          Resolve alarm
        </Button>
        <Button type="button" outline onClick={() => alarms.cancelResolve()}>
          Cancel
        </Button>
      </div>
    </Form>
  );
});

const AlarmRow = observer(function AlarmRow({ alarm }: { alarm: AlarmRecord }) {
  const { sync } = useStores();
  const open = alarm.status === 'open';
  return (
    <tr>
      <th scope="row">{formatTimestamp(alarm.raisedAt)}</th>
      <td>{alarm.siteId}</td>
      <td>
        <RejectionText rejection={rejection(alarm.reason, alarm.message)} />
      </td>
      <td>{alarm.fileName ? <code>{alarm.fileName}</code> : '—'}</td>
      <td>
        {open ? (
          <Tag className="tag-failure">Open</Tag>
        ) : (
          <>
            Resolved {formatTimestamp(alarm.resolvedAt ?? '')} by {alarm.resolvedBy}: {alarm.resolution}
          </>
        )}
      </td>
      {sync.can('sync.resolveAlarm') && (
        <td>
          {open && (
            <Button type="button" outline className="sync-row-button" onClick={() => sync.alarms.startResolve(alarm)}>
              Resolve<span className="usa-sr-only"> alarm of {alarmName(alarm)}</span>
            </Button>
          )}
        </td>
      )}
    </tr>
  );
});

export const AlarmsPanel = observer(function AlarmsPanel() {
  const { sync } = useStores();
  const alarms = sync.alarms;
  return (
    <Panel id="sync-alarms" title="Security alarms">
      <CheckboxField id="sync-alarms-resolved" label="Show resolved alarms" checked={alarms.includeResolved} onChange={(on) => void alarms.setIncludeResolved(on)} />
      {alarms.error && <p className="usa-error-message">{alarms.error}</p>}
      {alarms.resolveTarget && <ResolveForm alarm={alarms.resolveTarget} />}
      {alarms.alarms.length === 0 ? (
        <p>{alarms.loaded ? (alarms.includeResolved ? 'No alarm has been raised.' : 'No open alarms.') : 'Reading the alarms…'}</p>
      ) : (
        <div className="sync-table-scroll">
          <table className="usa-table usa-table--borderless sync-table">
            <caption>Security alarms</caption>
            <thead>
              <tr>
                <th scope="col">Raised</th>
                <th scope="col">Site</th>
                <th scope="col">Reason</th>
                <th scope="col">File</th>
                <th scope="col">Status</th>
                {sync.can('sync.resolveAlarm') && <th scope="col">Actions</th>}
              </tr>
            </thead>
            <tbody>
              {alarms.alarms.map((alarm) => (
                <AlarmRow key={alarm.id} alarm={alarm} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Panel>
  );
});
