// Sync projections: this installation's identity (without its sealed key), the trust store and
// alarms, each the full new state carried by the journal entry.
import type { Database } from 'better-sqlite3';
import { canonicalJson } from '../../electron/common/canonicalJson.js';
import type { AlarmRecord, IdentityRecord, TrustRecord } from '../../electron/common/sync/model.js';

export function projectIdentity(db: Database, identity: IdentityRecord): void {
  db.prepare(
    `INSERT INTO identity (singleton, key_id, certificate_pem, doc, created_at)
     VALUES (1, @keyId, @certificatePem, @doc, @createdAt)
     ON CONFLICT (singleton) DO UPDATE SET key_id = excluded.key_id, certificate_pem = excluded.certificate_pem, doc = excluded.doc`,
  ).run({ keyId: identity.keyId, certificatePem: identity.certificatePem, doc: canonicalJson(identity), createdAt: identity.createdAt });
}

export function projectTrust(db: Database, trust: TrustRecord): void {
  db.prepare(
    `INSERT INTO trust (key_id, site_id, role, certificate_pem, enrolled_at, revoked_at, doc)
     VALUES (@keyId, @siteId, @role, @certificatePem, @enrolledAt, @revokedAt, @doc)
     ON CONFLICT (key_id) DO UPDATE SET revoked_at = excluded.revoked_at, doc = excluded.doc`,
  ).run({ ...trust, doc: canonicalJson(trust) });
}

export function projectAlarm(db: Database, alarm: AlarmRecord): void {
  db.prepare(
    `INSERT INTO alarms (id, site_id, reason, status, raised_at, doc)
     VALUES (@id, @siteId, @reason, @status, @raisedAt, @doc)
     ON CONFLICT (id) DO UPDATE SET status = excluded.status, doc = excluded.doc`,
  ).run({ id: alarm.id, siteId: alarm.siteId, reason: alarm.reason, status: alarm.status, raisedAt: alarm.raisedAt, doc: canonicalJson(alarm) });
}
