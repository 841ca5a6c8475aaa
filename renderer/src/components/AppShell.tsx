// The frame of every screen: system-high banner top and bottom, site and user, navigation.
// Sections (receipts, accounts, audit, ...) are entries in SECTIONS (stores/UiStore.ts); each
// shows only to the roles its contract method allows.
import { Button } from '@trussworks/react-uswds';
import { observer } from 'mobx-react-lite';
import type { ReactNode } from 'react';
import { ROLE_LABELS } from '../../../electron/common/roles.js';
import { ClassificationBanner } from './ClassificationBanner.js';
import { IdleHint } from './IdleHint.js';
import { useStores } from './StoresContext.js';
import { Toasts } from './Toasts.js';

const SystemHighBanner = observer(function SystemHighBanner({ position }: { position: 'top' | 'bottom' }) {
  const { session } = useStores();
  const level = session.systemHigh;
  if (level === null) {
    return (
      <div className={`classification-banner classification-banner--${position} classification-banner--unknown`} data-testid={`classification-banner-${position}`}>
        {session.isLoading ? 'Reading the system-high level…' : 'SYSTEM-HIGH LEVEL UNKNOWN'}
      </div>
    );
  }
  return <ClassificationBanner level={level} position={position} />;
});

const PrimaryNav = observer(function PrimaryNav() {
  const { ui } = useStores();
  return (
    <nav aria-label="Primary" className="app-nav">
      <ul className="app-nav__list">
        {ui.visibleSections.map((section) => (
          <li key={section.key}>
            <a
              href={`#${section.key}`}
              className="app-nav__link"
              aria-current={ui.section === section.key ? 'page' : undefined}
              onClick={(event) => {
                event.preventDefault();
                ui.navigate(section.home);
              }}
            >
              {section.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
});

const UserBox = observer(function UserBox() {
  const { session, ui } = useStores();
  const user = session.session;
  if (!user) return null;
  return (
    <div className="app-user">
      <span>
        Signed in as <strong>{user.displayName}</strong> ({user.username}
        {user.roles.length > 0 ? `, ${user.roles.map((r) => ROLE_LABELS[r]).join(', ')}` : ''})
      </span>
      <IdleHint />
      {session.isActive && ui.route.name !== 'changePassword' && (
        <Button type="button" outline inverse className="margin-left-2" onClick={() => ui.navigate({ name: 'changePassword' })}>
          Change password
        </Button>
      )}
      <Button type="button" outline inverse className="margin-left-2" onClick={() => void session.signOut()}>
        Sign out
      </Button>
    </div>
  );
});

export const AppShell = observer(function AppShell({ children }: { children: ReactNode }) {
  const { session } = useStores();
  const info = session.info;
  return (
    <>
      <a className="usa-skipnav" href="#main-content">
        Skip to main content
      </a>
      <header className="app-header">
        <SystemHighBanner position="top" />
        <div className="app-header__bar">
          <div className="app-header__title">
            <span className="app-header__name">Enclave Ledger</span>
            {info && <span className="app-header__site">{info.siteName}</span>}
          </div>
          {session.isActive && <PrimaryNav />}
          <UserBox />
        </div>
      </header>
      <main id="main-content" className="app-main" tabIndex={-1}>
        <Toasts />
        {children}
      </main>
      <footer className="app-footer">
        <div className="app-footer__info">
          {info ? `${info.siteName} (${info.siteId}) · system high ${info.systemHigh} · Enclave Ledger ${info.appVersion}` : 'Enclave Ledger'}
        </div>
        <SystemHighBanner position="bottom" />
      </footer>
    </>
  );
});
