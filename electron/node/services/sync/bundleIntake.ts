// Writing one bundle's checked rows at headquarters, inside the import's transaction, as they
// arrive: rows headquarters already holds are compared (a different hash for a held seq is a
// fork), new rows go straight into the journal, and each record's last state in the bundle is
// noted. Once every row is in: no row may change a record another site owns, then the registers
// are brought to each record's last state. Registers hold a record's whole current state, so
// applying its last entry gives what applying every entry in turn gives, with a fraction of the
// writes when a bundle carries a record's several steps. Should the registers refuse the last
// states (a constraint only an intermediate order satisfies), they are rolled back and every
// entry is applied in turn, which finds the entry to blame.
import type { Database } from 'better-sqlite3';
import type { ChainHead } from '../../../../db/journal/append.js';
import { type JournalRow, JOURNAL_COLUMNS, rowToEntry } from '../../../../db/journal/rows.js';
import { applyToProjections } from '../../../../db/projections/apply.js';
import { REGISTERS } from '../../../../db/queries/sync.js';
import { prepared } from '../../../../db/statements.js';
import type { JournalEntry } from '../../../common/journal.js';
import { type RecordKind, isRecordKind, recordOf } from '../../../common/journalMarking.js';
import type { CheckedRow } from './checkedRows.js';
import { rejectImport } from './importRejected.js';

const PAGE = 1000;

/**
 * Each record the bundle changes, with the first and the last seq that carry its state. Temporary
 * (this connection only), emptied before and after every bundle; a rolled-back import takes it
 * with it.
 */
const LAST_STATES_DDL = `CREATE TEMP TABLE IF NOT EXISTS sync_last_state (
    kind TEXT NOT NULL, entity_id TEXT NOT NULL, first_seq INTEGER NOT NULL, seq INTEGER NOT NULL,
    PRIMARY KEY (kind, entity_id)
  ) WITHOUT ROWID;
  CREATE INDEX IF NOT EXISTS temp.sync_last_state_seq ON sync_last_state (seq);
  DELETE FROM temp.sync_last_state;`;

