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
  createRoot(container).render(
    <StrictMode>
      <StoresProvider root={new RootStore(window.ledger)}>
        <App />
      </StoresProvider>
    </StrictMode>,
  );
}
