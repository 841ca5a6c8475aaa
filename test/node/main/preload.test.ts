// Builds the real preload bundle (as `npm run build` does) and runs it in a bare VM context with
// a stand-in `require`, as a sandboxed preload runs: it may require only `electron`, and must
// expose exactly three things: `ledger`, whose every method invokes the one IPC channel,
// `ledgerFiles`, the two file dialogs of the Sync screen, and `ledgerPrint`, Save as PDF.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { METHOD_NAMES } from '../../../electron/common/contract/index.js';
import { PICK_BUNDLES_CHANNEL, PICK_FOLDER_CHANNEL } from '../../../electron/main/fileDialogs.js';
import { LEDGER_CHANNEL } from '../../../electron/main/ipc.js';
import { SAVE_PDF_CHANNEL } from '../../../electron/common/print/savePdf.js';
import { REPO_ROOT } from '../../harness/buildBridge.js';

describe('the preload bundle', () => {
  let outDir: string;
  let code: string;

  beforeAll(async () => {
    outDir = await mkdtemp(path.join(os.tmpdir(), 'ledger-preload-'));
    await build({ configFile: path.join(REPO_ROOT, 'electron/preload/vite.config.ts'), logLevel: 'silent', build: { outDir } });
    code = await readFile(path.join(outDir, 'preload.cjs'), 'utf8');
  }, 60_000);
  afterAll(async () => {
    await rm(outDir, { recursive: true, force: true });
  });

  function run() {
    const exposed: [string, unknown][] = [];
    const invoke = vi.fn((..._args: unknown[]) => Promise.resolve({ ok: true, value: 'pong' }));
    const required: string[] = [];
    const electron = {
      contextBridge: { exposeInMainWorld: (key: string, value: unknown) => exposed.push([key, value]) },
      ipcRenderer: { invoke },
    };
    const sandbox = {
      require: (id: string) => {
        required.push(id);
        if (id !== 'electron') throw new Error(`a sandboxed preload cannot require ${id}`);
        return electron;
      },
      module: { exports: {} },
      exports: {},
    };
    vm.runInNewContext(code, sandbox, { filename: 'preload.cjs' });
    return { exposed, invoke, required };
  }

  it('requires nothing but electron', () => {
    expect(new Set(run().required)).toEqual(new Set(['electron']));
  });

  it('exposes only window.ledger, with every contract method, window.ledgerFiles and window.ledgerPrint', () => {
    const { exposed } = run();
    expect(exposed.map(([key]) => key)).toEqual(['ledger', 'ledgerFiles', 'ledgerPrint']);
    const api = exposed[0]?.[1] as Record<string, unknown>;
    expect(Object.keys(api).sort()).toEqual([...METHOD_NAMES].sort());
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('sends each call over ledger:call and returns its Result', async () => {
    const { exposed, invoke } = run();
    const api = exposed[0]?.[1] as Record<string, (input: unknown) => Promise<unknown>>;
    const signIn = api['session.signIn'];
    if (!signIn) throw new Error('no session.signIn');
    expect(await signIn({ username: 'a', password: 'b' })).toEqual({ ok: true, value: 'pong' });
    expect(invoke).toHaveBeenCalledWith(LEDGER_CHANNEL, 'session.signIn', { username: 'a', password: 'b' });
  });

  it('reports a torn-down channel as an INTERNAL Result, not a rejection', async () => {
    const { exposed, invoke } = run();
    invoke.mockImplementationOnce(() => Promise.reject(new Error('channel closed')));
    const api = exposed[0]?.[1] as Record<string, (input: unknown) => Promise<unknown>>;
    await expect(api['system.info']?.({})).resolves.toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });

  it('gives window.ledgerFiles just the two dialogs, each over its own channel', async () => {
    const { exposed, invoke } = run();
    const files = exposed.find(([key]) => key === 'ledgerFiles')?.[1] as Record<string, () => Promise<unknown>>;
    expect(Object.keys(files).sort()).toEqual(['pickBundleFiles', 'pickExportFolder']);
    expect(Object.isFrozen(files)).toBe(true);
    await files.pickExportFolder?.();
    await files.pickBundleFiles?.();
    expect(invoke.mock.calls).toEqual([[PICK_FOLDER_CHANNEL], [PICK_BUNDLES_CHANNEL]]);
    invoke.mockImplementationOnce(() => Promise.reject(new Error('channel closed')));
    await expect(files.pickBundleFiles?.()).resolves.toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });

  it('gives window.ledgerPrint just savePdf, over print:savePdf, passing the request as it is', async () => {
    const { exposed, invoke } = run();
    const print = exposed.find(([key]) => key === 'ledgerPrint')?.[1] as Record<string, (request: unknown) => Promise<unknown>>;
    expect(Object.keys(print)).toEqual(['savePdf']);
    expect(Object.isFrozen(print)).toBe(true);
    const request = { suggestedName: 'Receipt RC-1.pdf', banner: 'SECRET' };
    await print.savePdf?.(request);
    expect(invoke).toHaveBeenCalledWith(SAVE_PDF_CHANNEL, request);
    invoke.mockImplementationOnce(() => Promise.reject(new Error('channel closed')));
    await expect(print.savePdf?.(request)).resolves.toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });
});
