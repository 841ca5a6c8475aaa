import { describe, expect, it } from 'vitest';
import { defaultDbPath } from '../../../electron/node/paths.js';

describe('default database path (shared by the desktop app and the CLI)', () => {
  it('follows Electron appData on each platform', () => {
    expect(defaultDbPath({}, 'linux', '/home/fso')).toBe('/home/fso/.config/Enclave Ledger/enclave-ledger.sqlite');
    expect(defaultDbPath({ XDG_CONFIG_HOME: '/cfg' }, 'linux', '/home/fso')).toBe('/cfg/Enclave Ledger/enclave-ledger.sqlite');
    expect(defaultDbPath({}, 'darwin', '/Users/fso')).toBe('/Users/fso/Library/Application Support/Enclave Ledger/enclave-ledger.sqlite');
    expect(defaultDbPath({ APPDATA: 'C:\\Users\\fso\\AppData\\Roaming' }, 'win32', 'C:\\Users\\fso')).toContain('Enclave Ledger');
  });
});
