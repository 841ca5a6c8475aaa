// Canonical JSON: the one byte form used for hashing journal entries and writing bundles.
// Follows RFC 8785 (JCS) for the values we store: object keys sorted by UTF-16 code units, no
// whitespace, strings escaped as JSON.stringify does (which matches JCS), numbers in ECMAScript
// shortest form. Anything that has no single JSON meaning is refused rather than guessed at:
// non-finite numbers, undefined, functions, symbols, bigints, non-plain objects, cycles.

export class CanonicalJsonError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CanonicalJsonError';
  }
}

const MAX_DEPTH = 64;

export function canonicalJson(value: unknown): string {
  return write(value, 0, new Set());
}

function write(value: unknown, depth: number, seen: Set<object>): string {
  if (depth > MAX_DEPTH) throw new CanonicalJsonError(`nesting deeper than ${MAX_DEPTH}`);
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'string':
      if (!isWellFormed(value)) throw new CanonicalJsonError('string with a lone surrogate has no UTF-8 form');
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new CanonicalJsonError(`number ${String(value)} has no JSON form`);
      // ECMAScript Number-to-String is JCS's number form; -0 is written as 0.
      return Object.is(value, -0) ? '0' : JSON.stringify(value);
    case 'object':
      return writeObject(value, depth, seen);
    case 'bigint':
    case 'function':
    case 'symbol':
    case 'undefined':
      throw new CanonicalJsonError(`a ${typeof value} has no JSON form`);
  }
  // typeof has no other answers; the compiler cannot see that for `unknown`.
  throw new CanonicalJsonError('value of unknown type');
}

function writeObject(value: object, depth: number, seen: Set<object>): string {
  if (seen.has(value)) throw new CanonicalJsonError('cyclic structure');
  seen.add(value);
  try {
    if (Array.isArray(value)) {
      const parts: string[] = [];
      for (let i = 0; i < value.length; i++) {
        if (!(i in value)) throw new CanonicalJsonError('sparse array');
        parts.push(write(value[i], depth + 1, seen));
      }
      return `[${parts.join(',')}]`;
    }
    const proto: unknown = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) {
      throw new CanonicalJsonError(`a ${value.constructor?.name ?? 'non-plain'} object has no canonical JSON form`);
    }
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record).sort(compareCodeUnits);
    const parts: string[] = [];
    for (const key of keys) {
      const item = record[key];
      if (item === undefined) throw new CanonicalJsonError(`property "${key}" is undefined`);
      if (!isWellFormed(key)) throw new CanonicalJsonError('key with a lone surrogate has no UTF-8 form');
      parts.push(`${JSON.stringify(key)}:${write(item, depth + 1, seen)}`);
    }
    return `{${parts.join(',')}}`;
  } finally {
    seen.delete(value);
  }
}

/** JCS sorts keys by UTF-16 code units, which is what a plain `<` on JS strings compares. */
function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function isWellFormed(s: string): boolean {
  // String.prototype.isWellFormed is ES2024; this is the same test.
  return !/\p{Surrogate}/u.test(s.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g, ''));
}

/**
 * Parse JSON that must already be canonical (bundles): re-serialising must give the same text,
 * so two different byte strings can never mean the same entry.
 */
export function parseCanonicalJson(text: string, maxDepth = MAX_DEPTH): unknown {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new CanonicalJsonError(`not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (depthOf(parsed, 0, maxDepth) > maxDepth) throw new CanonicalJsonError(`nesting deeper than ${maxDepth}`);
  if (canonicalJson(parsed) !== text) throw new CanonicalJsonError('JSON is not in canonical form');
  return parsed;
}

function depthOf(value: unknown, depth: number, limit: number): number {
  if (depth > limit || value === null || typeof value !== 'object') return depth;
  let max = depth;
  for (const child of Object.values(value as Record<string, unknown>)) {
    max = Math.max(max, depthOf(child, depth + 1, limit));
    if (max > limit) return max;
  }
  return max;
}
