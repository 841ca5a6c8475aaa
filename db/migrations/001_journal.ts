// The journal (single write path and audit trail), site identity, settings and users.
export const migration001 = {
  version: 1,
  name: 'journal, site, settings, users',
  sql: `
    CREATE TABLE journal (
      site_id   TEXT    NOT NULL,
      seq       INTEGER NOT NULL CHECK (seq >= 1),
      id        TEXT    NOT NULL UNIQUE,
      at        TEXT    NOT NULL,
      actor     TEXT    NOT NULL,
      kind      TEXT    NOT NULL,
      entity_id TEXT    NOT NULL,
      action    TEXT    NOT NULL,
      data      TEXT    NOT NULL,
      prev_hash TEXT    NOT NULL,
      hash      TEXT    NOT NULL UNIQUE,
      -- Local insertion order (not hashed, never exported): lets a reader page through a
      -- snapshot of the journal while entries (imports, audited reads) keep arriving.
      ord       INTEGER NOT NULL UNIQUE,
      PRIMARY KEY (site_id, seq)
    ) WITHOUT ROWID;
    CREATE INDEX journal_entity ON journal (entity_id, site_id, seq);
    CREATE INDEX journal_kind_at ON journal (kind, at);
    CREATE INDEX journal_actor_at ON journal (actor, at);
    CREATE INDEX journal_at ON journal (at);

    -- Append-only. These triggers stop the application and casual tools; the hash chain and
    -- 'journal verify' catch an edit made after someone drops them.
    CREATE TRIGGER journal_no_update BEFORE UPDATE ON journal
      BEGIN SELECT RAISE(ABORT, 'journal is append-only: UPDATE refused'); END;
    CREATE TRIGGER journal_no_delete BEFORE DELETE ON journal
      BEGIN SELECT RAISE(ABORT, 'journal is append-only: DELETE refused'); END;

    -- This installation's identity; exactly one row once initialised.
    CREATE TABLE site (
      singleton   INTEGER PRIMARY KEY CHECK (singleton = 1),
      site_id     TEXT NOT NULL,
      site_name   TEXT NOT NULL,
      site_role   TEXT NOT NULL CHECK (site_role IN ('site', 'hq')),
      system_high TEXT NOT NULL,
      created_at  TEXT NOT NULL
    );

    CREATE TABLE settings (
      key   TEXT PRIMARY KEY,
      value TEXT NOT NULL
    );

    CREATE TABLE users (
      id                  TEXT PRIMARY KEY,
      site_id             TEXT NOT NULL,
      username            TEXT NOT NULL UNIQUE,
      display_name        TEXT NOT NULL,
      roles               TEXT NOT NULL,
      disabled            INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
      locked              INTEGER NOT NULL DEFAULT 0 CHECK (locked IN (0, 1)),
      locked_at           TEXT,
      must_change_password INTEGER NOT NULL DEFAULT 0 CHECK (must_change_password IN (0, 1)),
      created_at          TEXT NOT NULL,
      updated_at          TEXT NOT NULL,
      -- Credentials are local secrets: kept here, never in the journal (which travels to HQ).
      password_hash       TEXT,
      password_changed_at TEXT
    );

    -- Earlier password hashes, so a user cannot reuse one of the last five (STIG).
    CREATE TABLE password_history (
      user_id TEXT NOT NULL REFERENCES users (id),
      hash    TEXT NOT NULL,
      set_at  TEXT NOT NULL
    );
    CREATE INDEX password_history_user ON password_history (user_id, set_at);
  `,
} as const;
