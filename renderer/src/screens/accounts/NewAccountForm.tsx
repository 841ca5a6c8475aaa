// Creating an account: user name, full name, roles and an initial password typed twice.
import { Button, Form } from '@trussworks/react-uswds';
import { observer } from 'mobx-react-lite';
import { useEffect, useRef } from 'react';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { TextField } from '../../components/FormFields.js';
import { useStores } from '../../components/StoresContext.js';
import { PASSWORD_RULES_HINT } from '../../format/labels.js';
import type { NewAccountField } from '../../stores/NewAccountStore.js';
import { NEW_ACCOUNT_LABELS, NEW_ACCOUNT_ROLES_PREFIX, newAccountFieldId } from '../../stores/NewAccountStore.js';
import { RoleCheckboxes } from './RoleCheckboxes.js';

type TextKey = Exclude<NewAccountField, 'roles'>;

const NewAccountInput = observer(function NewAccountInput({ field, hint, password }: { field: TextKey; hint?: string; password?: boolean }) {
  const { create } = useStores().accounts;
  return (
    <TextField
      id={newAccountFieldId(field)}
      label={NEW_ACCOUNT_LABELS[field]}
      type={password ? 'password' : 'text'}
      autoComplete={password ? 'new-password' : 'off'}
      hint={hint}
      required
      value={create.values[field]}
      error={create.errors.get(field)}
      onChange={(v) => create.setField(field, v)}
    />
  );
});

export const NewAccountForm = observer(function NewAccountForm() {
  const { create } = useStores().accounts;
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (create.isOpen) heading.current?.focus();
  }, [create.isOpen]);
  if (!create.isOpen) return null;
  return (
    <Form
      className="panel-form"
      aria-labelledby="new-account-heading"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void create.submit();
      }}
    >
      <h2 id="new-account-heading" ref={heading} tabIndex={-1}>
        New account
      </h2>
      <ErrorSummary
        idPrefix="new-account"
        headingLevel="h3"
        items={create.errorList.map((e) => ({ id: newAccountFieldId(e.field), message: e.message }))}
        general={create.generalError}
        focusKey={create.refusedSaves}
      />
      <NewAccountInput field="username" hint="2-32 characters: lower-case letters, digits, dot, dash or underscore, starting with a letter." />
      <NewAccountInput field="displayName" />
      <RoleCheckboxes idPrefix={NEW_ACCOUNT_ROLES_PREFIX} selected={create.values.roles} error={create.errors.get('roles')} onChange={(role, on) => create.setRole(role, on)} />
      <NewAccountInput field="password" password hint={PASSWORD_RULES_HINT} />
      <NewAccountInput field="confirmPassword" password />
      <div className="button-row">
        <Button type="submit" disabled={create.isSaving}>
          Create account
        </Button>
        <Button type="button" outline onClick={() => create.close()}>
          Cancel
        </Button>
      </div>
    </Form>
  );
});
