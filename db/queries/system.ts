import type { Database } from 'better-sqlite3';
import type { Role } from '../../electron/common/roles.js';
import type { Settings, SiteConfig, User } from '../../electron/common/site.js';
import { DEFAULT_SETTINGS } from '../../electron/common/site.js';

export function readSite(db: Database): SiteConfig | undefined {
  const row = db.prepare('SELECT site_id, site_name, site_role, system_high FROM site WHERE singleton = 1').get() as
    | { site_id: string; site_name: string; site_role: SiteConfig['siteRole']; system_high: SiteConfig['systemHigh'] }
    | undefined;
  return row ? { siteId: row.site_id, siteName: row.site_name, siteRole: row.site_role, systemHigh: row.system_high } : undefined;
}

export function readSettings(db: Database): Settings {
  const rows = db.prepare('SELECT key, value FROM settings').all() as { key: string; value: string }[];
  const stored: Record<string, unknown> = Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.value)]));
  // Settings added by a later version fall back to their defaults until an administrator sets them.
  return { ...DEFAULT_SETTINGS, ...stored };
}

interface UserRow {
  id: string;
  username: string;
  display_name: string;
  roles: string;
  disabled: number;
  locked: number;
  locked_at: string | null;
  must_change_password: number;
  created_at: string;
  password_hash: string | null;
}

function rowToUser(row: UserRow): User {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    roles: JSON.parse(row.roles) as Role[],
    disabled: row.disabled === 1,
    locked: row.locked === 1,
    lockedAt: row.locked_at,
    mustChangePassword: row.must_change_password === 1,
    createdAt: row.created_at,
  };
}

export function listUsers(db: Database): User[] {
  return (db.prepare('SELECT * FROM users ORDER BY username').all() as UserRow[]).map(rowToUser);
}

export function findUserByName(db: Database, username: string): { user: User; passwordHash: string | null } | undefined {
  const row = db.prepare('SELECT * FROM users WHERE username = ?').get(username) as UserRow | undefined;
  return row ? { user: rowToUser(row), passwordHash: row.password_hash } : undefined;
}

export function findUserById(db: Database, id: string): User | undefined {
  const row = db.prepare('SELECT * FROM users WHERE id = ?').get(id) as UserRow | undefined;
  return row ? rowToUser(row) : undefined;
}

/** Set a new password hash, keeping the previous one in the history used against reuse. */
export function setPasswordHash(db: Database, userId: string, hash: string, at: string): void {
  const previous = db.prepare('SELECT password_hash FROM users WHERE id = ?').get(userId) as { password_hash: string | null } | undefined;
  if (previous?.password_hash) {
    db.prepare('INSERT INTO password_history (user_id, hash, set_at) VALUES (?, ?, ?)').run(userId, previous.password_hash, at);
  }
  db.prepare('UPDATE users SET password_hash = ?, password_changed_at = ? WHERE id = ?').run(hash, at, userId);
}

/** The current and the last `count - 1` earlier hashes of a user's password, newest first. */
export function recentPasswordHashes(db: Database, userId: string, count: number): string[] {
  const current = db.prepare('SELECT password_hash FROM users WHERE id = ?').get(userId) as { password_hash: string | null } | undefined;
  const earlier = db
    .prepare('SELECT hash FROM password_history WHERE user_id = ? ORDER BY set_at DESC, rowid DESC LIMIT ?')
    .all(userId, Math.max(0, count - 1)) as { hash: string }[];
  return [...(current?.password_hash ? [current.password_hash] : []), ...earlier.map((r) => r.hash)];
}

/** Every enabled account holding the administrator role (a locked one still counts: it can be unlocked). */
export function enabledAdministrators(db: Database): string[] {
  return listUsers(db)
    .filter((u) => !u.disabled && u.roles.includes('administrator'))
    .map((u) => u.id);
}
