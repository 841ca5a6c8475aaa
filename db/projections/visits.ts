import type { Database } from 'better-sqlite3';
import { canonicalJson } from '../../electron/common/canonicalJson.js';
import type { Visitor, VisitRequest } from '../../electron/common/visits/model.js';
import { disposeAfter, visitEnd } from '../../electron/common/visits/rules.js';
import { nextSearchKey, prepared } from '../statements.js';

/** Write the current state of one visit request into the projection and its search index. */
export function projectVisitRequest(db: Database, request: VisitRequest): void {
  prepared(
    db,
    `INSERT INTO visit_requests (id, site_id, direction, type, status, version, request_number, unclassified_title, country, nato,
                                 start_date, end_date, dispose_after, created_at, updated_at, doc, search_key)
     VALUES (@id, @siteId, @direction, @type, @status, @version, @requestNumber, @unclassifiedTitle, @country, @nato,
             @startDate, @endDate, @disposeAfter, @createdAt, @updatedAt, @doc, ${nextSearchKey('visit_requests')})
     ON CONFLICT (id) DO UPDATE SET
       type = excluded.type, status = excluded.status, version = excluded.version, request_number = excluded.request_number,
       unclassified_title = excluded.unclassified_title, country = excluded.country, nato = excluded.nato,
       start_date = excluded.start_date, end_date = excluded.end_date, dispose_after = excluded.dispose_after,
       updated_at = excluded.updated_at, doc = excluded.doc`,
  ).run({
    id: request.id,
    siteId: request.siteId,
    direction: request.direction,
    type: request.type,
    status: request.status,
    version: request.version,
    requestNumber: request.requestNumber,
    unclassifiedTitle: request.unclassifiedTitle,
    country: request.country,
    nato: request.natoVisit ? 1 : 0,
    startDate: request.startDate,
    endDate: request.endDate,
    disposeAfter: disposeAfter(visitEnd(request), request.natoVisit),
    createdAt: request.createdAt,
    updatedAt: request.updatedAt,
    doc: canonicalJson(request),
  });
  refreshVisitSearch(db, request.id);
}

/** Write one visitor. Identifiers stay in the record only: never in a column or the search index. */
export function projectVisitor(db: Database, visitor: Visitor): void {
  const open = visitor.log.find((entry) => entry.departedAt === null);
  prepared(
    db,
    `INSERT INTO visitors (id, site_id, request_id, status, version, full_name, open_badge, created_at, updated_at, doc)
     VALUES (@id, @siteId, @requestId, @status, @version, @fullName, @openBadge, @createdAt, @updatedAt, @doc)
     ON CONFLICT (id) DO UPDATE SET
       status = excluded.status, version = excluded.version, full_name = excluded.full_name, open_badge = excluded.open_badge,
       updated_at = excluded.updated_at, doc = excluded.doc`,
  ).run({
    id: visitor.id,
    siteId: visitor.siteId,
    requestId: visitor.requestId,
    status: visitor.status,
    version: visitor.version,
    fullName: visitor.fullName,
    openBadge: open ? open.badgeNumber : null,
    createdAt: visitor.createdAt,
    updatedAt: visitor.updatedAt,
    doc: canonicalJson(visitor),
  });
  refreshVisitSearch(db, visitor.requestId);
}

/** One search row per request, with the names of its active visitors. */
function refreshVisitSearch(db: Database, requestId: string): void {
  // A visitor may arrive (in an imported bundle) before its request: its search row waits for it.
  const row = prepared(db, 'SELECT doc, search_key FROM visit_requests WHERE id = ?').get(requestId) as { doc: string; search_key: number } | undefined;
  if (!row) return;
  prepared(db, 'DELETE FROM visits_fts WHERE rowid = ?').run(row.search_key);
  const r = JSON.parse(row.doc) as VisitRequest;
  const names = (prepared(db, "SELECT full_name FROM visitors WHERE request_id = ? AND status = 'active'").all(requestId) as { full_name: string }[]).map(
    (v) => v.full_name,
  );
  prepared(db, 'INSERT INTO visits_fts (rowid, visit_id, request_number, unclassified_title, parties, visitors, other) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    row.search_key,
    r.id,
    r.requestNumber,
    r.unclassifiedTitle,
    [r.requester.government, r.requester.agency, r.requester.company, ...r.facilities.flatMap((f) => [f.name, f.pointOfContact, f.securityOfficer]), r.host, r.escort].join(' '),
    names.join(' '),
    [r.purpose, r.country, r.authority.program, r.authority.contractNumber, r.authority.fmsCase, r.authority.exportLicence, r.notes].join(' '),
  );
}
