// An import's WAL checkpoint runs after its commit, in a worker thread on a connection of its own
// (electron/node/db/walCheckpoints.ts). The worker runs from the compiled code only, so the
// worker cases load the compiled module (npm test builds first); the test runner's sources take
// the in-thread path, which checkpoints on the connection as the commit would have.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { type Db, openDb } from '../../../db/open.js';
import * as fromSources from '../../../electron/node/db/walCheckpoints.js';

type Checkpoints = typeof fromSources;
const OUT = join(import.meta.dirname, '../../../out/electron/node/db/walCheckpoints.js');
const BUILT = existsSync(OUT);

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function database(): Db {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-wal-'));
  dirs.push(dir);
  const db = openDb(join(dir, 'ledger.sqlite'));
  db.exec('CREATE TABLE t (n INTEGER PRIMARY KEY, text TEXT NOT NULL)');
  return db;
}

/** A transaction large enough to pass the auto-checkpoint threshold many times over. */
async function largeWrite(db: Db): Promise<number> {
  await Promise.resolve();
  const insert = db.prepare('INSERT INTO t (text) VALUES (?)');
  db.transaction(() => {
    for (let i = 0; i < 20_000; i++) insert.run('x'.repeat(400));
  })();
  return db.pragma('wal_autocheckpoint', { simple: true }) as number;
}

/** Frames in the log, and how many are already in the database file (a PASSIVE checkpoint with nothing to do reports both). */
function walState(db: Db): { log: number; checkpointed: number } {
  const [state] = db.pragma('wal_checkpoint(PASSIVE)') as { log: number; checkpointed: number }[];
  return { log: state?.log ?? -1, checkpointed: state?.checkpointed ?? -1 };
}

/** Frames in the log not yet in the database file, asked without checkpointing (NOOP, SQLite 3.49). */
function framesNotCheckpointed(db: Db): number {
  const [state] = db.pragma('wal_checkpoint(NOOP)') as { log: number; checkpointed: number }[] | [];
  return state ? state.log - state.checkpointed : 0;
}

async function checkImport(checkpoints: Checkpoints, options: Parameters<Checkpoints['withCheckpointAfter']>[2] = {}) {
  const db = database();
  try {
    const during = await checkpoints.withCheckpointAfter(db, () => largeWrite(db), options);
    return { db, during };
  } catch (error) {
    db.close();
    throw error;
  }
}

describe('the checkpoint after an import, in the importing thread (sources)', () => {
  it('holds the connection’s own checkpoints during the import, then checkpoints and restores them', async () => {
    const { db, during } = await checkImport(fromSources);
    expect(during).toBe(0);
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    const state = walState(db);
    expect(state.log).toBeGreaterThan(1000);
    expect(state.checkpointed).toBe(state.log);
    db.close();
  });
});

describe.runIf(BUILT)('the checkpoint after an import, in a worker thread (compiled)', () => {
  const load = async () => (await import(pathToFileURL(OUT).href)) as Checkpoints;

  it('leaves the log to the worker, which copies it all; the connection’s own checkpoints resume after', async () => {
    const built = await load();
    const told: unknown[] = [];
    const { db, during } = await checkImport(built, { onWorkerUnavailable: (error) => told.push(error) });
    expect(during).toBe(0);
    // Returned before the checkpoint: still held while the worker copies.
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    expect(framesNotCheckpointed(db)).toBeGreaterThan(0);
    await built.checkpointsSettled(db);
    expect(told).toEqual([]);
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    expect(framesNotCheckpointed(db)).toBe(0);
    expect(db.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 20_000 });
    db.close();
  });

  it('keeps them held until the last of two imports is checkpointed', async () => {
    const built = await load();
    const db = database();
    const first = built.withCheckpointAfter(db, () => largeWrite(db));
    const second = built.withCheckpointAfter(db, () => largeWrite(db));
    expect(await Promise.all([first, second])).toEqual([0, 0]);
    await built.checkpointsSettled(db);
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    expect(framesNotCheckpointed(db)).toBe(0);
    db.close();
  });

  it('checkpoints in the importing thread when the worker cannot run, and says so', async () => {
    const built = await load();
    const dir = mkdtempSync(join(tmpdir(), 'ledger-wal-script-'));
    dirs.push(dir);
    const broken = join(dir, 'broken.mjs');
    writeFileSync(broken, "throw new Error('this script cannot load');\n");
    const told: unknown[] = [];
    const { db } = await checkImport(built, { workerScript: pathToFileURL(broken), onWorkerUnavailable: (error) => told.push(error) });
    await built.checkpointsSettled(db);
    expect(String(told[0])).toMatch(/cannot load/);
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    expect(framesNotCheckpointed(db)).toBe(0);
    db.close();
  });
});
