// The import checks every entry and every record with zod's compiled schemas (zod's ahead-of-time
// fast path, its runtime parser behind it; validate() is its check-only form). They must give the
// runtime's verdict on any input, and they must compile whole: a schema change the fast path
// cannot take would quietly bring the import back to the runtime's speed.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { incidentSchema } from '../../../electron/common/incidents/model.js';
import { journalEntrySchema } from '../../../electron/common/journal.js';
import { receiptSchema } from '../../../electron/common/receipts/model.js';
import { visitRequestSchema, visitorSchema } from '../../../electron/common/visits/model.js';
import { COMPILED_RECORD_SCHEMAS } from '../../../electron/node/services/sync/records.js';
import { strictEntrySchema } from '../../../electron/node/sync/lineBatch.js';
import { incomingDraft, outgoingFgiDraft } from '../support/receiptFixtures.js';
import { type TestSite, makeTestSite } from '../support/testSite.js';

let site: TestSite;
/** Records and entries as the app writes them. */
const receipts: unknown[] = [];
const entries: unknown[] = [];

beforeAll(async () => {
  site = await makeTestSite();
  const clerk = await site.connect('clerk');
  for (const draft of [outgoingFgiDraft(), incomingDraft()]) await site.must(clerk, 'receipts.create', draft);
  const officer = await site.connect('officer');
  const history = await site.must(officer, 'journal.verify', {});
  expect(history).toMatchObject({ ok: true });
  entries.push(...(site.db.prepare('SELECT site_id, seq, id, at, actor, kind, entity_id, action, data, prev_hash, hash FROM journal ORDER BY seq').all() as Record<string, unknown>[]).map((r) => ({
    siteId: r.site_id,
    seq: r.seq,
    id: r.id,
    at: r.at,
    actor: r.actor,
    kind: r.kind,
    entityId: r.entity_id,
    action: r.action,
    data: JSON.parse(r.data as string) as unknown,
    prevHash: r.prev_hash,
    hash: r.hash,
  })));
  for (const entry of entries as { kind: string; data: { record?: unknown } }[]) if (entry.kind === 'receipt' && entry.data.record) receipts.push(entry.data.record);
  expect(receipts).toHaveLength(2);
});
afterAll(() => site.close());

/** Values that break one rule or another of the schemas. */
const odd = fc.oneof(
  fc.constantFrom(null, undefined, '', ' ', '  padded  ', 'tab\there', 'bell\u0007', 'x'.repeat(70), 'x'.repeat(2100), '2026-02-30', '2026-02-28', 'TOP SECRET', 'SECRET', 0, -1, 1.5, 2 ** 53, Number.NaN, true, [], {}, ['DEU'], { level: 'SECRET' }),
  fc.string(),
  fc.integer(),
  fc.jsonValue(),
);

/** `value` with the member at one path (chosen by `pick`) set to `replacement`, or removed. */
function mutate(value: unknown, pick: number, replacement: unknown, remove: boolean): unknown {
  const copy = structuredClone(value) as Record<string, unknown>;
  const paths: (string | number)[][] = [];
  const walk = (node: unknown, path: (string | number)[]) => {
    if (node === null || typeof node !== 'object') return;
    for (const [key, child] of Object.entries(node)) {
      const at = [...path, Array.isArray(node) ? Number(key) : key];
      paths.push(at);
      walk(child, at);
    }
  };
  walk(copy, []);
  const path = paths[pick % paths.length] as (string | number)[];
  let parent: Record<string | number, unknown> = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = path[path.length - 1] as string | number;
  if (remove && !Array.isArray(parent)) delete parent[last];
  else parent[last] = replacement;
  return copy;
}

const verdict = (schema: z.ZodType, input: unknown) => {
  const parsed = schema.safeParse(input);
  return parsed.success ? { success: true, data: parsed.data } : { success: false, issues: parsed.error.issues };
};

describe('the compiled schemas of the import', () => {
  it('compile whole', () => {
    for (const schema of [receiptSchema, visitRequestSchema, visitorSchema, incidentSchema, journalEntrySchema.strict()]) {
      expect(() => z.compile(schema, { strict: true })).not.toThrow();
    }
  });

  it('give the runtime parser’s verdict on records with one member changed or removed', () => {
    fc.assert(
      fc.property(fc.nat({ max: receipts.length - 1 }), fc.nat(), odd, fc.boolean(), (which, pick, replacement, remove) => {
        const input = mutate(receipts[which], pick, replacement, remove);
        const runtime = verdict(receiptSchema, input);
        expect(verdict(COMPILED_RECORD_SCHEMAS.receipt, input)).toEqual(runtime);
        expect(COMPILED_RECORD_SCHEMAS.receipt.validate(input)).toBe(runtime.success);
      }),
      { numRuns: 2000 },
    );
  });

  it('give the runtime parser’s verdict on entries with one member changed or removed', () => {
    fc.assert(
      fc.property(fc.nat({ max: entries.length - 1 }), fc.nat(), odd, fc.boolean(), (which, pick, replacement, remove) => {
        const input = mutate(entries[which], pick, replacement, remove);
        const runtime = verdict(journalEntrySchema.strict(), input);
        expect(verdict(strictEntrySchema, input)).toEqual(runtime);
        expect(strictEntrySchema.validate(input)).toBe(runtime.success);
        // What passes is the entry as given: the import keeps the parsed line, not a copy.
        if (runtime.success) expect(runtime.data).toEqual(input);
      }),
      { numRuns: 2000 },
    );
  });

  it('accept the records and entries the app writes', () => {
    for (const record of receipts) expect(COMPILED_RECORD_SCHEMAS.receipt.safeParse(record).success).toBe(true);
    for (const entry of entries) expect(strictEntrySchema.safeParse(entry).success).toBe(true);
  });
});
