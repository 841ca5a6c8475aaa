import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveAppPaths } from '../../../electron/main/paths.js';

describe('resolveAppPaths', () => {
  it('keeps the database in <appData>/Enclave Ledger and the built files beside package.json', () => {
    const paths = resolveAppPaths({ appPath: '/opt/ledger/resources/app.asar', appData: '/home/u/.config' });
    expect(paths).toEqual({
      userData: path.join('/home/u/.config', 'Enclave Ledger'),
      dbPath: path.join('/home/u/.config', 'Enclave Ledger', 'enclave-ledger.sqlite'),
      rendererDir: path.join('/opt/ledger/resources/app.asar', 'dist', 'renderer'),
      preloadPath: path.join('/opt/ledger/resources/app.asar', 'dist', 'preload', 'preload.cjs'),
    });
  });
});
