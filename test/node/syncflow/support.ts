// A small network for the sync tests: sites and a headquarters on real SQLite files, each with
// its signing identity, enrolled in each other's trust stores as operators would do it.
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { Db } from '../../../db/open.js';
import { openDb } from '../../../db/open.js';
import { chainHead } from '../../../db/journal/append.js';
import { readIdentity } from '../../../db/queries/sync.js';
import type { ImportResult } from '../../../electron/common/sync/model.js';
import type { ReceiptDraftInput } from '../../../electron/common/receipts/model.js';
import { ManualClock } from '../../../electron/node/clock.js';
import type { Connection } from '../../../electron/node/core.js';
import { createCore } from '../../../electron/node/core.js';
import { GENESIS_HASH, type JournalEntry } from '../../../electron/common/journal.js';
import { entryHash } from '../../../db/journal/hash.js';
import type { Signer } from '../../../electron/node/sync/keys.js';
import { pemToCertificateDer } from '../../../electron/node/sync/keys.js';
import { unsealPrivateKey } from '../../../electron/node/sync/sealedKey.js';
import { createSoftwareSigner } from '../../../electron/node/sync/softwareSigner.js';
import { writeSiteBundle } from '../../../electron/node/services/sync/exportBundles.js';
import { readSite } from '../../../db/queries/system.js';
import type { UsLevel } from '../../../electron/common/classification/model.js';
import type { SiteRole } from '../../../electron/common/site.js';
import { TEST_ITERATIONS, TEST_KEY_ITERATIONS, type TestSite, makeTestSite } from '../support/testSite.js';
import { incomingDraft } from '../support/receiptFixtures.js';

export const KEY_PASSPHRASE = 'Sealed key passphrase 42!';

export interface SyncSite extends TestSite {
  siteId: string;
  officer: Connection;
  clerk: Connection;
  /** A fresh folder inside the site's temp dir (a removable medium). */
  medium(): string;
}

let media = 0;

async function withSync(site: TestSite, siteId: string): Promise<SyncSite> {
  const admin = await site.connect('admin');
  await site.must(admin, 'sync.createIdentity', { passphrase: KEY_PASSPHRASE });
  return {
    ...site,
    siteId,
    officer: await site.connect('officer'),
    clerk: await site.connect('clerk'),
    medium: () => mkdtempSync(join(site.dir, `medium-${++media}-`)),
  };
}

export async function makeSyncSite(siteId: string, options: { systemHigh?: UsLevel; siteRole?: SiteRole } = {}): Promise<SyncSite> {
  return withSync(await makeTestSite({ siteId, ...options }), siteId);
}

/** The operator at `at` enrolls `of`'s certificate after reading its fingerprint aloud. */
export async function enroll(at: SyncSite, of: SyncSite): Promise<void> {
  const { identity } = await of.must(of.officer, 'sync.identity', {});
  if (!identity) throw new Error(`${of.siteId} has no identity`);
  await at.must(at.officer, 'trust.enroll', {
    certificatePem: identity.certificatePem,
    siteId: of.siteId,
    role: of.siteId === 'HQ' ? 'hq' : 'site',
    expectedFingerprint: identity.fingerprint,
  });
}

export interface World {
  hq: SyncSite;
  a: SyncSite;
  b: SyncSite;
  close(): void;
}

export async function makeWorld(): Promise<World> {
  const [hq, a, b] = await Promise.all([makeSyncSite('HQ', { siteRole: 'hq' }), makeSyncSite('SITE-A'), makeSyncSite('SITE-B')]);
  for (const site of [a, b]) {
    await enroll(hq, site);
    await enroll(site, hq);
  }
  return {
    hq,
    a,
    b,
    close() {
      for (const s of [hq, a, b]) s.close();
    },
  };
}

let receiptNo = 0;

export async function addReceipt(site: SyncSite, overrides: Partial<ReceiptDraftInput> = {}) {
  receiptNo += 1;
  return site.must(site.clerk, 'receipts.create', incomingDraft({ controlNumber: `IN-${site.siteId}-${receiptNo}`, unclassifiedTitle: `Item ${receiptNo}`, ...overrides }));
}

/** New sessions after the clock moved (the idle lock would refuse the old ones). */
export async function signInAgain(site: SyncSite): Promise<void> {
  site.officer = await site.connect('officer');
  site.clerk = await site.connect('clerk');
}

export async function exportFrom(site: SyncSite) {
  return site.must(site.officer, 'sync.export', { outDir: site.medium(), passphrase: KEY_PASSPHRASE });
}

export async function importAt(site: SyncSite, paths: string[]): Promise<ImportResult[]> {
  return (await site.must(site.officer, 'sync.import', { paths })).results;
}

export async function ackTo(hq: SyncSite, site: SyncSite, extra: { expiresInDays?: number; notes?: string } = {}) {
  return hq.must(hq.officer, 'sync.exportAck', { siteId: site.siteId, outDir: hq.medium(), passphrase: KEY_PASSPHRASE, ...extra });
}

/** The site's signer, unsealed as an export would (for tests that write bundles by hand). */
export async function signerOf(site: { db: Db; clock: ManualClock }): Promise<Signer> {
  const stored = readIdentity(site.db);
  if (!stored?.sealedKey) throw new Error('no identity');
  const pkcs8 = await unsealPrivateKey(stored.sealedKey, KEY_PASSPHRASE, { minIterations: 1 });
  return createSoftwareSigner(pkcs8, pemToCertificateDer(stored.record.certificatePem), () => site.clock.now());
}

