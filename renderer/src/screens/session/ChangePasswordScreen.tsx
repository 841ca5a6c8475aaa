// After an administrator reset the password, the user must choose a new one before anything else;
// the same form is offered from the shell (`voluntary`) to change one's own password at any time.
import { Button, Form } from '@trussworks/react-uswds';
import { observer } from 'mobx-react-lite';
import { TextField } from '../../components/FormFields.js';
import { useStores } from '../../components/StoresContext.js';
import { usePage } from '../../components/usePage.js';
import { SessionMessages, useSessionFieldError } from './SessionMessages.js';

export const ChangePasswordScreen = observer(function ChangePasswordScreen({ voluntary = false }: { voluntary?: boolean }) {
  const { session } = useStores();
  const heading = usePage('Change your password');
  const errorOf = useSessionFieldError();
  return (
    <div className="sign-in">
      <h1 ref={heading} tabIndex={-1}>
        Change your password
      </h1>
      <p>{voluntary ? 'Enter your current password, then the new one twice.' : 'Your password was reset by an administrator. Choose a new one to continue.'}</p>
      <SessionMessages />
      <Form
        aria-label="Change your password"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void session.changePassword();
        }}
      >
        {/* Lets a password manager or the browser pair the password with its user; not shown. */}
        <input type="text" name="username" autoComplete="username" value={session.session?.username ?? ''} readOnly hidden />
        <TextField
          id="password-current"
          label="Current password"
          type="password"
          autoComplete="current-password"
          required
          value={session.currentPassword}
          error={errorOf('currentPassword', 'Current password')}
          onChange={(v) => session.setField('currentPassword', v)}
        />
        <TextField
          id="password-new"
          label="New password"
          type="password"
          autoComplete="new-password"
          required
          hint="At least 15 characters with an upper-case letter, a lower-case letter, a digit and a special character; not one of your last 5."
          value={session.newPassword}
          error={errorOf('newPassword', 'New password')}
          onChange={(v) => session.setField('newPassword', v)}
        />
        <TextField
          id="password-confirm"
          label="Confirm new password"
          type="password"
          autoComplete="new-password"
          required
          value={session.confirmPassword}
          error={errorOf('confirmPassword', 'Confirm new password')}
          onChange={(v) => session.setField('confirmPassword', v)}
        />
        <div className="button-row">
          <Button type="submit" disabled={session.isSubmitting}>
            Change password
          </Button>
          {voluntary && (
            <Button type="button" outline onClick={() => session.cancelChangePassword()}>
              Cancel
            </Button>
          )}
        </div>
      </Form>
    </div>
  );
});
