import type { Database } from 'better-sqlite3';
import type { Incident } from '../../electron/common/incidents/model.js';
import type { IncidentQuery, IncidentSortField } from '../../electron/common/incidents/query.js';
import { toFtsQuery } from './ftsQuery.js';

const SORT_COLUMNS: Record<IncidentSortField, string> = {
  discoveredOn: 'discovered_on',
  reportedOn: 'reported_on',
  incidentNumber: 'incident_number',
  status: 'status',
  nextDueOn: 'next_due_on',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
};

export function getIncident(db: Database, id: string): Incident | undefined {
  const row = db.prepare('SELECT doc FROM incidents WHERE id = ?').get(id) as { doc: string } | undefined;
  return row ? (JSON.parse(row.doc) as Incident) : undefined;
}

export function findLiveIncidentByNumber(db: Database, siteId: string, incidentNumber: string): string | undefined {
  const row = db
    .prepare("SELECT id FROM incidents WHERE site_id = ? AND incident_number = ? AND status <> 'void'")
    .get(siteId, incidentNumber) as { id: string } | undefined;
  return row?.id;
}

/** Incident numbers of this site that start with `prefix` (void ones too, so a number is never reused). */
export function incidentNumbersWithPrefix(db: Database, siteId: string, prefix: string): string[] {
  const rows = db.prepare("SELECT incident_number FROM incidents WHERE site_id = ? AND substr(incident_number, 1, length(?)) = ?").all(siteId, prefix, prefix) as {
    incident_number: string;
  }[];
  return rows.map((r) => r.incident_number);
}

/** Incidents still open (not closed or void) that are linked to a receipt. */
export function openIncidentsForReceipt(db: Database, receiptId: string): { id: string; incidentNumber: string }[] {
  return db
    .prepare(
      `SELECT i.id, i.incident_number AS incidentNumber FROM incident_receipts l JOIN incidents i ON i.id = l.incident_id
       WHERE l.receipt_id = ? AND i.status NOT IN ('void', 'closed') ORDER BY i.created_at`,
    )
    .all(receiptId) as { id: string; incidentNumber: string }[];
}

/** Other live incidents naming a person with this key, with that person's id in each. */
export function incidentsNamingPerson(db: Database, personKey: string, exceptIncidentId: string): { incident: Incident; personId: string }[] {
  const rows = db
    .prepare(
      `SELECT i.doc, p.person_id FROM incident_persons p JOIN incidents i ON i.id = p.incident_id
       WHERE p.person_key = ? AND p.incident_id <> ? AND i.status <> 'void' ORDER BY i.discovered_on, i.id`,
    )
    .all(personKey, exceptIncidentId) as { doc: string; person_id: string }[];
  return rows.map((row) => ({ incident: JSON.parse(row.doc) as Incident, personId: row.person_id }));
}

/** One page of incidents matching the query, and the total that match. Every filter runs in SQL. */
export function listIncidents(db: Database, query: IncidentQuery, today: string): { items: Incident[]; total: number } {
  const where: string[] = [];
  const params: Record<string, unknown> = { today };
  const inList = (name: string, column: string, values: readonly string[]) => {
    where.push(`${column} IN (${values.map((_, i) => `@${name}${i}`).join(', ')})`);
    values.forEach((v, i) => (params[`${name}${i}`] = v));
  };

  if (query.siteId) {
    where.push('i.site_id = @siteId');
    params.siteId = query.siteId;
  }
  if (query.statuses && query.statuses.length > 0) inList('status', 'i.status', query.statuses);
  else if (!query.includeVoid) where.push("i.status <> 'void'");
  if (query.overdueOnly) where.push('i.next_due_on < @today');
  if (query.determinations && query.determinations.length > 0) inList('determination', 'i.determination', query.determinations);
  if (query.country) {
    where.push("i.countries LIKE @country ESCAPE '\\'");
    params.country = `% ${query.country} %`;
  }
  if (query.receiptId) {
    where.push('i.id IN (SELECT incident_id FROM incident_receipts WHERE receipt_id = @receiptId)');
    params.receiptId = query.receiptId;
  }
  if (query.from) {
    where.push('i.discovered_on >= @from');
    params.from = query.from;
  }
  if (query.to) {
    where.push('i.discovered_on <= @to');
    params.to = query.to;
  }
  const fts = query.search ? toFtsQuery(query.search) : null;
  if (fts) {
    where.push('i.search_key IN (SELECT rowid FROM incidents_fts WHERE incidents_fts MATCH @fts)');
    params.fts = fts;
  }

  const whereSql = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
  const total = (db.prepare(`SELECT count(*) AS n FROM incidents i ${whereSql}`).get(params) as { n: number }).n;
  const direction = query.sortDir === 'asc' ? 'ASC' : 'DESC';
  const column = SORT_COLUMNS[query.sort];
  // NULLs last whichever way the user sorts, and id as a tie-breaker so pages never overlap.
  const rows = db
    .prepare(`SELECT i.doc FROM incidents i ${whereSql} ORDER BY ${column} IS NULL, ${column} ${direction}, i.id ${direction} LIMIT @limit OFFSET @offset`)
    .all({ ...params, limit: query.limit, offset: query.offset }) as { doc: string }[];
  return { items: rows.map((row) => JSON.parse(row.doc) as Incident), total };
}
