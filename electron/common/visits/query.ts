// The visits list query: upcoming and current visits, by country, status, type and dates; paged
// and filtered in SQL.
import { z } from 'zod';
import { isoDateSchema, pageSchema, siteIdSchema, text } from '../primitives.js';
import { VISIT_DIRECTIONS, VISIT_STATUSES, VISIT_TYPES } from './model.js';

export const VISIT_SORT_FIELDS = ['startDate', 'endDate', 'requestNumber', 'country', 'status', 'disposeAfter', 'createdAt', 'updatedAt'] as const;
export type VisitSortField = (typeof VISIT_SORT_FIELDS)[number];

export const visitQuerySchema = pageSchema.extend({
  /** Headquarters: only the records of this site. */
  siteId: siteIdSchema.optional(),
  direction: z.enum(VISIT_DIRECTIONS).optional(),
  statuses: z.array(z.enum(VISIT_STATUSES)).max(VISIT_STATUSES.length).optional(),
  types: z.array(z.enum(VISIT_TYPES)).max(VISIT_TYPES.length).optional(),
  includeVoid: z.boolean().default(false),
  /**
   * upcoming: requested or approved, starting after today. current: under way, or approved with
   * today inside its dates.
   */
  when: z.enum(['any', 'upcoming', 'current']).default('any'),
  /** The foreign government concerned, a trigraph or NATO. */
  country: z
    .string()
    .regex(/^([A-Z]{3}|NATO)$/, 'must be a country trigraph or NATO')
    .optional(),
  /** Visits whose dates overlap this range (either end may be left open). */
  from: isoDateSchema.optional(),
  to: isoDateSchema.optional(),
  /** Only records past their dispose-after date. */
  dueForDisposal: z.boolean().default(false),
  /** Full-text search over request number, title, requester, facilities, purpose and visitor names. */
  search: text(200).optional(),
  sort: z.enum(VISIT_SORT_FIELDS).default('startDate'),
  sortDir: z.enum(['asc', 'desc']).default('asc'),
});
export type VisitQuery = z.infer<typeof visitQuerySchema>;
export type VisitQueryInput = z.input<typeof visitQuerySchema>;
