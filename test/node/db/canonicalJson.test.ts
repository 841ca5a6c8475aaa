import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CanonicalJsonError, canonicalJson, parseCanonicalJson } from '../../../electron/common/canonicalJson.js';

describe('canonicalJson', () => {
  // Fixed vectors, including RFC 8785 section 3.2.2 (values) and 3.2.3 (key order).
  const vectors: [string, unknown, string][] = [
    ['empty object', {}, '{}'],
    ['empty array', [], '[]'],
    ['keys sorted, no whitespace', { b: 1, a: [true, false, null] }, '{"a":[true,false,null],"b":1}'],
    ['nested keys sorted', { z: { y: 1, x: 2 }, a: 'A' }, '{"a":"A","z":{"x":2,"y":1}}'],
    ['RFC 8785 numbers', [333333333.3333333, 1e30, 4.5, 2e-3, 0.000000000000000000000000001], '[333333333.3333333,1e+30,4.5,0.002,1e-27]'],
    ['negative zero', -0, '0'],
    ['integers', [0, -1, 9007199254740991], '[0,-1,9007199254740991]'],
    ['RFC 8785 string escapes', '\u20ac$\u000F\u000aA\'\u0042\u0022\u005c\\"/', '"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"'],
    ['non-ASCII kept as UTF-8', 'Köln – 東京 😀', '"Köln – 東京 😀"'],
    [
      'RFC 8785 key order by UTF-16 code units',
      { '\u20ac': 'Euro Sign', '\r': 'Carriage Return', '\ufb33': 'Hebrew', '1': 'One', '\ud83d\ude00': 'Emoji', '\u0080': 'Control', '\u00f6': 'o umlaut' },
      '{"\\r":"Carriage Return","1":"One","\u0080":"Control","ö":"o umlaut","€":"Euro Sign","😀":"Emoji","\ufb33":"Hebrew"}',
    ],
  ];
  it.each(vectors)('%s', (_name, value, expected) => {
    expect(canonicalJson(value)).toBe(expected);
  });

  const refused: [string, unknown][] = [
    ['NaN', Number.NaN],
    ['Infinity', [Infinity]],
    ['undefined property', { a: undefined }],
    ['function', { f: () => 1 }],
    ['bigint', 1n],
    ['Date object', new Date(0)],
    ['Map', new Map()],
    ['lone surrogate', '\ud800'],
    // eslint-disable-next-line no-sparse-arrays -- the hole is the point of the test
    ['sparse array', [1, , 3]],
  ];
  it.each(refused)('refuses %s', (_name, value) => {
    expect(() => canonicalJson(value)).toThrow(CanonicalJsonError);
  });

  it('refuses cycles and excessive depth', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => canonicalJson(cyclic)).toThrow(/cyclic/);
    let deep: unknown = 1;
    for (let i = 0; i < 100; i++) deep = [deep];
    expect(() => canonicalJson(deep)).toThrow(/deeper/);
  });

  it('parseCanonicalJson accepts only the canonical form', () => {
    expect(parseCanonicalJson('{"a":1,"b":[2]}')).toEqual({ a: 1, b: [2] });
    expect(() => parseCanonicalJson('{"b":1,"a":2}')).toThrow(/canonical/);
    expect(() => parseCanonicalJson('{"a": 1}')).toThrow(/canonical/);
    expect(() => parseCanonicalJson('{"a":1.0}')).toThrow(/canonical/);
    expect(() => parseCanonicalJson('{"a":1,"a":2}')).toThrow(/canonical/);
    expect(() => parseCanonicalJson('{"a":')).toThrow(/not JSON/);
    expect(() => parseCanonicalJson('[[[[1]]]]', 3)).toThrow(/deeper/);
    expect(parseCanonicalJson('[[[1]]]', 3)).toEqual([[[1]]]);
    expect(() => parseCanonicalJson('{"a":"\\ud800"}')).toThrow(/surrogate/);
    expect(() => parseCanonicalJson('{"\\udc00":1}')).toThrow(/surrogate/);
    // However the surrogate came: escaped in upper case, as the character itself, deep down.
    expect(() => parseCanonicalJson('{"a":"\\uDBFF"}')).toThrow(/surrogate/);
    expect(() => parseCanonicalJson(`{"a":["x","\udfff"]}`)).toThrow(/surrogate/);
    expect(() => parseCanonicalJson('{"a":{"b":[{"c":"\\ud800x"}]}}')).toThrow(/surrogate/);
    // A pair is a character like any other.
    expect(parseCanonicalJson('{"a":"\u{1F600}"}')).toEqual({ a: '\u{1F600}' });
    expect(() => parseCanonicalJson('-0')).toThrow(/canonical/);
    expect(() => parseCanonicalJson('[1e400]')).toThrow(/canonical/);
  });

  it('parseCanonicalJson takes integer-like keys in code-unit order, which is not the order the engine keeps them in', () => {
    // The engine lists "9" before "10"; canonical order is "10" before "9".
    expect(parseCanonicalJson('{"10":"b","9":"a","x":{"10":1,"2":0}}')).toEqual({ 9: 'a', 10: 'b', x: { 2: 0, 10: 1 } });
    expect(() => parseCanonicalJson('{"9":"a","10":"b"}')).toThrow(/canonical/);
  });

  it('parseCanonicalJson accepts exactly the canonical text of any value, and refuses it re-spaced or re-ordered (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = canonicalJson(value);
        expect(parseCanonicalJson(text)).toEqual(JSON.parse(text));
        const spaced = JSON.stringify(JSON.parse(text), null, 1);
        if (spaced !== text) expect(() => parseCanonicalJson(spaced)).toThrow(CanonicalJsonError);
      }),
      { numRuns: 500 },
    );
  });

  it('round-trips and ignores key insertion order (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = canonicalJson(value);
        expect(parseCanonicalJson(text)).toEqual(JSON.parse(text));
        expect(canonicalJson(JSON.parse(text))).toBe(text);
        if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
          const reversed = Object.fromEntries(Object.entries(value).reverse());
          expect(canonicalJson(reversed)).toBe(text);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('writes exactly what a plain sort-every-key writer writes, whatever the key order (property)', () => {
    // Any JSON value, with every object's keys in a random order: some already sorted (the
    // fast path), some not (the writer), some mixed at different depths.
    const shuffled = (value: unknown, order: number[]): unknown => {
      if (Array.isArray(value)) return value.map((item) => shuffled(item, order));
      if (value === null || typeof value !== 'object') return value;
      const entries = Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, shuffled(v, order)] as const);
      const pick = order.length > 0 ? (order.shift() as number) : 0;
      if (pick % 3 === 1) entries.reverse();
      else if (pick % 3 === 2) entries.sort(([a], [b]) => (a < b ? -1 : 1));
      return Object.fromEntries(entries);
    };
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), fc.array(fc.nat(), { maxLength: 40 }), (value, order) => {
        expect(canonicalJson(shuffled(value, order))).toBe(referenceCanonical(value));
      }),
      { numRuns: 500 },
    );
  });

  it('refuses what has no canonical form wherever it sits, sorted or not', () => {
    expect(() => canonicalJson({ a: { b: Number.NaN } })).toThrow(CanonicalJsonError);
    expect(() => canonicalJson({ b: { a: '\udc00' }, a: 1 })).toThrow(/surrogate/);
    expect(() => canonicalJson({ a: [{ z: 1, y: new Date(0) }] })).toThrow(/Date/);
    expect(() => canonicalJson({ a: { b: undefined } })).toThrow(/undefined/);
    expect(canonicalJson({ a: 'pair \ud83d\ude00', b: -0 })).toBe('{"a":"pair 😀","b":0}');
  });
});

/** RFC 8785 as plainly as it can be written: the yardstick for the optimised writer. */
function referenceCanonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(referenceCanonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${keys.map((k) => `${JSON.stringify(k)}:${referenceCanonical(record[k])}`).join(',')}}`;
  }
  return Object.is(value, -0) ? '0' : JSON.stringify(value);
}
