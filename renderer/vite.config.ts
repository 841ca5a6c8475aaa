// Builds the renderer to dist/renderer for the app protocol (and the test harness). Everything is
// bundled (USWDS fonts and icons as files, never inlined as data: URLs, so the CSP can stay
// 'self'); the built app requests nothing from anywhere else.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: import.meta.dirname,
  base: './',
  publicDir: false,
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome130',
    assetsInlineLimit: 0,
    sourcemap: false,
    // The preload polyfill would be an extra script; Chromium has modulepreload.
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 1500,
  },
  server: {
    // The renderer imports the contract from ../electron/common.
    fs: { allow: ['..'] },
  },
});
