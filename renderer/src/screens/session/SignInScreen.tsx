// Sign-in with user name and password (offered only after the consent banner was accepted).
import { Button, Form } from '@trussworks/react-uswds';
import { observer } from 'mobx-react-lite';
import { TextField } from '../../components/FormFields.js';
import { useStores } from '../../components/StoresContext.js';
import { usePage } from '../../components/usePage.js';
import { SessionMessages, useSessionFieldError } from './SessionMessages.js';

export const SignInScreen = observer(function SignInScreen() {
  const { session } = useStores();
  const heading = usePage('Sign in');
  const errorOf = useSessionFieldError();
  return (
    <div className="sign-in">
      <h1 ref={heading} tabIndex={-1}>
        Sign in
      </h1>
      <SessionMessages />
      <Form
        aria-label="Sign in"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void session.signIn();
        }}
      >
        <TextField
          id="sign-in-username"
          label="User name"
          autoComplete="username"
          required
          value={session.username}
          error={errorOf('username', 'User name')}
          onChange={(v) => session.setField('username', v)}
        />
        <TextField
          id="sign-in-password"
          label="Password"
          type="password"
          autoComplete="current-password"
          required
          value={session.password}
          error={errorOf('password', 'Password')}
          onChange={(v) => session.setField('password', v)}
        />
        <Button type="submit" disabled={session.isSubmitting}>
          Sign in
        </Button>
      </Form>
    </div>
  );
});
