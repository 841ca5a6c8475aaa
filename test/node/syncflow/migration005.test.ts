// Migration 005 (sync): migrate to 4, insert, migrate to 5, assert.
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

describe('migration 005: sync tables', () => {
  it('adds identity, trust, alarms, bundle history, held bundles and the acknowledged head, keeping what version 4 held', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ledger-mig5-'));
    dirs.push(dir);
    const db = openDb(join(dir, 'ledger.sqlite'), { migrateTo: 4 });
    db.prepare(
      `INSERT INTO receipts (id, site_id, direction, status, version, control_number, unclassified_title, level, level_rank, fgi, countries, created_at, updated_at, doc)
       VALUES ('R1', 'SITE-A', 'outgoing', 'prepared', 1, 'OUT-1', 'Title', 'SECRET', 2, 0, '', 'x', 'x', '{}')`,
    ).run();
    expect(() => db.prepare('SELECT 1 FROM trust').get()).toThrow(/no such table/);

    migrate(db, 5);
    expect(schemaVersion(db)).toBe(5);
    expect(db.prepare('SELECT control_number FROM receipts').get()).toEqual({ control_number: 'OUT-1' });
    db.prepare("INSERT INTO identity (singleton, key_id, certificate_pem, doc, created_at) VALUES (1, 'k', 'pem', '{}', 'x')").run();
    expect(() => db.prepare("INSERT INTO identity (singleton, key_id, certificate_pem, doc, created_at) VALUES (2, 'k2', 'pem', '{}', 'x')").run()).toThrow(/CHECK/);
    db.prepare("INSERT INTO trust (key_id, site_id, role, certificate_pem, enrolled_at, doc) VALUES ('k', 'SITE-A', 'site', 'pem', 'x', '{}')").run();
    expect(() => db.prepare("INSERT INTO trust (key_id, site_id, role, certificate_pem, enrolled_at, doc) VALUES ('k3', 'SITE-A', 'root', 'pem', 'x', '{}')").run()).toThrow(/CHECK/);
    db.prepare(
      `INSERT INTO held_bundles (bundle_id, site_id, file_name, first_seq, last_seq, previous_head, head, header, signer_key_id, classification, held_at, held_by)
       VALUES ('B1', 'SITE-A', 'f', 5, 9, 'p', 'h', '{}', 'k', 'SECRET', 'x', 'fso')`,
    ).run();
    db.prepare("INSERT INTO held_entries (bundle_id, seq, entry) VALUES ('B1', 5, '{}')").run();
    expect(() => db.prepare("INSERT INTO held_entries (bundle_id, seq, entry) VALUES ('B2', 5, '{}')").run()).toThrow(/FOREIGN KEY/);
    expect(() => db.prepare("INSERT INTO alarms (id, site_id, reason, status, raised_at, doc) VALUES ('A', 'S', 'FORK', 'closed', 'x', '{}')").run()).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO sync_ack (singleton, seq, hash, bundle_id, hq_site_id, notes, imported_at) VALUES (2, 1, 'h', 'b', 'HQ', '', 'x')").run()).toThrow(/CHECK/);
    db.close();
  });
});
