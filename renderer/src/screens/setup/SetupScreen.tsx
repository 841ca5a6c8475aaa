// First-run setup, shown while the core answers NOT_CONFIGURED: nothing else of the app is
// reachable until the site and its first administrator exist.
import { Alert, Button, Fieldset, Form } from '@trussworks/react-uswds';
import { observer } from 'mobx-react-lite';
import { US_LEVELS } from '../../../../electron/common/classification/index.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { SelectField, TextField } from '../../components/FormFields.js';
import { useStores } from '../../components/StoresContext.js';
import { usePage } from '../../components/usePage.js';
import { PASSWORD_RULES_HINT } from '../../format/labels.js';
import type { SetupField } from '../../stores/SetupStore.js';
import { SETUP_LABELS, setupFieldId } from '../../stores/SetupStore.js';

const SITE_ROLE_OPTIONS = [
  { value: 'site', label: 'Site (a facility that sends its records to headquarters)' },
  { value: 'hq', label: 'Headquarters (imports the sites’ records)' },
];

const SetupInput = observer(function SetupInput({ field, type, hint, autoComplete }: { field: SetupField; type?: 'password'; hint?: string; autoComplete?: string }) {
  const { setup } = useStores();
  return (
    <TextField
      id={setupFieldId(field)}
      label={SETUP_LABELS[field]}
      type={type ?? 'text'}
      hint={hint}
      autoComplete={autoComplete}
      required
      value={setup.values[field]}
      error={setup.errors.get(field)}
      onChange={(v) => setup.setField(field, v)}
    />
  );
});

export const SetupScreen = observer(function SetupScreen() {
  const { setup } = useStores();
  const heading = usePage('Set up Enclave Ledger');
  return (
    <div className="setup">
      <h1 ref={heading} tabIndex={-1}>
        Set up Enclave Ledger
      </h1>
      <p>This installation has no site yet. Describe the site and create its first administrator; the ledger cannot be used before.</p>
      <ErrorSummary items={setup.errorList.map((e) => ({ id: setupFieldId(e.field), message: e.message }))} general={setup.generalError} focusKey={setup.refusedSaves} />
      <Form
        large
        noValidate
        aria-label="First-run setup"
        onSubmit={(event) => {
          event.preventDefault();
          void setup.submit();
        }}
      >
        <Fieldset legend="Site" legendStyle="large">
          <SetupInput field="siteId" hint="2-32 characters: capital letters, digits and dashes, e.g. SITE-A. It names every record and bundle and cannot change later." />
          <SetupInput field="siteName" />
          <SelectField
            id={setupFieldId('siteRole')}
            label={SETUP_LABELS.siteRole}
            required
            value={setup.values.siteRole}
            options={SITE_ROLE_OPTIONS}
            error={setup.errors.get('siteRole')}
            onChange={(v) => setup.setField('siteRole', v)}
          />
          <SelectField
            id={setupFieldId('systemHigh')}
            label={SETUP_LABELS.systemHigh}
            hint="The highest classification this workstation is accredited for: no record may be marked above it."
            required
            placeholder="- Select -"
            value={setup.values.systemHigh}
            options={US_LEVELS.map((level) => ({ value: level, label: level }))}
            error={setup.errors.get('systemHigh')}
            onChange={(v) => setup.setField('systemHigh', v)}
          />
        </Fieldset>
        <Fieldset legend="First administrator" legendStyle="large">
          <p className="usa-hint">The first administrator also holds the security officer role; an administrator can split the roles later.</p>
          <SetupInput field="admin.username" autoComplete="username" hint="2-32 characters: lower-case letters, digits, dot, dash or underscore, starting with a letter." />
          <SetupInput field="admin.displayName" autoComplete="name" />
          <SetupInput field="admin.password" type="password" autoComplete="new-password" hint={PASSWORD_RULES_HINT} />
          <SetupInput field="confirmPassword" type="password" autoComplete="new-password" />
        </Fieldset>
        {setup.isSubmitting && (
          <Alert type="info" headingLevel="h2" slim>
            Setting up…
          </Alert>
        )}
        <Button type="submit" disabled={setup.isSubmitting}>
          Complete setup
        </Button>
      </Form>
    </div>
  );
});
