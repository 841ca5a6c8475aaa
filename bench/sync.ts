// npm run bench:sync: export and import of a site's journal (100,000 receipt entries by default)
// against raw better-sqlite3 on the same rows, measured in the same run, and the peak memory of
// importing 1,000,000 entries (in a child process, its RSS high-water mark). Targets (issue 4):
// import within 2x of its baseline, export within 1.5x, peak memory under 300 MB.
//
//   node out/bench/sync.js [--entries N] [--memory-entries N] [--repeat N] [--budget S]
//                          [--memory-timeout S] [--skip-memory] [--keep]
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { appendEntry } from '../db/journal/append.js';
import { openDb } from '../db/open.js';
import { checkpointsSettled } from '../electron/node/db/walCheckpoints.js';
import { schemaVersion } from '../db/migrate.js';
import { UNCLASSIFIED } from '../electron/common/classification/index.js';
import { GENESIS_HASH } from '../electron/common/journal.js';
import type { ImportResult } from '../electron/common/sync/model.js';
import { APP_VERSION } from '../electron/common/version.js';
import { writeBundle } from '../electron/node/sync/bundleFile.js';
import { writeSiteBundle } from '../electron/node/services/sync/exportBundles.js';
import { entryClassification } from '../electron/common/journalMarking.js';
import { baselineExport, baselineImport, readRows, storageFloor } from './baseline.js';
import { applyToProjections } from '../db/projections/apply.js';
import { openInstallation, makeWorld } from './world.js';
import { receiptChain, receiptDrafts } from './workload.js';

const { values: args } = parseArgs({
  options: {
    entries: { type: 'string', default: '100000' },
    'memory-entries': { type: 'string', default: '1000000' },
    repeat: { type: 'string', default: '3' },
    budget: { type: 'string', default: '120' },
    'memory-timeout': { type: 'string', default: '600' },
    'skip-memory': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
  },
});
const ENTRIES = Number(args.entries);
const MEMORY_ENTRIES = Number(args['memory-entries']);
const REPEAT = Math.max(1, Number(args.repeat));
/** Repeats stop once a measurement has used this many seconds (one run at least). */
const BUDGET_MS = Number(args.budget) * 1000;
const MEMORY_TIMEOUT_MS = Number(args['memory-timeout']) * 1000;
const START = new Date('2025-01-06T08:00:00Z');
const TARGETS = { import: 2, export: 1.5, memoryMb: 300 };

const fmt = (n: number) => n.toLocaleString('en-US');
const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};
function progress(text: string): void {
  process.stderr.write(`  ${text}\n`);
}

async function timed<T>(work: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await work();
  return { ms: performance.now() - started, value };
}

/** The child process running now, if any. */
let running: ChildProcess | null = null;

interface ChildRun {
  out: string;
  ms: number;
  timedOut: boolean;
  /** VmHWM sampled from /proc while it ran (Linux), in kB; null elsewhere. */
  sampledHwmKb: number | null;
}

/** Run a script in a child Node process; kill it after `timeoutMs`, sampling its RSS high-water mark meanwhile. */
function runChild(script: string, argv: string[], timeoutMs: number): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [script, ...argv], { stdio: ['ignore', 'pipe', 'inherit'] });
    running = child;
    let out = '';
    let timedOut = false;
    let sampledHwmKb: number | null = null;
    const sample = () => {
      try {
        const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (hwm) sampledHwmKb = Math.max(sampledHwmKb ?? 0, Number(hwm[1]));
      } catch {
        // not Linux, or the process is gone: the child's own report is the measure
      }
    };
    const sampler = setInterval(sample, 1000);
    const timer = setTimeout(() => {
      timedOut = true;
      sample();
      child.kill('SIGKILL');
    }, timeoutMs);
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      running = null;
      clearInterval(sampler);
      clearTimeout(timer);
      const run = { out, ms: performance.now() - started, timedOut, sampledHwmKb };
      if (code === 0 || timedOut) resolve(run);
      else reject(new Error(`${script} exited with ${code}`));
    });
  });
}

