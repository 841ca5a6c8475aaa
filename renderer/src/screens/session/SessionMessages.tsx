// The notice and error shown above the sign-in, unlock and change-password forms.
import { Alert } from '@trussworks/react-uswds';
import { observer } from 'mobx-react-lite';
import { useStores } from '../../components/StoresContext.js';
import { fieldSentence } from '../../format/errors.js';

export const SessionMessages = observer(function SessionMessages() {
  const { session } = useStores();
  return (
    <>
      {session.notice && (
        <Alert type="info" headingLevel="h2" slim>
          {session.notice}
        </Alert>
      )}
      {session.signInError && (
        <Alert type="error" headingLevel="h2" slim role="alert">
          {session.signInError}
        </Alert>
      )}
    </>
  );
});

/** The error of one session form field, as a sentence. */
export function useSessionFieldError() {
  const { session } = useStores();
  return (field: string, label: string): string | undefined => {
    const message = session.fieldErrors.get(field);
    return message === undefined ? undefined : fieldSentence(label, message);
  };
}
