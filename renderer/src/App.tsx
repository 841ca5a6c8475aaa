// Which screen is showing: notice and consent, then sign-in, then the routed screens.
import { Alert } from '@trussworks/react-uswds';
import { observer } from 'mobx-react-lite';
import { useEffect } from 'react';
import { AppShell } from './components/AppShell.js';
import { useStores } from './components/StoresContext.js';
import { ReceiptDetailScreen } from './screens/receipts/ReceiptDetailScreen.js';
import { ReceiptFormScreen } from './screens/receipts/ReceiptFormScreen.js';
import { ReceiptListScreen } from './screens/receipts/ReceiptListScreen.js';
import { ChangePasswordScreen } from './screens/session/ChangePasswordScreen.js';
import { ConsentScreen } from './screens/session/ConsentScreen.js';
import { SignInScreen } from './screens/session/SignInScreen.js';
import { UnlockScreen } from './screens/session/UnlockScreen.js';

const RoutedScreen = observer(function RoutedScreen() {
  const { ui } = useStores();
  const route = ui.route;
  switch (route.name) {
    case 'receipts':
      return <ReceiptListScreen />;
    case 'receipt':
      return <ReceiptDetailScreen key={route.id} id={route.id} />;
    case 'receiptNew':
      return <ReceiptFormScreen mode="create" />;
    case 'receiptEdit':
      return <ReceiptFormScreen key={route.id} mode="edit" id={route.id} />;
  }
});

const Gate = observer(function Gate() {
  const { session } = useStores();
  if (session.session !== null) {
    if (session.locked) return <UnlockScreen />;
    if (session.session.mustChangePassword) return <ChangePasswordScreen />;
    return <RoutedScreen />;
  }
  if (session.isLoading && session.info === null) {
    return (
      <h1 className="margin-top-4" tabIndex={-1}>
        Starting Enclave Ledger…
      </h1>
    );
  }
  return (
    <>
      {session.infoError && (
        <Alert type="error" headingLevel="h2" heading="The ledger is not available">
          {session.infoError}
        </Alert>
      )}
      {session.consentAccepted ? <SignInScreen /> : <ConsentScreen />}
    </>
  );
});

export const App = observer(function App() {
  const { session } = useStores();
  useEffect(() => {
    void session.load();
  }, [session]);
  return (
    <AppShell>
      <Gate />
    </AppShell>
  );
});
