import { describe, expect, it } from 'vitest';
import { windowOptions } from '../../../electron/main/windowOptions.js';

describe('windowOptions', () => {
  const options = windowOptions({ preloadPath: '/app/dist/preload/preload.cjs', devTools: false });
  const prefs = options.webPreferences ?? {};

  it('sets every hardening flag', () => {
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      experimentalFeatures: false,
      enableWebSQL: false,
      navigateOnDragDrop: false,
      plugins: false,
    });
  });

  it('uses the given preload and stays hidden until ready-to-show', () => {
    expect(prefs.preload).toBe('/app/dist/preload/preload.cjs');
    expect(options.show).toBe(false);
  });

  it('opens DevTools only when asked (development builds)', () => {
    expect(prefs.devTools).toBe(false);
    expect(windowOptions({ preloadPath: '/p.cjs', devTools: true }).webPreferences?.devTools).toBe(true);
  });

  it('does not weaken anything by omission', () => {
    // Options that would need to be present to loosen the sandbox must not be.
    expect(prefs).not.toHaveProperty('partition');
    expect(prefs).not.toHaveProperty('additionalArguments');
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
  });
});
