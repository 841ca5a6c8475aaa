import { migration001 } from './001_journal.js';
import { migration002 } from './002_receipts.js';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** In order; each version is the PRAGMA user_version after it runs. */
export const MIGRATIONS: readonly Migration[] = [migration001, migration002];

export const LATEST_SCHEMA_VERSION = MIGRATIONS.length;
