// Receipts projection: one row per receipt with the columns lists filter and sort on, the full
// record as canonical JSON, and an FTS5 index for search. Rebuilt from the journal if need be.
export const migration002 = {
  version: 2,
  name: 'receipts projection and full-text index',
  sql: `
    CREATE TABLE receipts (
      id                 TEXT PRIMARY KEY,
      site_id            TEXT NOT NULL,
      direction          TEXT NOT NULL CHECK (direction IN ('incoming', 'outgoing')),
      status             TEXT NOT NULL,
      version            INTEGER NOT NULL,
      control_number     TEXT NOT NULL,
      unclassified_title TEXT NOT NULL,
      level              TEXT NOT NULL,
      level_rank         INTEGER NOT NULL,
      fgi                INTEGER NOT NULL CHECK (fgi IN (0, 1)),
      -- Countries of origin as ' DEU GBR ' so a country filter is a LIKE on a whole token.
      countries          TEXT NOT NULL,
      suspense_due_on    TEXT,
      received_on        TEXT,
      dispatched_on      TEXT,
      created_at         TEXT NOT NULL,
      updated_at         TEXT NOT NULL,
      doc                TEXT NOT NULL
    );
    CREATE INDEX receipts_status ON receipts (status, suspense_due_on);
    CREATE INDEX receipts_updated ON receipts (updated_at);
    CREATE INDEX receipts_site ON receipts (site_id, direction);
    -- A control number identifies one live receipt per site and direction.
    CREATE UNIQUE INDEX receipts_control_number ON receipts (site_id, direction, control_number) WHERE status <> 'void';

    CREATE VIRTUAL TABLE receipts_fts USING fts5(
      receipt_id UNINDEXED,
      control_number,
      unclassified_title,
      parties,
      other,
      tokenize = 'unicode61 remove_diacritics 2'
    );
  `,
} as const;
