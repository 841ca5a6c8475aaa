// The trust store: whose certificates this installation accepts bundles from, revoked ones too.
// The security officer enrols a certificate with the fingerprint read out of band (a mismatch is
// refused by the core and shown next to the fingerprint); administrators and security officers
// revoke, for good, with a reason.
import { Button, Form, Tag } from '@trussworks/react-uswds';
import { observer } from 'mobx-react-lite';
import { useEffect, useRef } from 'react';
import type { TrustRecord } from '../../../../electron/common/sync/model.js';
import { SelectField, TextAreaField, TextField } from '../../components/FormFields.js';
import { useStores } from '../../components/StoresContext.js';
import { formatTimestamp } from '../../format/labels.js';
import { ENROL_LABELS, REVOKE_LABELS, TRUST_ROLE_LABELS } from '../../stores/SyncTrustStore.js';
import { FingerprintGroups } from './IdentityPanel.js';
import { FormProblems, Panel } from './SyncParts.js';

/** "SITE-A (AB12 CD34)": which certificate, in words a screen reader can tell apart. */
export function certificateName(record: TrustRecord): string {
  return `${record.siteId} (${record.fingerprint.split(' ').slice(0, 2).join(' ')})`;
}

const EnrolForm = observer(function EnrolForm() {
  const { sync } = useStores();
  const trust = sync.trust;
  const form = trust.enrolForm;
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, []);
  const other = sync.isHq ? 'the site' : 'headquarters';
  return (
    <Form
      className="panel-form sync-wide-form"
      aria-labelledby="sync-enrol-heading"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void trust.enrol();
      }}
    >
      <h3 id="sync-enrol-heading" ref={heading} tabIndex={-1}>
        Enrol a certificate
      </h3>
      <p>
        Paste the certificate {other} handed over, then type the fingerprint its operator reads out to you by telephone or in person: never the one written on the
        medium that brought the certificate. A mismatch is refused and recorded.
      </p>
      <FormProblems form={form} idPrefix="sync-enrol" />
      <TextAreaField
        id="sync-enrol-certificatePem"
        label={ENROL_LABELS.certificatePem}
        hint="From -----BEGIN CERTIFICATE----- to -----END CERTIFICATE-----."
        required
        value={form.values.certificatePem}
        error={form.errors.get('certificatePem')}
        onChange={(v) => form.set('certificatePem', v)}
      />
      <TextField
        id="sync-enrol-siteId"
        label={ENROL_LABELS.siteId}
        hint="As the certificate names it (its common name), e.g. SITE-A or HQ."
        required
        value={form.values.siteId}
        error={form.errors.get('siteId')}
        onChange={(v) => form.set('siteId', v)}
      />
      <SelectField
        id="sync-enrol-role"
        label={ENROL_LABELS.role}
        hint={sync.isHq ? 'Headquarters enrols its sites.' : 'A site enrols its headquarters.'}
        required
        value={form.values.role}
        error={form.errors.get('role')}
        options={[
          { value: 'site', label: TRUST_ROLE_LABELS.site },
          { value: 'hq', label: TRUST_ROLE_LABELS.hq },
        ]}
        onChange={(v) => form.set('role', v)}
      />
      <TextField
        id="sync-enrol-expectedFingerprint"
        label={ENROL_LABELS.expectedFingerprint}
        hint="The SHA-256 (64 hex digits) or SHA-384 (96) fingerprint, spaces or colons allowed."
        required
        value={form.values.expectedFingerprint}
        error={form.errors.get('expectedFingerprint')}
        onChange={(v) => form.set('expectedFingerprint', v)}
      />
      <div className="button-row">
        <Button type="submit" disabled={form.busy}>
          Enrol certificate
        </Button>
        <Button type="button" outline onClick={() => trust.closeEnrol()}>
          Cancel
        </Button>
      </div>
    </Form>
  );
});

