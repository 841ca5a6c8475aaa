import { describe, expect, it } from 'vitest';
import { plainDataProblem } from '../../../electron/main/plainData.js';

describe('plainDataProblem', () => {
  it('accepts JSON-shaped data', () => {
    for (const value of [undefined, null, true, 0, -1.5, '', 'text', [], {}, { a: [1, 'b', { c: null }], d: undefined }, Object.create(null) as object]) {
      expect(plainDataProblem(value)).toBeNull();
    }
  });

  it('accepts the same object twice (no cycle)', () => {
    const shared = { x: 1 };
    expect(plainDataProblem({ a: shared, b: shared })).toBeNull();
  });

  it('refuses what JSON would not carry unchanged', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    const cases: [unknown, RegExp][] = [
      [new Map(), /plain object/],
      [new Date(0), /plain object/],
      [new Uint8Array(2), /plain object/],
      [10n, /bigint/],
      [() => 1, /function/],
      [Symbol('s'), /symbol/],
      [NaN, /finite/],
      [{ n: Infinity }, /input\.n/],
      [[1, undefined], /undefined/],
      // eslint-disable-next-line no-sparse-arrays
      [[1, , 3], /hole/],
      [cyclic, /itself/],
      [{ [Symbol('k')]: 1 }, /symbol keys/],
    ];
    for (const [value, message] of cases) expect(plainDataProblem(value)).toMatch(message);
  });

  it('limits depth and size', () => {
    let deep: unknown = 'leaf';
    for (let i = 0; i < 100; i++) deep = [deep];
    expect(plainDataProblem(deep)).toMatch(/deeply/);
    expect(plainDataProblem('x'.repeat(3 * 1024 * 1024))).toMatch(/too large/);
    expect(plainDataProblem({ a: 'x'.repeat(100) }, { maxDepth: 5, maxSize: 50 })).toMatch(/too large/);
  });
});
