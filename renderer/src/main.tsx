// Entry point: wires window.ledger (from the preload or the test harness) into the stores.
import '@uswds/uswds/css/uswds.min.css';
import '@trussworks/react-uswds/lib/index.css';
import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { StoresProvider } from './components/StoresContext.js';
import { RootStore } from './stores/RootStore.js';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

if (!('ledger' in window)) {
  container.textContent = 'Enclave Ledger cannot reach its core: window.ledger is missing (the app must run in its own window).';
} else {
  const root = new RootStore(window.ledger);
  // Typing and clicking count as activity for the idle lock, not only calls to the core.
  for (const type of ['keydown', 'pointerdown'] as const) {
    document.addEventListener(type, () => root.idle.userActive(), { capture: true, passive: true });
  }
  createRoot(container).render(
    <StrictMode>
      <StoresProvider root={root}>
        <App />
      </StoresProvider>
    </StrictMode>,
  );
}
