// Migration 006 keys every FTS row by its register's integer search_key. Checked on rows written
// at version 5 (text-keyed search rows), then through the real write path after the migration.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../db/migrate.js';
import type { Db } from '../../../db/open.js';
import { openDb } from '../../../db/open.js';
import { listReceipts } from '../../../db/queries/receipts.js';
import { receiptQuerySchema } from '../../../electron/common/receipts/query.js';
import { makeTestSite, type TestSite } from '../support/testSite.js';
import { incomingDraft } from '../support/receiptFixtures.js';

const dirs: string[] = [];
const sites: TestSite[] = [];
afterEach(() => {
  for (const site of sites.splice(0)) site.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function tempPath(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-mig6-'));
  dirs.push(dir);
  return join(dir, 'ledger.sqlite');
}

function insertVersion5Receipt(db: Db, id: string, controlNumber: string, title: string): void {
  db.prepare(
    `INSERT INTO receipts (id, site_id, direction, status, version, control_number, unclassified_title, level, level_rank, fgi, countries,
                           suspense_due_on, received_on, dispatched_on, created_at, updated_at, doc)
     VALUES (?, 'SITE-A', 'incoming', 'received', 1, ?, ?, 'SECRET', 3, 0, '', NULL, '2026-03-01', NULL, 'x', 'x', '{}')`,
  ).run(id, controlNumber, title);
  db.prepare("INSERT INTO receipts_fts (receipt_id, control_number, unclassified_title, parties, other) VALUES (?, ?, ?, '', '')").run(id, controlNumber, title);
}

describe('migration 006: search rows keyed by search_key', () => {
  it('keys the search rows written at version 5 by each record and keeps them searchable', () => {
    const db = openDb(tempPath(), { migrateTo: 5 });
    insertVersion5Receipt(db, 'R1', 'IN-1', 'Sonar array drawings');
    insertVersion5Receipt(db, 'R2', 'IN-2', 'Radar cross-section report');
    insertVersion5Receipt(db, 'R3', 'IN-3', 'Sonar hull survey');

    migrate(db, 6);
    expect(schemaVersion(db)).toBe(6);
    const keys = db.prepare('SELECT id, search_key FROM receipts ORDER BY id').all() as { id: string; search_key: number }[];
    expect(new Set(keys.map((k) => k.search_key)).size).toBe(3);
    const rows = db.prepare('SELECT rowid, receipt_id FROM receipts_fts ORDER BY receipt_id').all() as { rowid: number; receipt_id: string }[];
    expect(rows.map((r) => [r.receipt_id, r.rowid])).toEqual(keys.map((k) => [k.id, k.search_key]));

    const sonar = db.prepare("SELECT r.id FROM receipts r WHERE r.search_key IN (SELECT rowid FROM receipts_fts WHERE receipts_fts MATCH 'sonar') ORDER BY r.id").all();
    expect(sonar).toEqual([{ id: 'R1' }, { id: 'R3' }]);
    // Contentless: the registers hold the text; the search table keeps only its index and the id.
    expect(db.prepare("SELECT receipt_id, control_number FROM receipts_fts WHERE rowid = ?").get(keys[0]!.search_key)).toEqual({ receipt_id: 'R1', control_number: null });
    const shadows = (db.prepare("SELECT name FROM sqlite_master WHERE name LIKE 'receipts_fts%' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
    expect(shadows).toEqual(['receipts_fts', 'receipts_fts_config', 'receipts_fts_content', 'receipts_fts_data', 'receipts_fts_docsize', 'receipts_fts_idx']);
    // Two records cannot share a key.
    expect(() => db.prepare('UPDATE receipts SET search_key = ? WHERE id = ?').run(keys[0]!.search_key, 'R2')).toThrow(/UNIQUE/);
    db.close();
  });

  it('keeps one search row per record through creates and updates, and search follows the latest state', async () => {
    const site = await makeTestSite();
    sites.push(site);
    const clerk = await site.connect('clerk');
    const first = await site.must(clerk, 'receipts.create', incomingDraft({ controlNumber: 'IN-1', unclassifiedTitle: 'Sonar array drawings' }));
    await site.must(clerk, 'receipts.create', incomingDraft({ controlNumber: 'IN-2', unclassifiedTitle: 'Radar report' }));
    await site.must(clerk, 'receipts.update', {
      id: first.id,
      expectedVersion: first.version,
      changes: { unclassifiedTitle: 'Periscope optics drawings' },
      reason: 'Title corrected by the originator',
    });

    const counts = site.db.prepare('SELECT (SELECT count(*) FROM receipts) AS records, (SELECT count(*) FROM receipts_fts) AS searchRows').get();
    expect(counts).toEqual({ records: 2, searchRows: 2 });
    const today = '2026-03-02';
    const search = (text: string) => listReceipts(site.db, receiptQuerySchema.parse({ search: text }), today).items.map((r) => r.controlNumber);
    expect(search('periscope')).toEqual(['IN-1']);
    expect(search('sonar')).toEqual([]);
    expect(search('radar')).toEqual(['IN-2']);
  });
});
