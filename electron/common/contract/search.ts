import { z } from 'zod';
import { classificationSchema } from '../classification/model.js';
import { requiredText, ulidSchema } from '../primitives.js';
import { RECORD_READERS } from '../roles.js';
import { RECORD_KINDS } from './dashboard.js';
import { method } from './define.js';

export const searchHitSchema = z.strictObject({
  id: ulidSchema,
  number: z.string(),
  title: z.string(),
  status: z.string(),
  classification: classificationSchema,
  marking: z.string(),
});
export type SearchHit = z.infer<typeof searchHitSchema>;

export const searchResultSchema = z.strictObject({
  /** The highest classification among the hits returned: the results' banner. */
  classification: classificationSchema,
  marking: z.string(),
  groups: z.array(z.strictObject({ kind: z.enum(RECORD_KINDS), total: z.number().int(), hits: z.array(searchHitSchema) })),
});
export type SearchResult = z.infer<typeof searchResultSchema>;

export const searchMethods = {
  'search.records': method({
    summary: 'Full-text search over receipts, visits and incidents at once, grouped by kind, best matches first (void records left out)',
    input: z.strictObject({
      text: requiredText(200).refine((s) => /[\p{L}\p{N}]/u.test(s), 'must contain a letter or digit'),
      limitPerKind: z.number().int().min(1).max(50).default(10),
    }),
    output: searchResultSchema,
    access: RECORD_READERS,
  }),
} as const;
