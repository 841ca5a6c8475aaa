#!/usr/bin/env node
// `npm start`: set up (install, build) if needed, then run the desktop app. Where the Electron
// binary cannot be had (air-gapped build machines: the npm package fetches it from the internet
// on first use), say so plainly and point to the command-line interface, which runs the same core.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const run = (args) => execFileSync(npm, args, { cwd: root, stdio: 'inherit', env: { ...process.env, npm_config_build_from_source: 'true' } });

if (!existsSync(join(root, 'node_modules', 'better-sqlite3'))) {
  console.log('Installing dependencies (npm ci; better-sqlite3 compiles from source, about 2 minutes)...');
  run(['ci', '--no-audit', '--no-fund']);
}
console.log('Building...');
run(['run', 'build', '--silent']);

function electronBinary() {
  try {
    // The electron package's main export is the path of its binary; it throws when the binary is missing.
    const path = createRequire(import.meta.url)('electron');
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

const electron = electronBinary();
if (electron) {
  const result = spawnSync(electron, [root], { stdio: 'inherit' });
  process.exit(result.status ?? 1);
}

const cli = 'node bin/enclave-ledger.js';
console.log(`
The Electron binary is not available on this machine (it is downloaded from the internet the
first time the electron package is used, and this machine has no internet access).
Everything the app does runs in its core, which the command-line interface uses unchanged:

  ${cli} --help
  ${cli} init --db site.sqlite --site-id SITE-A --site-name "Alpha Works" --system-high SECRET --admin fso
  ${cli} call receipts.list '{}' --db site.sqlite --user fso

On a machine where Electron can be installed, \`npm start\` opens the desktop app.
`);
execFileSync(process.execPath, [join(root, 'bin', 'enclave-ledger.js'), '--help'], { stdio: 'inherit' });
