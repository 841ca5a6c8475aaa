import { migration001 } from './001_journal.js';
import { migration002 } from './002_receipts.js';
import { migration003 } from './003_visits.js';
import { migration004 } from './004_incidents.js';
import { migration005 } from './005_sync.js';
import { migration006 } from './006_search_keys.js';
import { migration007 } from './007_entry_marking.js';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** In order; each version is the PRAGMA user_version after it runs. */
export const MIGRATIONS: readonly Migration[] = [migration001, migration002, migration003, migration004, migration005, migration006, migration007];

export const LATEST_SCHEMA_VERSION = MIGRATIONS.length;
