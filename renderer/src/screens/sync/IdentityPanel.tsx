// This installation's signing identity: the fingerprint in groups of four for reading aloud to
// the other installation's operator, and the certificate (PEM) to copy or save for them. An
// administrator creates the identity once, the key sealed under a passphrase typed twice.
import { Button, Form } from '@trussworks/react-uswds';
import { observer } from 'mobx-react-lite';
import { useRef } from 'react';
import { TextField } from '../../components/FormFields.js';
import { useStores } from '../../components/StoresContext.js';
import { PASSWORD_RULES_HINT, formatTimestamp } from '../../format/labels.js';
import { IDENTITY_LABELS } from '../../stores/SyncStore.js';
import { Facts, FormProblems, Panel } from './SyncParts.js';

/** "AB12 CD34 …" as groups, four to a line, so it can be read aloud group by group. */
export function FingerprintGroups({ fingerprint, id }: { fingerprint: string; id?: string }) {
  const groups = fingerprint.split(' ').filter((g) => g !== '');
  const lines: string[][] = [];
  for (let i = 0; i < groups.length; i += 4) lines.push(groups.slice(i, i + 4));
  return (
    <span className="sync-fingerprint" id={id}>
      {lines.map((line, i) => (
        <span key={i} className="sync-fingerprint__line">
          {line.join(' ')}
          {i < lines.length - 1 ? ' ' : ''}
        </span>
      ))}
    </span>
  );
}

/** Copies through the Clipboard API, or (where permissions are refused) by selecting the text. */
async function copyText(text: string, fallback: HTMLTextAreaElement | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    if (!fallback) return false;
    fallback.focus();
    fallback.select();
    try {
      return document.execCommand('copy');
    } catch {
      return false;
    }
  }
}

const CreateIdentityForm = observer(function CreateIdentityForm() {
  const { sync } = useStores();
  const form = sync.identityForm;
  return (
    <Form
      className="panel-form"
      aria-labelledby="sync-identity-create-heading"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void sync.createIdentity();
      }}
    >
      <h3 id="sync-identity-create-heading">Create signing identity</h3>
      <p>
        Makes this installation’s P-384 signing key and its certificate. The key is stored sealed under the passphrase; it is asked for every time a bundle is
        signed. The key cannot be replaced later.
      </p>
      <FormProblems form={form} idPrefix="sync-identity" />
      <TextField
        id="sync-identity-passphrase"
        label={IDENTITY_LABELS.passphrase}
        type="password"
        autoComplete="new-password"
        hint={PASSWORD_RULES_HINT}
        required
        value={form.values.passphrase}
        error={form.errors.get('passphrase')}
        onChange={(v) => form.set('passphrase', v)}
      />
      <TextField
        id="sync-identity-confirm"
        label={IDENTITY_LABELS.confirm}
        type="password"
        autoComplete="new-password"
        required
        value={form.values.confirm}
        error={form.errors.get('confirm')}
        onChange={(v) => form.set('confirm', v)}
      />
      <div className="button-row">
        <Button type="submit" disabled={form.busy}>
          Create signing identity
        </Button>
      </div>
    </Form>
  );
});

export const IdentityPanel = observer(function IdentityPanel() {
  const { sync } = useStores();
  const pem = useRef<HTMLTextAreaElement>(null);
  const identity = sync.identity;
  return (
    <Panel id="sync-identity" title="Signing identity">
      {identity === null ? (
        <>
          <p>{sync.loaded ? 'This installation has no signing identity yet: it cannot sign bundles, and nobody can enrol it.' : 'Reading the signing identity…'}</p>
          {sync.loaded &&
            (sync.can('sync.createIdentity') ? <CreateIdentityForm /> : <p>An administrator creates it (the administrator holds the installation’s key).</p>)}
        </>
      ) : (
        <>
          <p>Read the fingerprint aloud to the other installation’s operator (by telephone or in person) when they enrol this certificate; they type what they hear.</p>
          <Facts
            items={[
              ['Site', identity.siteId],
              ['Fingerprint (SHA-256)', <FingerprintGroups key="fp" fingerprint={identity.fingerprint} id="sync-identity-fingerprint" />],
              ['Fingerprint (SHA-384)', <FingerprintGroups key="fp384" fingerprint={identity.fingerprintSha384} />],
              ['Subject', identity.subject],
              ['Valid', `${formatTimestamp(identity.notBefore)} to ${formatTimestamp(identity.notAfter)}`],
              ['Created', `${formatTimestamp(identity.createdAt)} by ${identity.createdBy}`],
            ]}
          />
          <div className="usa-form-group">
            <label className="usa-label" htmlFor="sync-identity-pem">
              Certificate (PEM)
            </label>
            <textarea id="sync-identity-pem" ref={pem} className="usa-textarea sync-pem" readOnly value={identity.certificatePem} rows={8} />
          </div>
          <div className="button-row">
            <Button
              type="button"
              outline
              onClick={() => {
                void copyText(identity.certificatePem, pem.current).then((copied) =>
                  sync.setCertificateMessage(copied ? 'Certificate copied to the clipboard.' : 'The clipboard is not available: select the certificate text and copy it.'),
                );
              }}
            >
              Copy certificate
            </Button>
            <Button type="button" outline onClick={() => sync.saveCertificate()}>
              Save certificate
            </Button>
          </div>
          <p role="status" className="sync-note">
            {sync.certificateMessage ?? ''}
          </p>
        </>
      )}
    </Panel>
  );
});