/** A bundle of the site's own chain, seq from..to, for HQ (what sync.export writes, for any range). */
export async function bundleOf(site: SyncSite, from: number, to: number, outDir = site.medium(), recipient = 'HQ'): Promise<string> {
  const signer = await signerOf(site);
  const config = readSite(site.db);
  if (!config) throw new Error('not set up');
  const after = from === 1 ? { seq: 0, hash: GENESIS_HASH } : { seq: from - 1, hash: hashAt(site.db, site.siteId, from - 1) };
  const written = await writeSiteBundle({ db: site.db, site: config, signer, recipient, after, toSeq: to, outDir, clock: () => site.clock.now() });
  return written.path;
}

export function hashAt(db: Db, siteId: string, seq: number): string {
  const row = db.prepare('SELECT hash FROM journal WHERE site_id = ? AND seq = ?').get(siteId, seq) as { hash: string } | undefined;
  if (!row) throw new Error(`no ${siteId} seq ${seq}`);
  return row.hash;
}

export function headSeq(site: SyncSite): number {
  return chainHead(site.db, site.siteId).seq;
}

/** A copy of a site's database (its identity included), running on its own core: a restored backup. */
export async function cloneSite(site: SyncSite): Promise<SyncSite> {
  const dir = mkdtempSync(join(site.dir, 'clone-'));
  const path = join(dir, 'ledger.sqlite');
  site.db.exec(`VACUUM INTO '${path.replace(/'/g, "''")}'`);
  const db = openDb(path);
  const clock = new ManualClock(site.clock.now());
  const errors: unknown[] = [];
  const core = createCore({ db, clock, appVersion: 'test', passwordIterations: TEST_ITERATIONS, keyIterations: TEST_KEY_ITERATIONS, logError: (_m, e) => errors.push(e) });
  const call = async (conn: Connection, method: string, input: unknown) => core.dispatch(conn, method, input);
  const must = async (conn: Connection, method: string, input: unknown) => {
    const r = await call(conn, method, input);
    if (!r.ok) throw new Error(`${method} failed: ${JSON.stringify(r.error)}`);
    return r.value;
  };
  const connect = async (username: string) => {
    const conn: Connection = { session: null, workstation: 'clone-ws' };
    await must(conn, 'session.signIn', { username, password: 'Long enough test passw0rd!' });
    return conn;
  };
  const clone = {
    dir,
    path,
    db,
    clock,
    core,
    errors,
    connect,
    call,
    must,
    close() {
      if (db.open) db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  } as unknown as TestSite;
  return {
    ...clone,
    siteId: site.siteId,
    officer: await connect('officer'),
    clerk: await connect('clerk'),
    medium: () => mkdtempSync(join(dir, `medium-${++media}-`)),
  };
}

/** Every table; without the rows `skip` names (an alarm that was the point of a test). */
export function dumpWithout(db: Db, skip: { alarms?: boolean } = {}): string {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%fts_%' ORDER BY name").all() as { name: string }[];
  return JSON.stringify(
    tables
      .filter(({ name }) => !(skip.alarms && name === 'alarms'))
      .map(({ name }) => {
        const where = skip.alarms && name === 'journal' ? "WHERE kind <> 'alarm'" : '';
        return [name, db.prepare(`SELECT * FROM "${name}" ${where} ORDER BY 1`).all()];
      }),
  );
}

/** Exactly one new alarm row (and its journal entry) and nothing else changed. */
export function expectOnlyAlarm(db: Db, before: { dump: string; alarms: number; journal: number }, reason: string): void {
  expect(dumpWithout(db, { alarms: true })).toBe(before.dump);
  expect((db.prepare('SELECT count(*) AS n FROM alarms').get() as { n: number }).n).toBe(before.alarms + 1);
  expect((db.prepare('SELECT count(*) AS n FROM journal').get() as { n: number }).n).toBe(before.journal + 1);
  const last = db.prepare('SELECT reason, status FROM alarms ORDER BY rowid DESC LIMIT 1').get();
  expect(last).toEqual({ reason, status: 'open' });
}

export function snapshot(db: Db) {
  return {
    dump: dumpWithout(db, { alarms: true }),
    alarms: (db.prepare('SELECT count(*) AS n FROM alarms').get() as { n: number }).n,
    journal: (db.prepare('SELECT count(*) AS n FROM journal').get() as { n: number }).n,
  };
}

/** Entries continuing `siteId`'s chain after `after`, hashed as the journal hashes them (for bundles written by hand). */
export function chainFrom(siteId: string, after: { seq: number; hash: string }, items: { kind: JournalEntry['kind']; entityId: string; data: unknown }[]): JournalEntry[] {
  let prevHash = after.hash;
  return items.map((item, i) => {
    const seq = after.seq + i + 1;
    const unhashed = { siteId, seq, id: `01J${String(seq).padStart(23, '0')}`, at: '2026-03-02T10:00:00.000Z', actor: 'clerk', action: 'update', ...item, prevHash };
    const entry = { ...unhashed, hash: entryHash(unhashed) };
    prevHash = entry.hash;
    return entry;
  });
}
