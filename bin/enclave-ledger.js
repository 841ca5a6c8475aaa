#!/usr/bin/env node
// Runs the compiled CLI (npm run build, or npm run setup, compiles it into out/).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = new URL('../out/electron/node/cli/index.js', import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  process.stderr.write('enclave-ledger: not built yet: run `npm run build` (or `npm run setup`) first\n');
  process.exit(2);
}
await import(entry.href);
