// International visits: one row per request and one per visitor, each with its full record as
// canonical JSON, plus an FTS5 index. Rebuilt from the journal if need be.
export const migration003 = {
  version: 3,
  name: 'visit requests, visitors and full-text index',
  sql: `
    CREATE TABLE visit_requests (
      id                 TEXT PRIMARY KEY,
      site_id            TEXT NOT NULL,
      direction          TEXT NOT NULL CHECK (direction IN ('incoming', 'outgoing')),
      type               TEXT NOT NULL,
      status             TEXT NOT NULL,
      version            INTEGER NOT NULL,
      request_number     TEXT NOT NULL,
      unclassified_title TEXT NOT NULL,
      country            TEXT NOT NULL,
      nato               INTEGER NOT NULL CHECK (nato IN (0, 1)),
      start_date         TEXT NOT NULL,
      end_date           TEXT NOT NULL,
      dispose_after      TEXT NOT NULL,
      created_at         TEXT NOT NULL,
      updated_at         TEXT NOT NULL,
      doc                TEXT NOT NULL
    );
    CREATE INDEX visit_requests_dates ON visit_requests (start_date, end_date);
    CREATE INDEX visit_requests_status ON visit_requests (status, start_date);
    CREATE INDEX visit_requests_country ON visit_requests (country, start_date);
    -- A request number identifies one live request per site and direction.
    CREATE UNIQUE INDEX visit_requests_number ON visit_requests (site_id, direction, request_number) WHERE status <> 'void';

    CREATE TABLE visitors (
      id          TEXT PRIMARY KEY,
      site_id     TEXT NOT NULL,
      request_id  TEXT NOT NULL,
      status      TEXT NOT NULL CHECK (status IN ('active', 'removed')),
      version     INTEGER NOT NULL,
      full_name   TEXT NOT NULL,
      -- The badge of an arrival without a departure: one badge is worn by one visitor at a time.
      open_badge  TEXT,
      created_at  TEXT NOT NULL,
      updated_at  TEXT NOT NULL,
      doc         TEXT NOT NULL
    );
    CREATE INDEX visitors_request ON visitors (request_id, created_at);
    CREATE INDEX visitors_open_badge ON visitors (open_badge) WHERE open_badge IS NOT NULL;

    CREATE VIRTUAL TABLE visits_fts USING fts5(
      visit_id UNINDEXED,
      request_number,
      unclassified_title,
      parties,
      visitors,
      other,
      tokenize = 'unicode61 remove_diacritics 2'
    );
  `,
} as const;