const INSERT_ENTRY = `INSERT INTO journal (${JOURNAL_COLUMNS}, marking, ord) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;
const NOTE_STATE = `INSERT INTO temp.sync_last_state (kind, entity_id, first_seq, seq) VALUES (?, ?, ?, ?)
  ON CONFLICT (kind, entity_id) DO UPDATE SET seq = excluded.seq`;
const HELD_HASH = 'SELECT hash FROM journal WHERE site_id = ? AND seq = ?';

export interface Clash {
  seq: number;
  held: string;
  theirs: string;
}

export class BundleIntake {
  private readonly byKind = new Map<string, number>();
  private readonly ordBase: number;
  private firstClash: Clash | null = null;

  constructor(
    private readonly db: Database,
    private readonly siteId: string,
    /** What headquarters holds of the site's chain before this bundle. */
    private readonly head: ChainHead,
  ) {
    if (!db.inTransaction) throw new Error('a bundle is taken in inside the import transaction');
    db.exec(LAST_STATES_DDL);
    // Local order continues after every entry held; seq - head keeps it gapless for this bundle.
    this.ordBase = (db.prepare('SELECT coalesce(max(ord), 0) AS n FROM journal').get() as { n: number }).n;
  }

  /** Take in a batch (rows in seq order, as the verifier passed them). */
  add(rows: readonly CheckedRow[]): void {
    const insert = prepared(this.db, INSERT_ENTRY);
    const note = prepared(this.db, NOTE_STATE);
    for (const r of rows) {
      if (r.seq <= this.head.seq) {
        this.compareHeld(r);
        continue;
      }
      // Once a clash is seen nothing more is written: the rows are still read to the end, so the
      // payload is checked against its signed hash before the fork is raised.
      if (this.firstClash) continue;
      insert.run(r.site_id, r.seq, r.id, r.at, r.actor, r.kind, r.entity_id, r.action, r.data, r.prev_hash, r.hash, r.marking, this.ordBase + r.seq - this.head.seq);
      if (r.record === 1) note.run(r.kind, r.entity_id, r.seq, r.seq);
      this.byKind.set(r.kind, (this.byKind.get(r.kind) ?? 0) + 1);
    }
  }

  /** The first held seq whose hash the bundle contradicts, once every row has been added. */
  get clash(): Clash | null {
    return this.firstClash;
  }

  /** Entries written, per kind. */
  appliedByKind(): Record<string, number> {
    return Object.fromEntries([...this.byKind].sort(([a], [b]) => a.localeCompare(b)));
  }

  /** After the last batch: the ownership check, then the registers. Throws ImportRejected. */
  applyToRegisters(): void {
    this.checkOwnership();
    this.db.exec('SAVEPOINT last_states');
    try {
      this.forEachLastState((entry) => applyToProjections(this.db, entry));
      this.db.exec('RELEASE last_states');
    } catch (error) {
      this.db.exec('ROLLBACK TO last_states; RELEASE last_states');
      if (!isConstraintError(error)) throw error;
      this.forEachRecordStep((entry) => applyRecord(this.db, entry));
    }
  }

  /** Leave nothing behind on the connection (the transaction's end would not empty a temp table it did not create). */
  dispose(): void {
    if (this.db.open) this.db.exec('DELETE FROM temp.sync_last_state');
  }

  private compareHeld(r: CheckedRow): void {
    if (this.firstClash) return;
    const held = (prepared(this.db, HELD_HASH).get(this.siteId, r.seq) as { hash: string } | undefined)?.hash;
    if (held !== r.hash) this.firstClash = { seq: r.seq, held: held ?? '', theirs: r.hash };
  }

  /** No record the bundle changes may belong to another site (each register asked for exactly the records touched). */
  private checkOwnership(): void {
    for (const [kind, table] of Object.entries(REGISTERS) as [RecordKind, string][]) {
      const foreign = prepared(
        this.db,
        `SELECT l.first_seq AS seq, l.entity_id AS entityId, r.site_id AS owner FROM temp.sync_last_state l JOIN ${table} r ON r.id = l.entity_id
         WHERE l.kind = ? AND r.site_id <> ? ORDER BY l.first_seq LIMIT 1`,
      ).get(kind, this.siteId) as { seq: number; entityId: string; owner: string } | undefined;
      if (foreign) {
        rejectImport('WRONG_SITE_RECORD', `entry seq ${foreign.seq} of ${this.siteId} changes ${kind} ${foreign.entityId}, which belongs to ${foreign.owner}`, { ...foreign, kind });
      }
    }
  }

  /** Each record's last state, in seq order, a page at a time (no statement left open while writing). */
  private forEachLastState(visit: (entry: JournalEntry) => void): void {
    const page = prepared(
      this.db,
      `SELECT ${prefixed('j')} FROM temp.sync_last_state l CROSS JOIN journal j ON j.site_id = ? AND j.seq = l.seq
       WHERE l.seq > ? ORDER BY l.seq LIMIT ${PAGE}`,
    );
    for (let after = this.head.seq; ; ) {
      const rows = page.all(this.siteId, after) as JournalRow[];
      for (const row of rows) visit(rowToEntry(row));
      if (rows.length < PAGE) return;
      after = (rows[rows.length - 1] as JournalRow).seq;
    }
  }

  /** Every entry of the bundle that carries a record, in seq order. */
  private forEachRecordStep(visit: (entry: JournalEntry) => void): void {
    const page = prepared(this.db, `SELECT ${JOURNAL_COLUMNS} FROM journal WHERE site_id = ? AND seq > ? ORDER BY seq LIMIT ${PAGE}`);
    for (let after = this.head.seq; ; ) {
      const rows = page.all(this.siteId, after) as JournalRow[];
      for (const row of rows) {
        if (!isRecordKind(row.kind as JournalEntry['kind'])) continue;
        const entry = rowToEntry(row);
        if (recordOf(entry) !== null) visit(entry);
      }
      if (rows.length < PAGE) return;
      after = (rows[rows.length - 1] as JournalRow).seq;
    }
  }
}

function prefixed(alias: string): string {
  return JOURNAL_COLUMNS.split(', ')
    .map((column) => `${alias}.${column}`)
    .join(', ');
}

function isConstraintError(error: unknown): boolean {
  return error instanceof Error && 'code' in error && String(error.code).startsWith('SQLITE_CONSTRAINT');
}

/** A record the registers refuse (a second live control number, say) refuses the bundle. */
function applyRecord(db: Database, entry: JournalEntry): void {
  try {
    applyToProjections(db, entry);
  } catch (error) {
    if (error instanceof Error && isConstraintError(error)) {
      rejectImport('RECORD_INVALID', `entry seq ${entry.seq}: the ${entry.kind} record breaks a rule of the registers (${error.message})`, {
        seq: entry.seq,
        kind: entry.kind,
        entityId: entry.entityId,
      });
    }
    throw error;
  }
}
