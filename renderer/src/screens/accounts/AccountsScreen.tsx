// Account administration (administrators): the accounts, a new account, one action at a time.
import { Alert, Button } from '@trussworks/react-uswds';
import { observer } from 'mobx-react-lite';
import { useEffect } from 'react';
import { useStores } from '../../components/StoresContext.js';
import { usePage } from '../../components/usePage.js';
import { plural } from '../../format/labels.js';
import { AccountActionForm } from './AccountActionForm.js';
import { AccountTable } from './AccountTable.js';
import { NewAccountForm } from './NewAccountForm.js';

export const AccountsScreen = observer(function AccountsScreen() {
  const { accounts } = useStores();
  const heading = usePage('Accounts');
  // Read again on every visit: accounts lock (failed sign-ins) without anyone here acting.
  useEffect(() => {
    void accounts.load();
  }, [accounts]);
  return (
    <div className="accounts">
      <div className="screen-head">
        <h1 ref={heading} tabIndex={-1}>
          Accounts
        </h1>
        <div className="screen-head__actions">
          <Button type="button" outline onClick={() => void accounts.load()}>
            Refresh
          </Button>
          {!accounts.create.isOpen && (
            <Button type="button" onClick={() => accounts.create.open()}>
              New account
            </Button>
          )}
        </div>
      </div>
      {accounts.error && (
        <Alert type="error" headingLevel="h2" slim>
          {accounts.error}
        </Alert>
      )}
      <p role="status">{accounts.loaded ? `${plural(accounts.users.length, 'account')}` : 'Loading accounts…'}</p>
      <NewAccountForm />
      <AccountTable />
      <AccountActionForm />
    </div>
  );
});
