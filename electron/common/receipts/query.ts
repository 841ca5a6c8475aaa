// The receipts list query: paged, sorted and filtered in SQL, never in the renderer.
import { z } from 'zod';
import { US_LEVELS } from '../classification/model.js';
import { pageSchema, siteIdSchema, text } from '../primitives.js';
import { DIRECTIONS, RECEIPT_STATUSES } from './model.js';

export const RECEIPT_SORT_FIELDS = ['controlNumber', 'unclassifiedTitle', 'status', 'level', 'suspenseDueOn', 'receivedOn', 'dispatchedOn', 'createdAt', 'updatedAt'] as const;
export type ReceiptSortField = (typeof RECEIPT_SORT_FIELDS)[number];

export const receiptQuerySchema = pageSchema.extend({
  direction: z.enum(DIRECTIONS).optional(),
  statuses: z.array(z.enum(RECEIPT_STATUSES)).max(RECEIPT_STATUSES.length).optional(),
  /** Include voided records (off by default). */
  includeVoid: z.boolean().default(false),
  /** Only outgoing receipts whose suspense has passed without a signed receipt. */
  overdueOnly: z.boolean().default(false),
  levels: z.array(z.enum(US_LEVELS)).max(US_LEVELS.length).optional(),
  /** FGI separation: only foreign material, only U.S. material, or both. */
  fgi: z.enum(['any', 'only', 'exclude']).default('any'),
  /** FGI by country of origin: a trigraph, or NATO. */
  country: z
    .string()
    .regex(/^([A-Z]{3}|NATO)$/, 'must be a country trigraph or NATO')
    .optional(),
  /** Records of one site only (headquarters holds every site's, each with its origin site). */
  siteId: siteIdSchema.optional(),
  /** Full-text search over control number, title, parties, notes (FTS5 syntax is not exposed). */
  search: text(200).optional(),
  sort: z.enum(RECEIPT_SORT_FIELDS).default('updatedAt'),
  sortDir: z.enum(['asc', 'desc']).default('desc'),
});
export type ReceiptQuery = z.infer<typeof receiptQuerySchema>;
export type ReceiptQueryInput = z.input<typeof receiptQuerySchema>;
