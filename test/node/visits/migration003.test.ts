// Migration 003 (visits): migrate to 2, insert, migrate to 3, assert.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../db/migrate.js';
import { openDb } from '../../../db/open.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function tempPath(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-mig3-'));
  dirs.push(dir);
  return join(dir, 'ledger.sqlite');
}

describe('migration 003: visit requests and visitors', () => {
  it('adds the visit tables and keeps what version 2 held', () => {
    const db = openDb(tempPath(), { migrateTo: 2 });
    db.prepare(
      `INSERT INTO receipts (id, site_id, direction, status, version, control_number, unclassified_title, level, level_rank, fgi, countries, created_at, updated_at, doc)
       VALUES ('R1', 'SITE-A', 'outgoing', 'prepared', 1, 'OUT-1', 'Title', 'SECRET', 2, 0, '', 'x', 'x', '{}')`,
    ).run();
    expect(() => db.prepare('SELECT 1 FROM visit_requests').get()).toThrow(/no such table/);

    migrate(db, 3);
    expect(schemaVersion(db)).toBe(3);
    expect(db.prepare('SELECT control_number FROM receipts').get()).toEqual({ control_number: 'OUT-1' });
    const insert = db.prepare(
      `INSERT INTO visit_requests (id, site_id, direction, type, status, version, request_number, unclassified_title, country, nato, start_date, end_date, dispose_after, created_at, updated_at, doc)
       VALUES (?, 'SITE-A', 'incoming', 'one_time', ?, 1, 'DEU-1', 'Review', 'DEU', 0, '2026-03-16', '2026-03-20', '2027-03-20', 'x', 'x', '{}')`,
    );
    insert.run('V1', 'requested');
    // One live request per number and direction; a void one does not block it.
    expect(() => insert.run('V2', 'approved')).toThrow(/UNIQUE/);
    db.prepare("UPDATE visit_requests SET status = 'void' WHERE id = 'V1'").run();
    insert.run('V2', 'requested');
    db.prepare(
      "INSERT INTO visitors (id, site_id, request_id, status, version, full_name, open_badge, created_at, updated_at, doc) VALUES ('P1', 'SITE-A', 'V2', 'active', 1, 'Klaus Weber', NULL, 'x', 'x', '{}')",
    ).run();
    expect(() =>
      db.prepare("INSERT INTO visitors (id, site_id, request_id, status, version, full_name, created_at, updated_at, doc) VALUES ('P2', 'SITE-A', 'V2', 'gone', 1, 'X', 'x', 'x', '{}')").run(),
    ).toThrow(/CHECK/);
    db.prepare("INSERT INTO visits_fts (visit_id, request_number, unclassified_title, parties, visitors, other) VALUES ('V2', 'DEU-1', 'Review', '', 'Klaus Weber', '')").run();
    expect(db.prepare("SELECT visit_id FROM visits_fts WHERE visits_fts MATCH 'weber'").get()).toEqual({ visit_id: 'V2' });
    db.close();
  });
});
