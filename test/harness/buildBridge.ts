// Bundles test/harness/bridge.ts (with the contract and makeApi it imports) into one classic
// script with vite's library mode. The result is cached under dist/harness/ by a hash of its
// sources, so only the first test run after a change pays for the build; concurrent test workers
// each write to a temporary file and rename it into place.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, version as viteVersion } from 'vite';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const DEFAULT_BRIDGE_DIR = path.join(REPO_ROOT, 'dist', 'harness');

const BRIDGE_ENTRY = path.join(REPO_ROOT, 'test', 'harness', 'bridge.ts');
/** Everything the bundle can contain: a change to any of these makes a new bundle. */
const SOURCE_ROOTS = [path.join(REPO_ROOT, 'test', 'harness'), path.join(REPO_ROOT, 'electron', 'common'), path.join(REPO_ROOT, 'electron', 'main', 'plainData.ts')];

const pending = new Map<string, Promise<string>>();

/** Returns the path of the built bridge (dist/harness/bridge-<hash>.js), building it if needed. */
export function buildBridge(outDir: string = DEFAULT_BRIDGE_DIR): Promise<string> {
  let result = pending.get(outDir);
  if (!result) {
    result = buildOnce(outDir);
    pending.set(outDir, result);
    result.catch(() => pending.delete(outDir));
  }
  return result;
}

async function buildOnce(outDir: string): Promise<string> {
  const key = await sourceHash();
  const target = path.join(outDir, `bridge-${key}.js`);
  if (existsSync(target)) return target;
  const code = await bundle();
  await mkdir(outDir, { recursive: true });
  const temporary = `${target}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  await writeFile(temporary, code);
  await rename(temporary, target);
  return target;
}

async function sourceHash(): Promise<string> {
  const hash = createHash('sha256').update(`vite ${viteVersion}\n`);
  const files: string[] = [];
  for (const root of SOURCE_ROOTS) files.push(...(await listSources(root)));
  for (const file of files.sort()) {
    hash.update(`${path.relative(REPO_ROOT, file)}\n`);
    hash.update(await readFile(file));
  }
  return hash.digest('hex').slice(0, 16);
}

async function listSources(entry: string): Promise<string[]> {
  if (entry.endsWith('.ts')) return [entry];
  const found: string[] = [];
  for (const dirent of await readdir(entry, { withFileTypes: true, recursive: true })) {
    if (dirent.isFile() && dirent.name.endsWith('.ts')) found.push(path.join(dirent.parentPath, dirent.name));
  }
  return found;
}

async function bundle(): Promise<string> {
  const output = await build({
    configFile: false,
    root: REPO_ROOT,
    logLevel: 'silent',
    publicDir: false,
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: {
      write: false,
      minify: false,
      sourcemap: false,
      target: 'es2022',
      copyPublicDir: false,
      lib: { entry: BRIDGE_ENTRY, formats: ['iife'], name: 'ledgerHarnessBridge', fileName: () => 'bridge.js' },
    },
  });
  const outputs = Array.isArray(output) ? output : [output];
  for (const item of outputs) {
    if (!('output' in item)) continue;
    for (const chunk of item.output) {
      if (chunk.type === 'chunk' && chunk.isEntry) return chunk.code;
    }
  }
  throw new Error('vite produced no bridge bundle');
}
