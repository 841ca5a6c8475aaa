// One import in a process of its own, so its memory high-water mark is the import's:
//   node out/bench/importChild.js HQ.sqlite BUNDLE.tar
// prints {ms, rssBeforeKb, maxRssKb, results} as JSON.
import type { ImportResult } from '../electron/common/sync/model.js';
import { checkpointsSettled } from '../electron/node/db/walCheckpoints.js';
import { openInstallation } from './world.js';

const [dbPath, bundlePath] = process.argv.slice(2);
if (!dbPath || !bundlePath) {
  console.error('usage: importChild HQ.sqlite BUNDLE.tar');
  process.exit(2);
}
const hq = await openInstallation(dbPath);
const rssBeforeKb = Math.round(process.memoryUsage().rss / 1024);
const started = performance.now();
const value = (await hq.call('sync.import', { paths: [bundlePath] })) as { results: ImportResult[] };
const ms = performance.now() - started;
// Its WAL checkpoint runs in a worker thread after it returns: part of the memory measured.
await checkpointsSettled(hq.db);
hq.close();
process.stdout.write(
  `${JSON.stringify({
    ms,
    rssBeforeKb,
    maxRssKb: process.resourceUsage().maxRSS,
    results: value.results.map((r) => ({ outcome: r.outcome, applied: r.applied, message: r.message })),
  })}\n`,
);
