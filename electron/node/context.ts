import type { Database } from 'better-sqlite3';
import type { JournalEntry, JournalKind } from '../common/journal.js';
import type { Session, Settings, SiteConfig } from '../common/site.js';
import { writeEntry } from '../../db/journal/write.js';
import { readSettings } from '../../db/queries/system.js';
import type { Clock } from './clock.js';
import type { ConnectionGate } from './connectionGate.js';
import { isoDay } from './clock.js';
import { ulid } from './ids.js';

/** One per window (Electron), per browser context (harness) or per process (CLI). */
export interface Connection {
  session: Session | null;
  /** Where the calls come from, for the audit trail: the workstation's host name. */
  workstation: string;
  /** Milliseconds (clock time) of the last call that counts as activity; drives the idle lock. */
  lastActivityAt?: number;
  /** Locked after idle time: only status, unlock and sign-out are allowed until unlocked. */
  locked?: boolean;
}

export interface CoreOptions {
  db: Database;
  clock: Clock;
  appVersion: string;
  /** PBKDF2 iterations for new password hashes; tests lower it, production keeps the default. */
  passwordIterations?: number;
  /**
   * PBKDF2 iterations that seal the signing key, and the fewest accepted when unsealing it; tests
   * lower it, production keeps the default (electron/node/sync/sealedKey.ts).
   */
  keyIterations?: number;
  /** Where unexpected errors are reported (they reach callers only as INTERNAL). */
  logError?: (message: string, error: unknown) => void;
  /** How calls share the connection; the core makes its own when none is given. */
  gate?: ConnectionGate;
}

/** Everything a handler may use. Handlers are plain functions of (ctx, input). */
export class HandlerContext {
  constructor(
    readonly options: CoreOptions,
    private readonly siteConfig: SiteConfig | null,
    readonly conn: Connection,
  ) {}

  /** This installation; every handler but first-run setup runs on a configured installation. */
  get site(): SiteConfig {
    if (this.siteConfig === null) throw new Error('handler needs a configured site');
    return this.siteConfig;
  }

  get db(): Database {
    return this.options.db;
  }

  get session(): Session | null {
    return this.conn.session;
  }

  /** The signed-in session; handlers behind an access rule may rely on it. */
  requireSession(): Session {
    if (this.conn.session === null) throw new Error('handler needs a session but none is set');
    return this.conn.session;
  }

  now(): Date {
    return this.options.clock.now();
  }

  nowIso(): string {
    return this.now().toISOString();
  }

  today(): string {
    return isoDay(this.now());
  }

  newId(): string {
    return ulid(this.now());
  }

  settings(): Settings {
    return readSettings(this.db);
  }

  /** Who the journal names for this change. */
  actor(): string {
    return this.conn.session?.username ?? 'system';
  }

  /**
   * Run `work` with the database connection to this call alone (no other call starts or is still
   * running until it settles): for work that keeps a transaction open across awaits. Outside a
   * core (no gate) nothing else shares the connection.
   */
  exclusively<T>(work: () => Promise<T>): Promise<T> {
    return this.options.gate ? this.options.gate.exclusively(work) : work();
  }

  /** The single write path: a journal entry and its projection change, in one transaction. */
  record(kind: JournalKind, entityId: string, action: string, data: unknown, alsoInTransaction?: (entry: JournalEntry) => void): JournalEntry {
    return this.recordAs(this.actor(), kind, entityId, action, data, alsoInTransaction);
  }

  /** Record under a given actor: a sign-in attempt is made by the user it names, before any session exists. */
  recordAs(actor: string, kind: JournalKind, entityId: string, action: string, data: unknown, alsoInTransaction?: (entry: JournalEntry) => void): JournalEntry {
    return writeEntry(
      this.db,
      this.site.siteId,
      { id: this.newId(), at: this.nowIso(), actor, kind, entityId, action, data: withWorkstation(data, this.conn) },
      alsoInTransaction,
    );
  }
}

/** Every entry says where it was made (audit: "where"). */
function withWorkstation(data: unknown, conn: Connection): unknown {
  if (data !== null && typeof data === 'object' && !Array.isArray(data)) return { ...data, workstation: conn.workstation };
  return { value: data, workstation: conn.workstation };
}
