// Where sync bundles come from and go to (the removable medium). In the desktop app the preload
// exposes `window.ledgerFiles`: native dialogs in the main process, which also remembers what the
// user picked, so the core only reads and writes paths chosen in those dialogs. Anywhere else
// (the test harness, a plain browser) there is no dialog: the screens offer a text input for an
// absolute path instead.
import type { Result } from '../../../electron/common/result.js';

/** What the preload exposes (electron/preload/preload.ts; channels in electron/main/fileDialogs.ts). */
export interface LedgerFiles {
  /** One folder (the medium) to write a bundle into; null when the user cancelled. */
  pickExportFolder(): Promise<Result<string | null>>;
  /** Bundle files (*.ledger.tar) to preview and import; empty when the user cancelled. */
  pickBundleFiles(): Promise<Result<string[]>>;
}

declare global {
  interface Window {
    /** Only in the desktop app; missing in the test harness and in a plain browser. */
    readonly ledgerFiles?: LedgerFiles;
  }
}

/** How the sync screens choose files: native dialogs, or absolute paths typed by the user. */
export interface FileChooser {
  /** true: native dialogs (the typed-path inputs are not shown). */
  readonly native: boolean;
  pickFolder(): Promise<Result<string | null>>;
  pickFiles(): Promise<Result<string[]>>;
}

const NO_DIALOG = { code: 'INTERNAL', message: 'this window has no file dialog: type the absolute path instead' } as const;

/** Typed paths only (the test harness, a browser). */
export const typedPaths: FileChooser = {
  native: false,
  pickFolder: () => Promise.resolve({ ok: false, error: NO_DIALOG }),
  pickFiles: () => Promise.resolve({ ok: false, error: NO_DIALOG }),
};

/** Native dialogs through the preload's `ledgerFiles`. */
export function nativeDialogs(files: LedgerFiles): FileChooser {
  const guard = async <T>(call: () => Promise<Result<T>>): Promise<Result<T>> => {
    try {
      return await call();
    } catch (error) {
      return { ok: false, error: { code: 'INTERNAL', message: `the file dialog failed: ${error instanceof Error ? error.message : String(error)}` } };
    }
  };
  return {
    native: true,
    pickFolder: () => guard(() => files.pickExportFolder()),
    pickFiles: () => guard(() => files.pickBundleFiles()),
  };
}

/** What this window offers: the preload's dialogs when present, else typed paths. */
export function platformFiles(): FileChooser {
  const files = typeof window === 'undefined' ? undefined : window.ledgerFiles;
  return files ? nativeDialogs(files) : typedPaths;
}

/** The lines of a text area as absolute paths: trimmed, blank lines dropped, duplicates once. */
export function pathsFromText(text: string): string[] {
  const seen = new Set<string>();
  for (const line of text.split(/\r?\n/)) {
    const path = line.trim();
    if (path !== '') seen.add(path);
  }
  return [...seen];
}
