import { homedir } from 'node:os';
import path from 'node:path';

export const PRODUCT_NAME = 'Enclave Ledger';
export const DB_FILE_NAME = 'enclave-ledger.sqlite';

/**
 * The folder Electron's app.getPath('appData') names on each platform, so the CLI finds the
 * desktop app's database without being told: %APPDATA% on Windows, ~/Library/Application Support
 * on macOS, $XDG_CONFIG_HOME or ~/.config elsewhere.
 */
export function appDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home = homedir()): string {
  if (platform === 'win32') return env.APPDATA ?? path.join(home, 'AppData', 'Roaming');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support');
  return env.XDG_CONFIG_HOME ?? path.join(home, '.config');
}

export function defaultDbPath(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home = homedir()): string {
  return path.join(appDataDir(env, platform, home), PRODUCT_NAME, DB_FILE_NAME);
}
