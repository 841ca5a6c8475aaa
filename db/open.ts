import Database from 'better-sqlite3';
import { migrate } from './migrate.js';

export type Db = Database.Database;

export interface OpenOptions {
  /** Apply migrations up to this version (tests of migrations stop early). Default: latest. */
  migrateTo?: number;
  readonly?: boolean;
}

/**
 * Open (or create) a ledger database file. WAL for concurrent readers, synchronous=FULL because a
 * committed journal entry must survive a power cut, foreign keys on, and a busy timeout so a
 * second process (the CLI beside the app) waits instead of failing.
 */
export function openDb(path: string, options: OpenOptions = {}): Db {
  const db = new Database(path, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
  try {
    db.pragma('busy_timeout = 5000');
    if (!options.readonly) {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
    }
    db.pragma('foreign_keys = ON');
    db.pragma('trusted_schema = OFF');
    if (!options.readonly) migrate(db, options.migrateTo);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
