// Which names may appear in a bundle's tar (and its BagIt manifests): relative paths of
// segments from the POSIX portable filename character set. That one rule keeps out absolute
// paths, `..`, backslashes, drive letters, NUL and control characters, and names that mean
// different things on different file systems.

const PORTABLE_SEGMENT = /^[A-Za-z0-9._-]+$/;
export const MAX_NAME_BYTES = 255;

/** Why `name` is unsafe, or null when it is a safe relative path. */
export function unsafeNameReason(name: string): string | null {
  if (name.length === 0) return 'empty name';
  if (name.includes('\0')) return 'name contains NUL';
  if (name.startsWith('/')) return 'absolute path';
  if (name.includes('\\')) return 'name contains a backslash';
  const segments = name.split('/');
  if (segments.some((s) => s === '..')) return 'name contains a ".." segment';
  if (segments.some((s) => s === '.')) return 'name contains a "." segment';
  if (segments.some((s) => s === '')) return 'name has an empty segment (trailing or doubled slash)';
  if (/^[A-Za-z]:/.test(name)) return 'name starts with a drive letter';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name)) return 'name contains a control character';
  if (!segments.every((s) => PORTABLE_SEGMENT.test(s))) return 'name has characters outside A-Z a-z 0-9 . _ -';
  if (Buffer.byteLength(name, 'utf8') > MAX_NAME_BYTES) return `name longer than ${MAX_NAME_BYTES} bytes`;
  return null;
}

/** Case-folded key: two names equal under it collide on case-insensitive file systems (FAT, NTFS, APFS). */
export function collisionKey(name: string): string {
  return name.toLowerCase();
}
