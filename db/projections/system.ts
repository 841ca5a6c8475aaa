import type { Database } from 'better-sqlite3';
import { canonicalJson } from '../../electron/common/canonicalJson.js';
import type { Settings, SiteConfig, User } from '../../electron/common/site.js';

export function projectSite(db: Database, site: SiteConfig, at: string): void {
  db.prepare(
    `INSERT INTO site (singleton, site_id, site_name, site_role, system_high, created_at)
     VALUES (1, @siteId, @siteName, @siteRole, @systemHigh, @at)
     ON CONFLICT (singleton) DO UPDATE SET site_name = excluded.site_name, system_high = excluded.system_high`,
  ).run({ ...site, at });
}

export function projectSettings(db: Database, settings: Settings): void {
  const upsert = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
  for (const [key, value] of Object.entries(settings)) upsert.run(key, canonicalJson(value));
}

/** The account without its credentials (those never enter the journal). */
export function projectUser(db: Database, siteId: string, user: User, at: string): void {
  db.prepare(
    `INSERT INTO users (id, site_id, username, display_name, roles, disabled, locked, locked_at, must_change_password, created_at, updated_at)
     VALUES (@id, @siteId, @username, @displayName, @roles, @disabled, @locked, @lockedAt, @mustChangePassword, @createdAt, @at)
     ON CONFLICT (id) DO UPDATE SET display_name = excluded.display_name, roles = excluded.roles,
       disabled = excluded.disabled, locked = excluded.locked, locked_at = excluded.locked_at,
       must_change_password = excluded.must_change_password, updated_at = excluded.updated_at`,
  ).run({
    ...user,
    siteId,
    roles: canonicalJson(user.roles),
    disabled: user.disabled ? 1 : 0,
    locked: user.locked ? 1 : 0,
    mustChangePassword: user.mustChangePassword ? 1 : 0,
    at,
  });
}