const RevokeForm = observer(function RevokeForm({ record }: { record: TrustRecord }) {
  const { sync } = useStores();
  const trust = sync.trust;
  const form = trust.revokeForm;
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, [record]);
  return (
    <Form
      className="panel-form"
      aria-labelledby="sync-revoke-heading"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void trust.revoke();
      }}
    >
      <h3 id="sync-revoke-heading" ref={heading} tabIndex={-1}>
        Revoke certificate of {certificateName(record)}
      </h3>
      <p>Bundles signed with this key are refused from now on. A revoked key is never trusted again: this cannot be undone.</p>
      <FormProblems form={form} idPrefix="sync-revoke" />
      <TextAreaField
        id="sync-revoke-reason"
        label={REVOKE_LABELS.reason}
        hint="Recorded in the audit trail."
        required
        value={form.values.reason}
        error={form.errors.get('reason')}
        onChange={(v) => form.set('reason', v)}
      />
      <div className="button-row">
        <Button type="submit" secondary disabled={form.busy}>
          Revoke certificate
        </Button>
        <Button type="button" outline onClick={() => trust.cancelRevoke()}>
          Cancel
        </Button>
      </div>
    </Form>
  );
});

const TrustRow = observer(function TrustRow({ record }: { record: TrustRecord }) {
  const { sync } = useStores();
  const revoked = record.revokedAt !== null;
  return (
    <tr>
      <th scope="row">{record.siteId}</th>
      <td>{TRUST_ROLE_LABELS[record.role]}</td>
      <td>
        <FingerprintGroups fingerprint={record.fingerprint} />
      </td>
      <td>
        {formatTimestamp(record.enrolledAt)} by {record.enrolledBy}
      </td>
      <td>
        {revoked ? (
          <>
            <Tag className="tag-failure">Revoked</Tag> {formatTimestamp(record.revokedAt ?? '')} by {record.revokedBy}: {record.revokeReason}
          </>
        ) : (
          `Trusted until ${formatTimestamp(record.notAfter)}`
        )}
      </td>
      {sync.can('trust.revoke') && (
        <td>
          {!revoked && (
            <Button type="button" outline className="sync-row-button" onClick={() => sync.trust.startRevoke(record)}>
              Revoke<span className="usa-sr-only"> certificate of {certificateName(record)}</span>
            </Button>
          )}
        </td>
      )}
    </tr>
  );
});

export const TrustPanel = observer(function TrustPanel() {
  const { sync } = useStores();
  const trust = sync.trust;
  const canEnrol = sync.can('trust.enroll');
  return (
    <Panel
      id="sync-trust"
      title="Trust store"
      actions={
        canEnrol && !trust.enrolOpen ? (
          <Button type="button" onClick={() => trust.openEnrol()}>
            Enrol a certificate
          </Button>
        ) : undefined
      }
    >
      <p>
        {sync.isHq
          ? 'The sites whose bundles headquarters accepts, one certificate per key, each bound to its site.'
          : 'The headquarters whose acknowledgements this site accepts, and to which it exports.'}
      </p>
      {trust.error && <p className="usa-error-message">{trust.error}</p>}
      {trust.enrolOpen && <EnrolForm />}
      {trust.revokeTarget && <RevokeForm record={trust.revokeTarget} />}
      {trust.records.length === 0 ? (
        <p>{trust.loaded ? 'No certificate is enrolled yet.' : 'Reading the trust store…'}</p>
      ) : (
        <table className="usa-table usa-table--borderless sync-table">
          <caption>Trust store</caption>
          <thead>
            <tr>
              <th scope="col">Site</th>
              <th scope="col">Role</th>
              <th scope="col">Fingerprint (SHA-256)</th>
              <th scope="col">Enrolled</th>
              <th scope="col">Status</th>
              {sync.can('trust.revoke') && <th scope="col">Actions</th>}
            </tr>
          </thead>
          <tbody>
            {trust.sorted.map((record) => (
              <TrustRow key={record.keyId} record={record} />
            ))}
          </tbody>
        </table>
      )}
    </Panel>
  );
});
