// Which screen is showing: first-run setup (until the site exists), notice and consent, then
// sign-in, then the routed screens the user's roles reach.
import { Alert } from '@trussworks/react-uswds';
import { observer } from 'mobx-react-lite';
import { useEffect } from 'react';
import { AppShell } from './components/AppShell.js';
import { useStores } from './components/StoresContext.js';
import { ReceiptDetailScreen } from './screens/receipts/ReceiptDetailScreen.js';
import { ReceiptFormScreen } from './screens/receipts/ReceiptFormScreen.js';
import { AccountsScreen } from './screens/accounts/AccountsScreen.js';
import { AuditScreen } from './screens/audit/AuditScreen.js';
import { DashboardScreen } from './screens/dashboard/DashboardScreen.js';
import { ReportsScreen } from './screens/reports/ReportsScreen.js';
import { SearchScreen } from './screens/search/SearchScreen.js';
import { ReceiptListScreen } from './screens/receipts/ReceiptListScreen.js';
import { PrintRouteScreen } from './print/PrintRouteScreen.js';
import { RecordRouteScreen } from './screens/recordRoutes.js';
import { ChangePasswordScreen } from './screens/session/ChangePasswordScreen.js';
import { ConsentScreen } from './screens/session/ConsentScreen.js';
import { SignInScreen } from './screens/session/SignInScreen.js';
import { SetupScreen } from './screens/setup/SetupScreen.js';
import { SyncScreen } from './screens/sync/SyncScreen.js';
import { UnlockScreen } from './screens/session/UnlockScreen.js';

const RoutedScreen = observer(function RoutedScreen() {
  const { ui } = useStores();
  const route = ui.route;
  if (!ui.routeAllowed) {
    return (
      <Alert type="warning" headingLevel="h1" heading="Not available to your role">
        Your roles do not include this section. Choose one of the sections in the menu.
      </Alert>
    );
  }
  switch (route.name) {
    case 'dashboard':
      return <DashboardScreen />;
    case 'reports':
      return <ReportsScreen />;
    case 'search':
      return <SearchScreen />;
    case 'receipts':
      return <ReceiptListScreen />;
    case 'receipt':
      return <ReceiptDetailScreen key={route.id} id={route.id} />;
    case 'receiptNew':
      return <ReceiptFormScreen mode="create" />;
    case 'receiptEdit':
      return <ReceiptFormScreen key={route.id} mode="edit" id={route.id} />;
    case 'visits':
    case 'visit':
    case 'visitNew':
    case 'visitorPass':
    case 'incidents':
    case 'incident':
    case 'incidentNew':
    case 'incidentRelease':
      return <RecordRouteScreen route={route} />;
    case 'accounts':
      return <AccountsScreen />;
    case 'audit':
      return <AuditScreen />;
    case 'sync':
      return <SyncScreen />;
    case 'changePassword':
      return <ChangePasswordScreen voluntary />;
    case 'print':
      return <PrintRouteScreen form={route.form} />;
  }
});

const Gate = observer(function Gate() {
  const { session } = useStores();
  if (session.needsSetup) return <SetupScreen />;
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
  const { session, idle } = useStores();
  useEffect(() => {
    void session.load();
  }, [session]);
  // Back at the window after a while: ask at once whether the session was locked meanwhile.
  useEffect(() => {
    const check = () => void idle.check();
    const shown = () => {
      if (document.visibilityState === 'visible') check();
    };
    window.addEventListener('focus', check);
    document.addEventListener('visibilitychange', shown);
    return () => {
      window.removeEventListener('focus', check);
      document.removeEventListener('visibilitychange', shown);
    };
  }, [idle]);
  return (
    <AppShell>
      <Gate />
    </AppShell>
  );
});
