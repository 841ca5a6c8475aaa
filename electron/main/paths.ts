// Where the desktop app finds its files. Pure: the caller passes Electron's app path and
// appData folder, so the layout is testable and written down in one place.
import path from 'node:path';

import { DB_FILE_NAME, PRODUCT_NAME } from '../node/paths.js';

export { DB_FILE_NAME, PRODUCT_NAME };

export interface AppPaths {
  /** Per-user data folder: <appData>/Enclave Ledger, the same in development and packaged builds. */
  userData: string;
  dbPath: string;
  /** The built renderer (vite), served on app://ledger/. */
  rendererDir: string;
  /** The built sandboxed preload (one CommonJS file). */
  preloadPath: string;
}

/**
 * `appPath` is `app.getAppPath()`: the folder (or app.asar) holding package.json. `appData` is
 * `app.getPath('appData')`: ~/.config on Linux, %APPDATA% on Windows.
 */
export function resolveAppPaths({ appPath, appData }: { appPath: string; appData: string }): AppPaths {
  const userData = path.join(appData, PRODUCT_NAME);
  return {
    userData,
    dbPath: path.join(userData, DB_FILE_NAME),
    rendererDir: path.join(appPath, 'dist', 'renderer'),
    preloadPath: path.join(appPath, 'dist', 'preload', 'preload.cjs'),
  };
}
