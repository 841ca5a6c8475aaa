// The installer config cannot be exercised here (no Electron binary), so check it the way
// electron-builder itself does before a build: load it and validate it against its schema.
import { createRequire } from 'node:module';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../harness/buildBridge.js';

interface Config {
  appId?: string;
  productName?: string;
  asar?: boolean;
  publish?: unknown;
  /** getConfig normalises a list of patterns to [{ filter: [...] }]. */
  files?: ({ filter?: string[] } | string)[];
  electronFuses?: Record<string, boolean>;
  linux?: { target?: string[] };
  win?: { target?: string[] };
}

interface ConfigModule {
  getConfig(projectDir: string, configPath: string | null, configFromOptions: null): Promise<Config>;
  validateConfiguration(config: Config, debugLogger: { add(key: string, value: unknown): void; isEnabled: boolean }): Promise<void>;
}

// app-builder-lib is electron-builder's own library; resolve it from there, not from the project.
const requireFromBuilder = createRequire(createRequire(import.meta.url).resolve('electron-builder'));
const builderConfig = requireFromBuilder('app-builder-lib/out/util/config/config') as ConfigModule;
const logger = { add: () => undefined, isEnabled: false };

describe('build/electron-builder.yml', () => {
  let config: Config;
  beforeAll(async () => {
    config = await builderConfig.getConfig(REPO_ROOT, path.join(REPO_ROOT, 'build/electron-builder.yml'), null);
  });

  it('is valid electron-builder configuration', async () => {
    await expect(builderConfig.validateConfiguration(config, logger)).resolves.toBeUndefined();
    expect(config.productName).toBe('Enclave Ledger');
    expect(config.appId).toMatch(/^[a-z]+(\.[a-z]+)+$/);
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.win?.target).toEqual(['nsis']);
  });

  it('ships only built files in an asar archive, publishes nothing and sets the hardening fuses', () => {
    expect(config.asar).toBe(true);
    expect(config.publish).toBeNull();
    const patterns = (config.files ?? []).flatMap((entry) => (typeof entry === 'string' ? [entry] : (entry.filter ?? [])));
    expect(patterns).toEqual(expect.arrayContaining(['out/**/*.js', 'dist/renderer/**/*', 'dist/preload/preload.cjs', '!dist/harness/**']));
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('is rejected by the same check when it is wrong (the check is real)', async () => {
    await expect(builderConfig.validateConfiguration({ electronFuses: { runAsNod: false } }, logger)).rejects.toThrow(/Invalid configuration/);
  });
});