function expectApplied(results: { outcome: ImportResult['outcome']; applied: number; message: string }[], entries: number): void {
  const [r] = results;
  if (results.length !== 1 || r?.outcome !== 'applied' || r.applied !== entries) throw new Error(`import did not apply ${entries} entries: ${JSON.stringify(results)}`);
}

const dir = mkdtempSync(join(tmpdir(), 'ledger-bench-'));
// Interrupted (Ctrl-C, a timeout): stop the child and remove the gigabytes of data made so far.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    running?.kill('SIGKILL');
    if (!args.keep) rmSync(dir, { recursive: true, force: true });
    process.exit(130);
  });
}
try {
  process.stderr.write(`bench:sync in ${dir}\n`);
  const world = await makeWorld(dir);
  const { site, signer } = world;

  // The site's journal: ENTRIES receipt entries after its set-up entries, appended through
  // db/journal/append.ts (seq, chain, hash) in large transactions. The site's own registers are
  // not projected: export reads only the journal, and projecting would only slow the set-up.
  const generated = await timed(() => {
    const drafts = receiptDrafts({ siteId: site.site.siteId, count: ENTRIES, start: START });
    for (let done = 0; done < ENTRIES; ) {
      site.db.transaction(() => {
        for (let i = 0; i < 10_000 && done < ENTRIES; i++, done++) {
          const next = drafts.next();
          if (next.done) throw new Error('workload ended early');
          appendEntry(site.db, site.site.siteId, next.value);
        }
      })();
    }
  });
  const rows = readRows(site.db, site.site.siteId);
  const total = rows.length;
  const head = rows[total - 1]?.seq ?? 0;
  progress(`generated ${fmt(ENTRIES)} receipt entries in ${secs(generated.ms)} (site chain: ${fmt(total)} entries)`);

  // Headquarters before any import, copied for every measurement.
  const pristine = join(dir, 'hq-pristine.sqlite');
  world.hq.db.exec(`VACUUM INTO '${pristine.replace(/'/g, "''")}'`);
  world.hq.close();
  const copyOfHq = (name: string) => {
    const path = join(dir, `${name}.sqlite`);
    const db = openDb(pristine, { readonly: true });
    db.exec(`VACUUM INTO '${path.replace(/'/g, "''")}'`);
    db.close();
    return path;
  };

  // Export: writeSiteBundle of the whole chain, against select + SHA-384 per row.
  const exportMs: number[] = [];
  const exportBaseMs: number[] = [];
  let bundlePath = '';
  let bundleBytes = 0;
  for (let i = 0; i < REPEAT && (i === 0 || sum(exportMs) < BUDGET_MS); i++) {
    const outDir = join(dir, `medium-${i}`);
    mkdirSync(outDir);
    const written = await timed(() =>
      writeSiteBundle({ db: site.db, site: site.site, signer, recipient: 'HQ', after: { seq: 0, hash: GENESIS_HASH }, toSeq: head, outDir, clock: () => new Date() }),
    );
    exportMs.push(written.ms);
    if (written.value.header.entryCount !== total) throw new Error('export carried the wrong number of entries');
    if (i === 0) {
      bundlePath = written.value.path;
      bundleBytes = written.value.bytes;
    } else {
      rmSync(outDir, { recursive: true, force: true });
    }
    const base = baselineExport(site.db, site.site.siteId);
    if (base.rows !== total) throw new Error('baseline export read the wrong number of rows');
    exportBaseMs.push(base.ms);
    progress(`export ${i + 1}: ${secs(written.ms)}, baseline ${secs(base.ms)}`);
  }

  // Import: sync.import of that bundle into a fresh headquarters, against one INSERT transaction.
  const importMs: number[] = [];
  /** The import and its WAL checkpoint (in a worker thread after the commit) together. */
  const withCheckpointMs: number[] = [];
  const importBaseMs: number[] = [];
  const floorMs: number[] = [];
  for (let i = 0; i < REPEAT && (i === 0 || sum(importMs) < BUDGET_MS); i++) {
    const hqPath = copyOfHq(`hq-import-${i}`);
    const hq = await openInstallation(hqPath);
    const imported = await timed(() => hq.call('sync.import', { paths: [bundlePath] }) as Promise<{ results: ImportResult[] }>);
    expectApplied(imported.value.results, total);
    importMs.push(imported.ms);
    // The import returns once committed; its WAL checkpoint goes on in a worker thread. Waited
    // for here, so nothing else is measured while it runs, and reported beside the import.
    const checkpoint = await timed(() => checkpointsSettled(hq.db));
    withCheckpointMs.push(imported.ms + checkpoint.ms);
    hq.close();
    rmSync(hqPath, { force: true });

    const basePath = copyOfHq(`hq-baseline-${i}`);
    const db = openDb(basePath);
    const base = baselineImport(db, rows);
    db.close();
    rmSync(basePath, { force: true });
    importBaseMs.push(base.ms);

    const floorPath = copyOfHq(`hq-floor-${i}`);
    const floorDb = openDb(floorPath);
    const floor = storageFloor(floorDb, rows, applyToProjections);
    floorDb.close();
    for (const suffix of ['', '-wal', '-shm']) rmSync(floorPath + suffix, { force: true });
    floorMs.push(floor.ms);
    progress(`import ${i + 1}: ${secs(imported.ms)}, baseline ${secs(base.ms)}, storage floor ${secs(floor.ms)}`);
  }
  site.close();

  // Peak memory: MEMORY_ENTRIES entries in one bundle, imported by a child process.
  let memory: { finished: boolean; maxRssKb: number; rssBeforeKb: number; ms: number; genMs: number; bytes: number } | null = null;
  if (!args['skip-memory']) {
    const outDir = join(dir, 'medium-big');
    mkdirSync(outDir);
    const hqPath = copyOfHq('hq-memory');
    const hqDb = openDb(hqPath);
    const version = schemaVersion(hqDb);
    hqDb.close();
    const big = await timed(() =>
      writeBundle({
        entries: receiptChain({ siteId: 'SITE-A', count: MEMORY_ENTRIES, start: START, seed: 7 }),
        header: { direction: 'site-to-hq', siteId: 'SITE-A', siteName: 'Alpha Works', recipient: 'HQ', classification: UNCLASSIFIED, schemaVersion: version, appVersion: APP_VERSION },
        signer,
        outDir,
        after: { seq: 0, head: GENESIS_HASH },
        classify: entryClassification,
      }),
    );
    progress(`wrote a bundle of ${fmt(MEMORY_ENTRIES)} entries (${mb(big.value.bytes)}) in ${secs(big.ms)}; importing it in a child process`);
    const child = join(fileURLToPath(new URL('.', import.meta.url)), 'importChild.js');
    const run = await runChild(child, [hqPath, big.value.path], MEMORY_TIMEOUT_MS);
    if (run.timedOut) {
      memory = { finished: false, ms: run.ms, maxRssKb: run.sampledHwmKb ?? 0, rssBeforeKb: 0, genMs: big.ms, bytes: big.value.bytes };
      progress(`the import of ${fmt(MEMORY_ENTRIES)} entries did not finish in ${secs(run.ms)}: killed; peak RSS until then ${mb((run.sampledHwmKb ?? 0) * 1024)}`);
    } else {
      const report = JSON.parse(run.out) as {
        ms: number;
        rssBeforeKb: number;
        maxRssKb: number;
        results: { outcome: ImportResult['outcome']; applied: number; message: string }[];
      };
      expectApplied(report.results, MEMORY_ENTRIES);
      memory = { finished: true, ms: report.ms, maxRssKb: Math.max(report.maxRssKb, run.sampledHwmKb ?? 0), rssBeforeKb: report.rssBeforeKb, genMs: big.ms, bytes: big.value.bytes };
      progress(`imported ${fmt(MEMORY_ENTRIES)} entries in ${secs(report.ms)}, peak RSS ${mb(memory.maxRssKb * 1024)}; database ${mb(statSync(hqPath).size)}`);
    }
    rmSync(outDir, { recursive: true, force: true });
    for (const suffix of ['', '-wal', '-shm']) rmSync(hqPath + suffix, { force: true });
  }

  // The table.
  const exp = { ms: median(exportMs), base: median(exportBaseMs) };
  const imp = { ms: median(importMs), base: median(importBaseMs) };
  const floor = median(floorMs);
  const lines: string[][] = [
    ['', 'measured', 'baseline', 'ratio', 'target', 'met'],
    ['export', secs(exp.ms), secs(exp.base), `${(exp.ms / exp.base).toFixed(2)}x`, `<= ${TARGETS.export}x`, exp.ms / exp.base <= TARGETS.export ? 'yes' : 'NO'],
    ['import', secs(imp.ms), secs(imp.base), `${(imp.ms / imp.base).toFixed(2)}x`, `<= ${TARGETS.import}x`, imp.ms / imp.base <= TARGETS.import ? 'yes' : 'NO'],
    ['  with its background checkpoint', secs(median(withCheckpointMs)), secs(imp.base), `${(median(withCheckpointMs) / imp.base).toFixed(2)}x`, '', ''],
    ['  storage floor of import', secs(floor), secs(imp.base), `${(floor / imp.base).toFixed(2)}x`, '', ''],
  ];
  if (memory) {
    const peakMb = memory.maxRssKb / 1024;
    lines.push(
      memory.finished
        ? [`peak RSS, import ${fmt(MEMORY_ENTRIES)}`, `${peakMb.toFixed(0)} MB`, `(${(memory.rssBeforeKb / 1024).toFixed(0)} MB idle)`, '', `< ${TARGETS.memoryMb} MB`, peakMb < TARGETS.memoryMb ? 'yes' : 'NO']
        : [`peak RSS, import ${fmt(MEMORY_ENTRIES)}`, `>= ${peakMb.toFixed(0)} MB`, `(killed after ${secs(memory.ms)})`, '', `< ${TARGETS.memoryMb} MB`, peakMb >= TARGETS.memoryMb ? 'NO' : 'not measured'],
    );
  }
  const widths = lines[0]!.map((_, c) => Math.max(...lines.map((l) => (l[c] ?? '').length)));
  const table = lines.map((l) => l.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('   ')).join('\n');
  console.log(`\nEnclave Ledger sync bench: Node ${process.version}, ${availableParallelism()} CPUs`);
  console.log(`export/import: ${fmt(total)} journal entries of SITE-A (${fmt(ENTRIES)} receipt create/transition entries), bundle ${mb(bundleBytes)}; median of ${importMs.length === exportMs.length ? exportMs.length : `${exportMs.length} (export), ${importMs.length} (import)`}`);
  console.log(`  export ${exportMs.map(secs).join(', ')}; baseline ${exportBaseMs.map(secs).join(', ')}`);
  console.log(`  import ${importMs.map(secs).join(', ')}; baseline ${importBaseMs.map(secs).join(', ')}; storage floor ${floorMs.map(secs).join(', ')}`);
  console.log(`  import until its WAL checkpoint (in a worker thread, after it returns) was done: ${withCheckpointMs.map(secs).join(', ')}`);
  console.log('  baseline and storage floor: one transaction each, whose commit runs the WAL checkpoint itself');
  console.log('  storage floor: the journal rows plus each receipt\'s last state in its register and search index, nothing read or checked');
  if (memory) console.log(`memory: ${fmt(MEMORY_ENTRIES)} entries, bundle ${mb(memory.bytes)} written in ${secs(memory.genMs)}, ${memory.finished ? `imported in ${secs(memory.ms)}` : `import killed unfinished after ${secs(memory.ms)}`}`);
  console.log(`\n${table}\n`);
} finally {
  if (args.keep) process.stderr.write(`kept ${dir}\n`);
  else rmSync(dir, { recursive: true, force: true });
}
