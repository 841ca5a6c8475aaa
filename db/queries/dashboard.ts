// What the dashboard reads: records due by a date, open counts on past dates, the last journal
// verification. Overdue and due-soon themselves are decided by the services' read-time rules.
import type { Database } from 'better-sqlite3';
import type { Incident } from '../../electron/common/incidents/model.js';
import type { Receipt } from '../../electron/common/receipts/model.js';
import { AWAITING_RECEIPT } from './receipts.js';

const AWAITING_SQL = AWAITING_RECEIPT.map((s) => `'${s}'`).join(', ');

/** Outgoing receipts waiting for their signed receipt whose suspense falls on or before `by`, earliest first. */
export function receiptsAwaitingBy(db: Database, by: string): Receipt[] {
  const rows = db
    .prepare(`SELECT doc FROM receipts WHERE status IN (${AWAITING_SQL}) AND suspense_due_on <= ? ORDER BY suspense_due_on, id`)
    .all(by) as { doc: string }[];
  return rows.map((row) => JSON.parse(row.doc) as Receipt);
}

/** Open incidents with a step due on or before `by` (next_due_on is NULL once closed or void). */
export function incidentsDueBy(db: Database, by: string): Incident[] {
  const rows = db.prepare('SELECT doc FROM incidents WHERE next_due_on <= ? ORDER BY next_due_on, id').all(by) as { doc: string }[];
  return rows.map((row) => JSON.parse(row.doc) as Incident);
}

/** When a record was open: from `opened` until `closed` (exclusive), or still open (null). */
export interface OpenInterval {
  opened: string;
  closed: string | null;
}

/**
 * Outgoing receipts that waited for their signed receipt at some time in [from, to]: dispatched by
 * `to`, and still waiting or changed since `from` (a receipt last changed before `from` had its
 * signed receipt back by then). The cheap columns filter first; the document is read only for those.
 */
export function awaitingIntervals(db: Database, from: string, to: string): OpenInterval[] {
  return db
    .prepare(
      `SELECT dispatched_on AS opened, json_extract(doc, '$.receiptReturnedOn') AS closed FROM receipts
       WHERE direction = 'outgoing' AND status <> 'void' AND dispatched_on <= @to AND (status IN (${AWAITING_SQL}) OR updated_at >= @from)`,
    )
    .all({ from, to }) as OpenInterval[];
}

/** Incidents open at some time in [from, to]: reported by `to`, and not closed or changed since `from`. */
export function incidentIntervals(db: Database, from: string, to: string): OpenInterval[] {
  return db
    .prepare(
      `SELECT reported_on AS opened, json_extract(doc, '$.stepsDone.closed') AS closed FROM incidents
       WHERE status <> 'void' AND reported_on <= @to AND (status <> 'closed' OR updated_at >= @from)`,
    )
    .all({ from, to }) as OpenInterval[];
}

export interface LastVerify {
  at: string;
  actor: string;
  outcome: string;
  entries: number;
  ord: number;
}

/** The most recent `journal.verify` recorded at this site; the (kind, at) index keeps it off a full scan. */
export function lastJournalVerify(db: Database, siteId: string): LastVerify | undefined {
  const row = db
    .prepare(
      `SELECT at, actor, json_extract(data, '$.outcome') AS outcome, json_extract(data, '$.entries') AS entries, ord FROM journal
       WHERE kind = 'session' AND action = 'journal_verify' AND site_id = ? ORDER BY at DESC LIMIT 1`,
    )
    .get(siteId) as LastVerify | undefined;
  return row;
}

/** Journal entries added (made here or imported) after local position `ord`. */
export function entriesAfter(db: Database, ord: number): number {
  return (db.prepare('SELECT count(*) AS n FROM journal WHERE ord > ?').get(ord) as { n: number }).n;
}
