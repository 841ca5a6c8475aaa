// The accounts: who, roles, status (in words, not colour alone) and the actions open to each.
import { Button, Tag } from '@trussworks/react-uswds';
import { observer } from 'mobx-react-lite';
import { ROLE_LABELS } from '../../../../electron/common/roles.js';
import type { User } from '../../../../electron/common/site.js';
import { useStores } from '../../components/StoresContext.js';
import { ACCOUNT_ACTION_LABELS, availableAccountActions } from '../../stores/accountActions.js';

function AccountStatus({ user }: { user: User }) {
  return (
    <ul className="account-status">
      <li>{user.disabled ? <Tag className="tag-disabled">Disabled</Tag> : 'Enabled'}</li>
      {user.locked && (
        <li>
          <Tag className="tag-locked">Locked</Tag>
          {user.lockedAt && <span className="account-status__since"> since {user.lockedAt.slice(0, 16).replace('T', ' ')} UTC</span>}
        </li>
      )}
      {user.mustChangePassword && <li>Must change password</li>}
    </ul>
  );
}

const AccountRow = observer(function AccountRow({ user }: { user: User }) {
  const { accounts, session } = useStores();
  const own = session.session?.userId === user.id;
  return (
    <tr>
      <th scope="row">
        {user.username}
        {own && (
          <>
            {' '}
            <span className="account-you">(you)</span>
          </>
        )}
      </th>
      <td>{user.displayName}</td>
      <td>{user.roles.map((r) => ROLE_LABELS[r]).join(', ')}</td>
      <td>
        <AccountStatus user={user} />
      </td>
      <td>
        <div className="account-actions">
          {availableAccountActions(user, session.session?.userId).map((type) => {
            const label = ACCOUNT_ACTION_LABELS[type];
            return (
              <Button key={type} type="button" outline className="account-actions__button" onClick={() => accounts.startAction(type, user)}>
                {label.verb}{' '}
                <span className="usa-sr-only">
                  {label.joiner}
                  {user.username}
                </span>
              </Button>
            );
          })}
        </div>
      </td>
    </tr>
  );
});

export const AccountTable = observer(function AccountTable() {
  const { accounts } = useStores();
  return (
    <table className="usa-table usa-table--borderless account-table">
      <caption>User accounts</caption>
      <thead>
        <tr>
          <th scope="col">User name</th>
          <th scope="col">Full name</th>
          <th scope="col">Roles</th>
          <th scope="col">Status</th>
          <th scope="col">Actions</th>
        </tr>
      </thead>
      <tbody>
        {accounts.users.map((user) => (
          <AccountRow key={user.id} user={user} />
        ))}
      </tbody>
    </table>
  );
});
