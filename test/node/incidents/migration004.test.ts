// Migration 004 (incidents): migrate to 3, insert, migrate to 4, assert.
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
  const dir = mkdtempSync(join(tmpdir(), 'ledger-mig4-'));
  dirs.push(dir);
  return join(dir, 'ledger.sqlite');
}

describe('migration 004: incidents', () => {
  it('adds incidents, receipt links and person keys, and keeps what version 3 held', () => {
    const db = openDb(tempPath(), { migrateTo: 3 });
    db.prepare(
      `INSERT INTO visit_requests (id, site_id, direction, type, status, version, request_number, unclassified_title, country, nato, start_date, end_date, dispose_after, created_at, updated_at, doc)
       VALUES ('V1', 'SITE-A', 'incoming', 'one_time', 'requested', 1, 'DEU-1', 'Review', 'DEU', 0, '2026-03-16', '2026-03-20', '2027-03-20', 'x', 'x', '{}')`,
    ).run();
    expect(() => db.prepare('SELECT 1 FROM incidents').get()).toThrow(/no such table/);

    migrate(db, 4);
    expect(schemaVersion(db)).toBe(4);
    expect(db.prepare('SELECT request_number FROM visit_requests').get()).toEqual({ request_number: 'DEU-1' });
    const insert = db.prepare(
      `INSERT INTO incidents (id, site_id, status, version, incident_number, determination, countries, discovered_on, reported_on, next_due_on, created_at, updated_at, doc)
       VALUES (?, 'SITE-A', ?, 1, 'INC-2026-0001', NULL, ' DEU ', '2026-03-01', '2026-03-02', '2026-03-03', 'x', 'x', '{}')`,
    );
    insert.run('I1', 'reported');
    expect(() => insert.run('I2', 'reported')).toThrow(/UNIQUE/);
    db.prepare("INSERT INTO incident_receipts (incident_id, receipt_id) VALUES ('I1', 'R1')").run();
    db.prepare("INSERT INTO incident_persons (incident_id, person_id, person_key) VALUES ('I1', 'P1', 'k')").run();
    // Links and person keys belong to an incident that exists.
    expect(() => db.prepare("INSERT INTO incident_receipts (incident_id, receipt_id) VALUES ('NOPE', 'R1')").run()).toThrow(/FOREIGN KEY/);
    expect(db.prepare("SELECT incident_id FROM incident_persons WHERE person_key = 'k'").get()).toEqual({ incident_id: 'I1' });
    db.close();
  });
});
