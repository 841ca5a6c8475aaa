// Loss/compromise incidents: the record as canonical JSON with the columns lists filter on, the
// receipts each incident is linked to, the responsible persons' identifier keys (pattern
// tracking, 117.8(e)) and an FTS5 index. Personnel and identifiers are never indexed for search.
export const migration004 = {
  version: 4,
  name: 'incidents, receipt links, person keys and full-text index',
  sql: `
    CREATE TABLE incidents (
      id              TEXT PRIMARY KEY,
      site_id         TEXT NOT NULL,
      status          TEXT NOT NULL,
      version         INTEGER NOT NULL,
      incident_number TEXT NOT NULL,
      determination   TEXT,
      -- Countries of foreign material and governments involved, as ' DEU GBR '.
      countries       TEXT NOT NULL,
      discovered_on   TEXT NOT NULL,
      reported_on     TEXT NOT NULL,
      -- The earliest due date among the steps not yet done; NULL once closed or void.
      next_due_on     TEXT,
      created_at      TEXT NOT NULL,
      updated_at      TEXT NOT NULL,
      doc             TEXT NOT NULL
    );
    CREATE INDEX incidents_status ON incidents (status, next_due_on);
    CREATE INDEX incidents_discovered ON incidents (discovered_on);
    CREATE UNIQUE INDEX incidents_number ON incidents (site_id, incident_number) WHERE status <> 'void';

    CREATE TABLE incident_receipts (
      incident_id TEXT NOT NULL REFERENCES incidents (id),
      receipt_id  TEXT NOT NULL,
      PRIMARY KEY (incident_id, receipt_id)
    ) WITHOUT ROWID;
    CREATE INDEX incident_receipts_receipt ON incident_receipts (receipt_id);

    -- person_key: SHA-384 of the normalised identifier, so the index holds no SSNs.
    CREATE TABLE incident_persons (
      incident_id TEXT NOT NULL REFERENCES incidents (id),
      person_id   TEXT NOT NULL,
      person_key  TEXT NOT NULL,
      PRIMARY KEY (incident_id, person_id)
    ) WITHOUT ROWID;
    CREATE INDEX incident_persons_key ON incident_persons (person_key);

    CREATE VIRTUAL TABLE incidents_fts USING fts5(
      incident_id UNINDEXED,
      incident_number,
      unclassified_title,
      description,
      material,
      tokenize = 'unicode61 remove_diacritics 2'
    );
  `,
} as const;
