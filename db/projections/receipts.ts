import type { Database } from 'better-sqlite3';
import { canonicalJson } from '../../electron/common/canonicalJson.js';
import { foreignOrigins, usLevelRank } from '../../electron/common/classification/model.js';
import type { Receipt } from '../../electron/common/receipts/model.js';
import { nextSearchKey, prepared } from '../statements.js';

const UPSERT = `
  INSERT INTO receipts (id, site_id, direction, status, version, control_number, unclassified_title, level, level_rank,
                        fgi, countries, suspense_due_on, received_on, dispatched_on, created_at, updated_at, doc, search_key)
  VALUES (@id, @siteId, @direction, @status, @version, @controlNumber, @unclassifiedTitle, @level, @levelRank,
          @fgi, @countries, @suspenseDueOn, @receivedOn, @dispatchedOn, @createdAt, @updatedAt, @doc, ${nextSearchKey('receipts')})
  ON CONFLICT (id) DO UPDATE SET
    status = excluded.status, version = excluded.version, control_number = excluded.control_number,
    unclassified_title = excluded.unclassified_title, level = excluded.level, level_rank = excluded.level_rank,
    fgi = excluded.fgi, countries = excluded.countries, suspense_due_on = excluded.suspense_due_on,
    received_on = excluded.received_on, dispatched_on = excluded.dispatched_on,
    updated_at = excluded.updated_at, doc = excluded.doc
  RETURNING search_key`;

/** Write the current state of one receipt into the projection and its search index. */
export function projectReceipt(db: Database, receipt: Receipt): void {
  const origins = foreignOrigins(receipt.classification);
  const { search_key: searchKey } = prepared(db, UPSERT).get({
    id: receipt.id,
    siteId: receipt.siteId,
    direction: receipt.direction,
    status: receipt.status,
    version: receipt.version,
    controlNumber: receipt.controlNumber,
    unclassifiedTitle: receipt.unclassifiedTitle,
    level: receipt.classification.level,
    levelRank: usLevelRank(receipt.classification.level),
    fgi: origins.length > 0 ? 1 : 0,
    countries: origins.length > 0 ? ` ${origins.join(' ')} ` : '',
    suspenseDueOn: receipt.suspenseDueOn,
    receivedOn: receipt.receivedOn,
    dispatchedOn: receipt.dispatchedOn,
    createdAt: receipt.createdAt,
    updatedAt: receipt.updatedAt,
    doc: canonicalJson(receipt),
  }) as { search_key: number };
  prepared(db, 'DELETE FROM receipts_fts WHERE rowid = ?').run(searchKey);
  prepared(db, 'INSERT INTO receipts_fts (rowid, receipt_id, control_number, unclassified_title, parties, other) VALUES (?, ?, ?, ?, ?, ?)').run(
    searchKey,
    receipt.id,
    receipt.controlNumber,
    receipt.unclassifiedTitle,
    [receipt.sender, receipt.addressee].flatMap((p) => [p.organisation, p.address, p.pointOfContact]).join(' '),
    [receipt.notes, receipt.contractNumber, receipt.natoReference, receipt.natoShortTitle, receipt.custodian, receipt.copyNumbers.join(' '), ...origins].join(' '),
  );
}
