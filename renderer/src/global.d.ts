// The typed client the preload (Electron) or the test harness (HTTP) puts on the window.
import type { LedgerApi } from '../../electron/common/api.js';

declare global {
  interface Window {
    /** Missing only when the page is opened outside its host (main.tsx checks). */
    readonly ledger: LedgerApi;
  }
}

export {};
