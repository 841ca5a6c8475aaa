import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { canonicalJson } from '../../electron/common/canonicalJson.js';
import { foreignOrigins, sortCountryCodes } from '../../electron/common/classification/index.js';
import type { Incident } from '../../electron/common/incidents/model.js';
import { nextDueOn } from '../../electron/common/incidents/steps.js';
import { normaliseIdentifier } from '../../electron/common/visits/identifiers.js';
import { nextSearchKey, prepared } from '../statements.js';

/** The key a person is matched on across incidents: a hash, so the index itself holds no SSNs. */
export function personKey(identifierType: string, identifier: string): string {
  return createHash('sha384').update(normaliseIdentifier(identifierType, identifier), 'utf8').digest('hex');
}

/** Countries concerned: origins of foreign material and the governments involved. */
export function incidentCountries(incident: Pick<Incident, 'material' | 'foreignGovernment'>): string[] {
  return sortCountryCodes([...incident.material.flatMap((m) => foreignOrigins(m.classification)), ...incident.foreignGovernment.countries]);
}

/** Write the current state of one incident, its receipt links, person keys and search row. */
export function projectIncident(db: Database, incident: Incident): void {
  const countries = incidentCountries(incident);
  const { search_key: searchKey } = prepared(
    db,
    `INSERT INTO incidents (id, site_id, status, version, incident_number, determination, countries, discovered_on, reported_on,
                            next_due_on, created_at, updated_at, doc, search_key)
     VALUES (@id, @siteId, @status, @version, @incidentNumber, @determination, @countries, @discoveredOn, @reportedOn,
             @nextDueOn, @createdAt, @updatedAt, @doc, ${nextSearchKey('incidents')})
     ON CONFLICT (id) DO UPDATE SET
       status = excluded.status, version = excluded.version, incident_number = excluded.incident_number,
       determination = excluded.determination, countries = excluded.countries, discovered_on = excluded.discovered_on,
       reported_on = excluded.reported_on, next_due_on = excluded.next_due_on, updated_at = excluded.updated_at, doc = excluded.doc
     RETURNING search_key`,
  ).get({
    id: incident.id,
    siteId: incident.siteId,
    status: incident.status,
    version: incident.version,
    incidentNumber: incident.incidentNumber,
    determination: incident.determination?.outcome ?? null,
    countries: countries.length > 0 ? ` ${countries.join(' ')} ` : '',
    discoveredOn: incident.discoveredOn,
    reportedOn: incident.reportedOn,
    nextDueOn: nextDueOn(incident),
    createdAt: incident.createdAt,
    updatedAt: incident.updatedAt,
    doc: canonicalJson(incident),
  }) as { search_key: number };

  prepared(db, 'DELETE FROM incident_receipts WHERE incident_id = ?').run(incident.id);
  const link = prepared(db, 'INSERT OR IGNORE INTO incident_receipts (incident_id, receipt_id) VALUES (?, ?)');
  for (const m of incident.material) if (m.receiptId !== null) link.run(incident.id, m.receiptId);

  prepared(db, 'DELETE FROM incident_persons WHERE incident_id = ?').run(incident.id);
  const person = prepared(db, 'INSERT INTO incident_persons (incident_id, person_id, person_key) VALUES (?, ?, ?)');
  for (const p of incident.responsible) person.run(incident.id, p.id, personKey(p.identifierType, p.identifier));

  prepared(db, 'DELETE FROM incidents_fts WHERE rowid = ?').run(searchKey);
  prepared(db, 'INSERT INTO incidents_fts (rowid, incident_id, incident_number, unclassified_title, description, material) VALUES (?, ?, ?, ?, ?, ?)').run(
    searchKey,
    incident.id,
    incident.incidentNumber,
    incident.unclassifiedTitle,
    [incident.description, incident.location].join(' '),
    [...incident.material.flatMap((m) => [m.description, m.originator, m.materialType]), ...countries].join(' '),
  );
}
