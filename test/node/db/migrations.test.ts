import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../db/migrate.js';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../../db/migrations/index.js';
import type { Db } from '../../../db/open.js';
import { openDb } from '../../../db/open.js';

const dirs: string[] = [];
function tempPath(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-mig-'));
  dirs.push(dir);
  return join(dir, 'ledger.sqlite');
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tables(db: Db): string[] {
  return (db.prepare("SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger') ORDER BY name").all() as { name: string }[]).map((r) => r.name);
}

describe('migrations', () => {
  it('numbers migrations 1..N in order and opens at the latest version', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    const db = openDb(tempPath());
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    db.close();
  });

  it('001: creates the journal with its append-only triggers, site, settings and users', () => {
    const db = openDb(tempPath(), { migrateTo: 0 });
    expect(schemaVersion(db)).toBe(0);
    migrate(db, 1);
    expect(tables(db)).toEqual(expect.arrayContaining(['journal', 'journal_no_update', 'journal_no_delete', 'site', 'settings', 'users']));
    db.close();
  });

  it('002: adds the receipts projection and keeps what version 1 held', () => {
    const path = tempPath();
    const db = openDb(path, { migrateTo: 1 });
    db.prepare(
      "INSERT INTO journal VALUES ('SITE-A', 1, '01J0000000000000000000000A', '2026-01-01T00:00:00.000Z', 'a', 'site', 'SITE-A', 'init', '{}', ?, ?, 1)",
    ).run('0'.repeat(96), 'f'.repeat(96));
    db.prepare("INSERT INTO users (id, site_id, username, display_name, roles, created_at, updated_at) VALUES ('u1', 'SITE-A', 'ada', 'Ada', '[]', 'x', 'x')").run();
    migrate(db, 2);
    expect(schemaVersion(db)).toBe(2);
    expect(db.prepare('SELECT count(*) AS n FROM journal').get()).toEqual({ n: 1 });
    expect(db.prepare('SELECT username FROM users').get()).toEqual({ username: 'ada' });
    expect(tables(db)).toEqual(expect.arrayContaining(['receipts', 'receipts_fts']));
    db.close();
  });

  it('rolls a failing migration back whole, leaving the previous version', () => {
    const db = openDb(tempPath(), { migrateTo: 0 });
    const broken = [...MIGRATIONS.slice(0, 1), { version: 2, name: 'broken', sql: 'CREATE TABLE half (x); SELECT * FROM no_such_table;' }];
    expect(() => migrate(db, 2, broken)).toThrow(/no_such_table/);
    expect(schemaVersion(db)).toBe(1);
    expect(tables(db)).not.toContain('half');
    db.close();
  });

  it('refuses a database made by a newer version of the application', () => {
    const path = tempPath();
    const db = openDb(path);
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    db.close();
    expect(() => openDb(path)).toThrow(/newer than this application/);
  });
});
