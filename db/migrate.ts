import type { Database } from 'better-sqlite3';
import type { Migration } from './migrations/index.js';
import { MIGRATIONS } from './migrations/index.js';

export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Bring the schema up to `target` (default: latest). Each migration runs in its own transaction
 * together with the user_version bump, so a failure leaves the previous version intact.
 */
export function migrate(db: Database, target = MIGRATIONS.length, migrations: readonly Migration[] = MIGRATIONS): number {
  const current = schemaVersion(db);
  if (current > migrations.length) {
    throw new Error(`database schema version ${current} is newer than this application (${migrations.length}); upgrade the application`);
  }
  for (const migration of migrations) {
    if (migration.version <= current || migration.version > target) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    }).immediate();
  }
  return schemaVersion(db);
}
