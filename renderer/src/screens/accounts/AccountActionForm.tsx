// The form of one action on one account (change roles, disable, enable, unlock, reset password).
// Every action needs a reason; the core's refusal (e.g. the last enabled administrator) shows here.
import { Alert, Button, Form } from '@trussworks/react-uswds';
import { observer } from 'mobx-react-lite';
import { useEffect, useRef } from 'react';
import { TextAreaField, TextField } from '../../components/FormFields.js';
import { useStores } from '../../components/StoresContext.js';
import { PASSWORD_RULES_HINT } from '../../format/labels.js';
import type { AccountActionType } from '../../stores/accountActions.js';
import { accountActionName } from '../../stores/accountActions.js';
import { ACTION_FIELD_LABELS } from '../../stores/AccountsStore.js';
import { RoleCheckboxes } from './RoleCheckboxes.js';

const EXPLANATIONS: Record<AccountActionType, string> = {
  roles: 'A change of roles takes effect at the account’s next call. The last enabled administrator keeps the administrator role.',
  disable: 'A disabled account cannot sign in; an open session of it ends at its next call.',
  enable: 'The account can sign in again with its current password.',
  unlock: 'Lifts the lock after too many failed sign-ins.',
  reset: 'Sets a temporary password and lifts any lock; the user must choose a new password at next sign-in.',
};

export const AccountActionForm = observer(function AccountActionForm() {
  const { accounts } = useStores();
  const action = accounts.action;
  const user = accounts.actionUser;
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, [action]);
  if (action === null || user === null) return null;
  const name = accountActionName(action.type, user.username);
  const errors = accounts.actionErrors;
  return (
    <Form
      className="panel-form"
      aria-labelledby="account-action-heading"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void accounts.submitAction();
      }}
    >
      <h2 id="account-action-heading" ref={heading} tabIndex={-1}>
        {name}
      </h2>
      <p>
        {user.displayName} ({user.username}). {EXPLANATIONS[action.type]}
      </p>
      {accounts.actionError && (
        <Alert type="error" headingLevel="h3" heading="Not done" role="alert">
          {accounts.actionError}
        </Alert>
      )}
      {action.type === 'roles' && <RoleCheckboxes idPrefix="account-roles" selected={accounts.values.roles} error={errors.get('roles')} onChange={(role, on) => accounts.setRole(role, on)} />}
      {action.type === 'reset' && (
        <>
          <TextField
            id="account-action-temporaryPassword"
            label={ACTION_FIELD_LABELS.temporaryPassword}
            type="password"
            autoComplete="new-password"
            hint={PASSWORD_RULES_HINT}
            required
            value={accounts.values.temporaryPassword}
            error={errors.get('temporaryPassword')}
            onChange={(v) => accounts.setValue('temporaryPassword', v)}
          />
          <TextField
            id="account-action-confirmPassword"
            label={ACTION_FIELD_LABELS.confirmPassword}
            type="password"
            autoComplete="new-password"
            required
            value={accounts.values.confirmPassword}
            error={errors.get('confirmPassword')}
            onChange={(v) => accounts.setValue('confirmPassword', v)}
          />
        </>
      )}
      <TextAreaField
        id="account-action-reason"
        label={ACTION_FIELD_LABELS.reason}
        hint="Recorded in the audit trail."
        required
        value={accounts.values.reason}
        error={errors.get('reason')}
        onChange={(v) => accounts.setValue('reason', v)}
      />
      <div className="button-row">
        <Button type="submit" disabled={accounts.isSaving}>
          Confirm
        </Button>
        <Button type="button" outline onClick={() => accounts.cancelAction()}>
          Cancel
        </Button>
      </div>
    </Form>
  );
});
