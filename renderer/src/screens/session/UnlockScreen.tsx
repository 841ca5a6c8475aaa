// Shown when the core locked the session after idle time. Nothing of the ledger is visible; the
// stores keep every screen and unsaved entry for when the same user unlocks.
import { Button, Form } from '@trussworks/react-uswds';
import { observer } from 'mobx-react-lite';
import { TextField } from '../../components/FormFields.js';
import { useStores } from '../../components/StoresContext.js';
import { usePage } from '../../components/usePage.js';
import { SessionMessages, useSessionFieldError } from './SessionMessages.js';

export const UnlockScreen = observer(function UnlockScreen() {
  const { session } = useStores();
  const heading = usePage('Session locked');
  const errorOf = useSessionFieldError();
  return (
    <div className="sign-in">
      <h1 ref={heading} tabIndex={-1}>
        Session locked
      </h1>
      <p>
        The session of <strong>{session.session?.displayName}</strong> was locked after a period without activity. Enter the password to
        continue where you left off, or sign out.
      </p>
      <SessionMessages />
      <Form
        aria-label="Unlock"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void session.unlock();
        }}
      >
        {/* Lets a password manager or the browser pair the password with its user; not shown. */}
        <input type="text" name="username" autoComplete="username" value={session.session?.username ?? ''} readOnly hidden />
        <TextField
          id="unlock-password"
          label="Password"
          type="password"
          autoComplete="current-password"
          required
          value={session.password}
          error={errorOf('password', 'Password')}
          onChange={(v) => session.setField('password', v)}
        />
        <Button type="submit" disabled={session.isSubmitting}>
          Unlock
        </Button>
      </Form>
    </div>
  );
});
