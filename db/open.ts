import Database from 'better-sqlite3';
import { migrate } from './migrate.js';

export type Db = Database.Database;

export interface OpenOptions {
  /** Apply migrations up to this version (tests of migrations stop early). Default: latest. */
  migrateTo?: number;
  readonly?: boolean;
}

/** Page cache per connection, in KiB (SQLite's default is 2 MB). */
const CACHE_KIB = 16 * 1024;

/**
 * Open (or create) a ledger database file. WAL for concurrent readers, synchronous=FULL because a
 * committed journal entry must survive a power cut, foreign keys on, and a busy timeout so a
 * second process (the CLI beside the app) waits instead of failing. A 16 MB page cache: an import
 * writes the journal, the registers, their indexes and the search index in one transaction, and
 * with SQLite's default 2 MB their pages evict each other (measured by bench:sync); 32 and 64 MB
 * were no faster, and an import fills whatever it is given, which counts against its memory
 * budget (a 300k-entry import peaked at 261 MB with 16 MB, 279 MB with 32, about 330 with 64).
 */
export function openDb(path: string, options: OpenOptions = {}): Db {
  const db = new Database(path, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
  try {
    db.pragma('busy_timeout = 5000');
    db.pragma(`cache_size = -${CACHE_KIB}`);
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
