// What may cross a transport as a call's input: JSON-shaped data only. IPC's structured clone
// would also carry Maps, Dates, typed arrays, BigInts and cycles; the harness carries JSON. Both
// hosts check with this one function (the harness bridge before it serialises), so a call behaves
// the same over IPC and over HTTP. Pure: no Node, no DOM, no imports.

export interface PlainDataLimits {
  /** Deepest nesting of arrays and objects. */
  maxDepth: number;
  /** Rough size budget: string lengths plus a few units per value; about the JSON byte count. */
  maxSize: number;
}

export const DEFAULT_PLAIN_DATA_LIMITS: PlainDataLimits = { maxDepth: 64, maxSize: 2 * 1024 * 1024 };

/** Returns null if `value` is plain JSON-shaped data within the limits, else why it is not. */
export function plainDataProblem(value: unknown, limits: PlainDataLimits = DEFAULT_PLAIN_DATA_LIMITS): string | null {
  let size = 0;
  const open = new Set<object>();

  function visit(item: unknown, depth: number, where: string, inArray: boolean): string | null {
    size += 8;
    if (size > limits.maxSize) return 'input is too large';
    switch (typeof item) {
      case 'string':
        size += item.length;
        return size > limits.maxSize ? 'input is too large' : null;
      case 'boolean':
        return null;
      case 'number':
        return Number.isFinite(item) ? null : `${where} is not a finite number`;
      case 'undefined':
        // JSON turns an undefined array element into null; refuse it so both transports agree.
        return inArray ? `${where} is undefined` : null;
      case 'object':
        break;
      case 'bigint':
      case 'function':
      case 'symbol':
        return `${where} is a ${typeof item}, not plain data`;
    }
    if (item === null) return null;
    if (depth >= limits.maxDepth) return 'input is nested too deeply';
    if (open.has(item)) return `${where} refers to itself`;
    open.add(item);
    try {
      if (Array.isArray(item)) {
        if (Object.getPrototypeOf(item) !== Array.prototype) return `${where} is not a plain array`;
        for (let i = 0; i < item.length; i++) {
          if (!(i in item)) return `${where}[${i}] is a hole`;
          const problem = visit(item[i], depth + 1, `${where}[${i}]`, true);
          if (problem) return problem;
        }
        return null;
      }
      const proto: unknown = Object.getPrototypeOf(item);
      if (proto !== Object.prototype && proto !== null) return `${where} is not a plain object`;
      if (Object.getOwnPropertySymbols(item).length > 0) return `${where} has symbol keys`;
      for (const [key, child] of Object.entries(item)) {
        size += key.length;
        const problem = visit(child, depth + 1, `${where}.${key}`, false);
        if (problem) return problem;
      }
      return null;
    } finally {
      open.delete(item);
    }
  }

  return visit(value, 0, 'input', false);
}
