// Layer rules (ARCHITECTURE.md) back up the per-runtime tsconfigs: a forbidden import fails lint
// even where the compiler would let it through.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const noElectron = { name: 'electron', message: 'Only electron/main and electron/preload may import electron.' };
const nodeBuiltins = ['node:*', 'fs', 'path', 'crypto', 'os', 'child_process', 'http', 'net', 'url', 'stream', 'better-sqlite3'];

function restrict(patterns, paths = []) {
  return { 'no-restricted-imports': ['error', { paths, patterns }] };
}

export default tseslint.config(
  { ignores: ['node_modules/', 'out/', 'dist/', '.tsbuild/', 'test-results/', 'bin/', 'eslint.config.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: { allowDefaultProject: ['build/*.mjs'] }, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      'no-console': ['error', { allow: ['error', 'warn'] }],
    },
  },
  {
    // Plain Node scripts run before anything is built.
    files: ['build/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { globals: globals.node },
    rules: { ...tseslint.configs.disableTypeChecked.rules, 'no-console': 'off' },
  },
  {
    files: ['electron/common/**'],
    rules: restrict(
      [
        { group: ['**/node/**', '**/main/**', '**/preload/**', '**/db/**', '**/renderer/**'], message: 'electron/common imports only itself.' },
        { group: nodeBuiltins, message: 'electron/common is pure TypeScript: no Node APIs.' },
      ],
      [noElectron],
    ),
  },
  {
    files: ['db/**'],
    rules: restrict(
      [{ group: ['**/electron/node/**', '**/electron/main/**', '**/electron/preload/**', '**/renderer/**'], message: 'db imports only electron/common.' }],
      [noElectron],
    ),
  },
  {
    files: ['electron/node/**'],
    rules: restrict(
      [{ group: ['**/main/**', '**/preload/**', '**/renderer/**'], message: 'electron/node never imports the Electron hosts or the renderer.' }],
      [noElectron],
    ),
  },
  {
    files: ['renderer/**'],
    rules: restrict(
      [
        { group: ['**/electron/node/**', '**/electron/main/**', '**/electron/preload/**', '**/db/**'], message: 'The renderer reaches the core only through window.ledger.' },
        { group: nodeBuiltins, message: 'The renderer runs in a sandboxed browser: no Node APIs.' },
      ],
      [noElectron],
    ),
  },
  {
    files: ['test/**'],
    rules: restrict([], [noElectron]),
  },
  {
    files: ['test/**', 'electron/node/cli/**', 'bench/**'],
    rules: { 'no-console': 'off' },
  },
  {
    // vitest's asymmetric matchers (expect.any, expect.stringMatching) are typed `any`.
    files: ['test/**'],
    rules: { '@typescript-eslint/no-unsafe-assignment': 'off' },
  },
);
