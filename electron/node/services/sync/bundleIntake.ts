// Writing one bundle's checked rows at headquarters, inside the import's transaction, a batch at
// a time as they arrive: rows headquarters already holds are compared (a different hash for a
// held seq is a fork), new rows go straight into the journal, and the registers are brought to
// each record's last state in the batch, once no record the batch changes belongs to another
// site. Registers hold a record's whole current state, so applying its last entry in a batch
// gives what applying each of its entries in turn gives, with a fraction of the writes (a record
// moves through several steps close together). Should the registers refuse the last states (a
// constraint only an intermediate order satisfies), they are rolled back and the batch's entries
// are applied in turn, which finds the entry to blame. A refusal is kept back until the whole
// payload has been read and verified (finish), like every rejection that raises an alarm.
import type { Database } from 'better-sqlite3';
import type { ChainHead } from '../../../../db/journal/append.js';
import { JOURNAL_COLUMNS, rowToEntry } from '../../../../db/journal/rows.js';
import { applyToProjections } from '../../../../db/projections/apply.js';
import { recordOwner } from '../../../../db/queries/sync.js';
import { prepared } from '../../../../db/statements.js';
import type { RecordKind } from '../../../common/journalMarking.js';
import { type BundleRejection, rejection } from '../../sync/rejection.js';
import type { CheckedRow } from './checkedRows.js';
import { ImportRejected } from './importRejected.js';

const INSERT_ENTRY = `INSERT INTO journal (${JOURNAL_COLUMNS}, marking, ord) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;
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
  /** The first record of another site the bundle changes. */
  private foreign: BundleRejection | null = null;
  /** The first entry the registers refuse. */
  private refused: BundleRejection | null = null;

  constructor(
    private readonly db: Database,
    private readonly siteId: string,
    /** What headquarters holds of the site's chain before this bundle. */
    private readonly head: ChainHead,
  ) {
    if (!db.inTransaction) throw new Error('a bundle is taken in inside the import transaction');
    // Local order continues after every entry held; seq - head keeps it gapless for this bundle.
    this.ordBase = (db.prepare('SELECT coalesce(max(ord), 0) AS n FROM journal').get() as { n: number }).n;
  }

  /** Take in a batch (rows in seq order, as the verifier passed them). */
  add(rows: readonly CheckedRow[]): void {
    const insert = prepared(this.db, INSERT_ENTRY);
    const records: CheckedRow[] = [];
    for (const r of rows) {
      if (r.seq <= this.head.seq) {
        this.compareHeld(r);
        continue;
      }
      // Once a clash is seen nothing more is written: the rows are still read to the end, so the
      // payload is checked against its signed hash before the fork is raised.
      if (this.firstClash) continue;
      insert.run(r.site_id, r.seq, r.id, r.at, r.actor, r.kind, r.entity_id, r.action, r.data, r.prev_hash, r.hash, r.marking, this.ordBase + r.seq - this.head.seq);
      if (r.record === 1) records.push(r);
      this.byKind.set(r.kind, (this.byKind.get(r.kind) ?? 0) + 1);
    }
    if (records.length > 0 && !this.firstClash) this.applyToRegisters(records);
  }

  /** The first held seq whose hash the bundle contradicts, once every row has been added. */
  get clash(): Clash | null {
    return this.firstClash;
  }

  /** Entries written, per kind. */
  appliedByKind(): Record<string, number> {
    return Object.fromEntries([...this.byKind].sort(([a], [b]) => a.localeCompare(b)));
  }

  /** After the last batch (the payload verified): throws the refusal kept back, if any, as ImportRejected. */
  finish(): void {
    // A record of another site is named before a register rule: it is checked first in every batch.
    const refusal = this.foreign ?? this.refused;
    if (refusal) throw new ImportRejected(refusal);
  }

  private compareHeld(r: CheckedRow): void {
    if (this.firstClash) return;
    const held = (prepared(this.db, HELD_HASH).get(this.siteId, r.seq) as { hash: string } | undefined)?.hash;
    if (held !== r.hash) this.firstClash = { seq: r.seq, held: held ?? '', theirs: r.hash };
  }

  /** The batch's records (in seq order) into the registers, each at its last state in the batch. */
  private applyToRegisters(records: readonly CheckedRow[]): void {
    this.foreign ??= this.firstForeign(records);
    if (this.foreign || this.refused) return;
    const last = new Map<string, CheckedRow>();
    for (const r of records) {
      const key = `${r.kind} ${r.entity_id}`;
      // Re-inserted, so the map's order is the order of each record's last entry.
      last.delete(key);
      last.set(key, r);
    }
    this.db.exec('SAVEPOINT last_states');
    try {
      for (const r of last.values()) applyToProjections(this.db, rowToEntry(r));
      this.db.exec('RELEASE last_states');
    } catch (error) {
      this.db.exec('ROLLBACK TO last_states; RELEASE last_states');
      if (!isConstraintError(error)) throw error;
      this.refused = this.firstRefused(records);
    }
  }

  /** The first record (by the first entry that touches it) that belongs to another site. */
  private firstForeign(records: readonly CheckedRow[]): BundleRejection | null {
    const seen = new Set<string>();
    for (const r of records) {
      const key = `${r.kind} ${r.entity_id}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const kind = r.kind as RecordKind;
      const owner = recordOwner(this.db, kind, r.entity_id);
      if (owner !== undefined && owner !== this.siteId) {
        return rejection('WRONG_SITE_RECORD', `entry seq ${r.seq} of ${this.siteId} changes ${kind} ${r.entity_id}, which belongs to ${owner}`, {
          seq: r.seq,
          entityId: r.entity_id,
          owner,
          kind,
        });
      }
    }
    return null;
  }

  /** Every step of the batch in turn: the entry the registers refuse, if any (else they are applied). */
  private firstRefused(records: readonly CheckedRow[]): BundleRejection | null {
    for (const r of records) {
      const entry = rowToEntry(r);
      try {
        applyToProjections(this.db, entry);
      } catch (error) {
        if (!isConstraintError(error)) throw error;
        return rejection('RECORD_INVALID', `entry seq ${entry.seq}: the ${entry.kind} record breaks a rule of the registers (${(error as Error).message})`, {
          seq: entry.seq,
          kind: entry.kind,
          entityId: entry.entityId,
        });
      }
    }
    return null;
  }
}

function isConstraintError(error: unknown): boolean {
  return error instanceof Error && 'code' in error && String(error.code).startsWith('SQLITE_CONSTRAINT');
}
