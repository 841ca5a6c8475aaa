// The rows behind each report (docs/reports.md). Each query returns at most `limit` records and
// how many matched, so a report can say it was cut short.
import type { Database } from 'better-sqlite3';
import type { Incident } from '../../electron/common/incidents/model.js';
import type { Receipt } from '../../electron/common/receipts/model.js';
import type { VisitRequest } from '../../electron/common/visits/model.js';
import { AWAITING_RECEIPT } from './receipts.js';

/** Incoming material held at the site: on the register until transferred, destroyed or archived. */
export const HELD_STATUSES = ['received', 'inspected', 'in_accountability'] as const;

interface Found<T> {
  items: T[];
  total: number;
}

function docsOf<T>(db: Database, fromWhere: string, order: string, params: Record<string, unknown>, limit: number): Found<T> {
  const total = (db.prepare(`SELECT count(*) AS n ${fromWhere}`).get(params) as { n: number }).n;
  const rows = db.prepare(`SELECT doc ${fromWhere} ORDER BY ${order} LIMIT @limit`).all({ ...params, limit }) as { doc: string }[];
  return { items: rows.map((row) => JSON.parse(row.doc) as T), total };
}

const inList = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

/** Accountable items held, highest level first. */
export function heldItems(db: Database, limit: number): Found<Receipt> {
  return docsOf(db, `FROM receipts WHERE direction = 'incoming' AND status IN (${inList(HELD_STATUSES)})`, 'level_rank DESC, control_number, id', {}, limit);
}

/** Outgoing receipts still waiting for their signed receipt, earliest suspense first. */
export function awaitingReceipts(db: Database, limit: number): Found<Receipt> {
  return docsOf(db, `FROM receipts WHERE status IN (${inList(AWAITING_RECEIPT)})`, 'suspense_due_on IS NULL, suspense_due_on, control_number, id', {}, limit);
}

/** Live visit requests whose dates overlap [from, to], earliest first. */
export function visitsOverlapping(db: Database, from: string, to: string, limit: number): Found<VisitRequest> {
  return docsOf(db, "FROM visit_requests WHERE status <> 'void' AND end_date >= @from AND start_date <= @to", 'start_date, request_number, id', { from, to }, limit);
}

/** Live incidents discovered within the range (either end open), earliest first. */
export function incidentsDiscovered(db: Database, range: { from?: string | undefined; to?: string | undefined }, limit: number): Found<Incident> {
  return docsOf(
    db,
    "FROM incidents WHERE status <> 'void' AND discovered_on >= @from AND discovered_on <= @to",
    'discovered_on, incident_number, id',
    { from: range.from ?? '0000-01-01', to: range.to ?? '9999-12-31' },
    limit,
  );
}
