// Sync: this installation's signing identity (the private key sealed, never journalled), the
// trust store, alarms, held-back bundles and the bundle history. docs/sync.md has the rules.
export const migration005 = {
  version: 5,
  name: 'sync: identity, trust store, alarms, held bundles, bundle history, acknowledgement',
  sql: `
    -- This installation's signing identity; one row (rotation is not supported yet).
    -- Projected from 'identity' journal entries; sealed_key is a local secret written in the
    -- same transaction and never journalled (the journal travels to headquarters).
    CREATE TABLE identity (
      singleton        INTEGER PRIMARY KEY CHECK (singleton = 1),
      key_id           TEXT NOT NULL UNIQUE,
      certificate_pem  TEXT NOT NULL,
      doc              TEXT NOT NULL,
      sealed_key       TEXT,
      created_at       TEXT NOT NULL
    );

    -- Certificates trusted for other installations, enrolled after an out-of-band fingerprint
    -- check; revoked ones stay (a revoked key is never trusted again). Projected from 'trust' entries.
    CREATE TABLE trust (
      key_id          TEXT PRIMARY KEY,
      site_id         TEXT NOT NULL,
      role            TEXT NOT NULL CHECK (role IN ('site', 'hq')),
      certificate_pem TEXT NOT NULL,
      enrolled_at     TEXT NOT NULL,
      revoked_at      TEXT,
      doc             TEXT NOT NULL
    );
    CREATE INDEX trust_site ON trust (site_id, revoked_at);

    -- Security events raised by imports. Projected from 'alarm' entries.
    CREATE TABLE alarms (
      id        TEXT PRIMARY KEY,
      site_id   TEXT NOT NULL,
      reason    TEXT NOT NULL,
      status    TEXT NOT NULL CHECK (status IN ('open', 'resolved')),
      raised_at TEXT NOT NULL,
      doc       TEXT NOT NULL
    );
    CREATE INDEX alarms_status ON alarms (status, raised_at);
    CREATE INDEX alarms_site ON alarms (site_id, status);

    -- Every bundle exported, imported, held, released from hold or dropped; written in the same
    -- transaction as the journal entry that records the event.
    CREATE TABLE sync_bundles (
      id             INTEGER PRIMARY KEY,
      bundle_id      TEXT NOT NULL,
      event          TEXT NOT NULL CHECK (event IN ('exported', 'imported', 'held', 'released', 'dropped')),
      direction      TEXT NOT NULL CHECK (direction IN ('site-to-hq', 'hq-to-site')),
      site_id        TEXT NOT NULL,
      recipient      TEXT NOT NULL,
      first_seq      INTEGER NOT NULL,
      last_seq       INTEGER NOT NULL,
      head           TEXT NOT NULL,
      classification TEXT NOT NULL,
      file_name      TEXT NOT NULL,
      applied        INTEGER NOT NULL DEFAULT 0,
      skipped        INTEGER NOT NULL DEFAULT 0,
      at             TEXT NOT NULL,
      actor          TEXT NOT NULL,
      message        TEXT NOT NULL,
      journal_site   TEXT NOT NULL,
      journal_seq    INTEGER NOT NULL
    );
    CREATE INDEX sync_bundles_bundle ON sync_bundles (bundle_id, event);
    CREATE INDEX sync_bundles_site ON sync_bundles (site_id, event, at);

    -- Verified bundles that start after a gap, waiting for the missing seqs; applied
    -- automatically (and removed) when the missing bundle arrives.
    CREATE TABLE held_bundles (
      bundle_id        TEXT PRIMARY KEY,
      site_id          TEXT NOT NULL,
      file_name        TEXT NOT NULL,
      first_seq        INTEGER NOT NULL,
      last_seq         INTEGER NOT NULL,
      previous_head    TEXT NOT NULL,
      head             TEXT NOT NULL,
      header           TEXT NOT NULL,
      signer_key_id    TEXT NOT NULL,
      classification   TEXT NOT NULL,
      held_at          TEXT NOT NULL,
      held_by          TEXT NOT NULL
    );
    CREATE INDEX held_bundles_site ON held_bundles (site_id, first_seq);

    CREATE TABLE held_entries (
      bundle_id TEXT NOT NULL REFERENCES held_bundles (bundle_id) ON DELETE CASCADE,
      seq       INTEGER NOT NULL,
      entry     TEXT NOT NULL,
      PRIMARY KEY (bundle_id, seq)
    ) WITHOUT ROWID;

    -- At a site: the head headquarters last acknowledged; the next export starts after it.
    CREATE TABLE sync_ack (
      singleton   INTEGER PRIMARY KEY CHECK (singleton = 1),
      seq         INTEGER NOT NULL,
      hash        TEXT NOT NULL,
      bundle_id   TEXT NOT NULL,
      hq_site_id  TEXT NOT NULL,
      notes       TEXT NOT NULL,
      imported_at TEXT NOT NULL
    );
  `,
} as const;
