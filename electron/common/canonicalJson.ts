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

// Hashing and bundles canonicalise every journal entry, so this is on the hot path of export and
// import. Two ways to the same bytes: where every object below a value already lists its keys in
// code-unit order (anything parsed from canonical text, which is what import handles), the
// engine's JSON.stringify writes exactly the canonical form once the value has been checked;
// elsewhere the writer below sorts keys itself. The property test holds both to a plain reference.

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
      if (isSortedJson(value, depth, seen)) return JSON.stringify(value);
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
      let out = '[';
      for (let i = 0; i < value.length; i++) {
        if (!(i in value)) throw new CanonicalJsonError('sparse array');
        out += (i === 0 ? '' : ',') + write(value[i], depth + 1, seen);
      }
      return `${out}]`;
    }
    assertPlain(value);
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record);
    if (!keysSorted(keys)) keys.sort(compareCodeUnits);
    let out = '{';
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i] as string;
      const item = record[key];
      if (item === undefined) throw new CanonicalJsonError(`property "${key}" is undefined`);
      if (!isWellFormed(key)) throw new CanonicalJsonError('key with a lone surrogate has no UTF-8 form');
      out += `${i === 0 ? '' : ','}${JSON.stringify(key)}:${write(item, depth + 1, seen)}`;
    }
    return `${out}}`;
  } finally {
    seen.delete(value);
  }
}

/**
 * True when JSON.stringify(value) is its canonical form: only JSON values, finite numbers,
 * well-formed strings, dense arrays, plain objects whose own keys are already in code-unit order.
 * False (without throwing) as soon as an object's keys are out of order, so the writer takes
 * over; throws for what has no canonical form at all, as the writer would.
 */
function isSortedJson(value: object, depth: number, seen: Set<object>): boolean {
  if (depth > MAX_DEPTH) throw new CanonicalJsonError(`nesting deeper than ${MAX_DEPTH}`);
  if (seen.has(value)) throw new CanonicalJsonError('cyclic structure');
  if (Array.isArray(value)) {
    seen.add(value);
    try {
      for (let i = 0; i < value.length; i++) {
        if (!(i in value)) throw new CanonicalJsonError('sparse array');
        if (!isSortedItem(value[i], depth, seen)) return false;
      }
      return true;
    } finally {
      seen.delete(value);
    }
  }
  assertPlain(value);
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  if (!keysSorted(keys)) return false;
  seen.add(value);
  try {
    for (const key of keys) {
      const item = record[key];
      if (item === undefined) throw new CanonicalJsonError(`property "${key}" is undefined`);
      if (!isWellFormed(key)) throw new CanonicalJsonError('key with a lone surrogate has no UTF-8 form');
      if (!isSortedItem(item, depth, seen)) return false;
    }
    return true;
  } finally {
    seen.delete(value);
  }
}

function isSortedItem(item: unknown, depth: number, seen: Set<object>): boolean {
  if (item === null) return true;
  switch (typeof item) {
    case 'boolean':
      return true;
    case 'string':
      if (!isWellFormed(item)) throw new CanonicalJsonError('string with a lone surrogate has no UTF-8 form');
      return true;
    case 'number':
      if (!Number.isFinite(item)) throw new CanonicalJsonError(`number ${String(item)} has no JSON form`);
      return true;
    case 'object':
      return isSortedJson(item, depth + 1, seen);
    case 'bigint':
    case 'function':
    case 'symbol':
    case 'undefined':
      throw new CanonicalJsonError(`a ${typeof item} has no JSON form`);
  }
  // typeof has no other answers; the compiler cannot see that for `unknown`.
  throw new CanonicalJsonError('value of unknown type');
}

function assertPlain(value: object): void {
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) {
    throw new CanonicalJsonError(`a ${value.constructor?.name ?? 'non-plain'} object has no canonical JSON form`);
  }
}

function keysSorted(keys: readonly string[]): boolean {
  for (let i = 1; i < keys.length; i++) if ((keys[i - 1] as string) >= (keys[i] as string)) return false;
  return true;
}

/** JCS sorts keys by UTF-16 code units, which is what a plain `<` on JS strings compares. */
function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const SURROGATE = /[\uD800-\uDFFF]/;

function isWellFormed(s: string): boolean {
  // Almost every string has no surrogate at all; only those need the pair-by-pair test
  // (String.prototype.isWellFormed is ES2024, not in Node 20).
  if (!SURROGATE.test(s)) return true;
  return !/\p{Surrogate}/u.test(s.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g, ''));
}

/**
 * Parse JSON that must already be canonical (bundles): re-serialising must give the same text,
 * so two different byte strings can never mean the same entry. One walk over the parsed value
 * checks depth and strings, and whether every object's keys sit in code-unit order; then (as in
 * write()) the engine's JSON.stringify writes the canonical form, and comparing it with the text
 * settles whitespace, escapes, number forms and duplicate keys. Objects whose keys the engine
 * keeps in another order (integer-like keys come first) take the general writer instead.
 * A parsed value has no cycles and only plain objects, so the walk needs no bookkeeping.
 */
export function parseCanonicalJson(text: string, maxDepth = MAX_DEPTH): unknown {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new CanonicalJsonError(`not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  // A string can hold a surrogate only where the text has one, or the escape of one.
  const strings = SURROGATE_IN_TEXT.test(text);
  const inOrder = checkParsed(parsed, 0, Math.min(maxDepth, MAX_DEPTH), strings);
  if ((inOrder ? JSON.stringify(parsed) : canonicalJson(parsed)) !== text) throw new CanonicalJsonError('JSON is not in canonical form');
  return parsed;
}

const SURROGATE_IN_TEXT = /[\uD800-\uDFFF]|\\u[dD][89a-fA-F]/;

/**
 * Throws for nesting deeper than `limit` and for lone surrogates (when `strings`); false when
 * some object's keys are not in code-unit order.
 */
function checkParsed(value: unknown, depth: number, limit: number, strings: boolean): boolean {
  if (depth > limit) throw new CanonicalJsonError(`nesting deeper than ${limit}`);
  if (typeof value === 'string') {
    if (strings && !isWellFormed(value)) throw new CanonicalJsonError('string with a lone surrogate has no UTF-8 form');
    return true;
  }
  if (value === null || typeof value !== 'object') return true;
  let inOrder = true;
  if (Array.isArray(value)) {
    for (const item of value as unknown[]) if (!checkParsed(item, depth + 1, limit, strings)) inOrder = false;
    return inOrder;
  }
  const record = value as Record<string, unknown>;
  let previous: string | null = null;
  for (const key in record) {
    if (previous !== null && previous >= key) inOrder = false;
    if (strings && !isWellFormed(key)) throw new CanonicalJsonError('key with a lone surrogate has no UTF-8 form');
    if (!checkParsed(record[key], depth + 1, limit, strings)) inOrder = false;
    previous = key;
  }
  return inOrder;
}
