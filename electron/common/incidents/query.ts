// The incidents list query: paged and filtered in SQL; overdue from the stored next due date.
import { z } from 'zod';
import { isoDateSchema, pageSchema, siteIdSchema, text, ulidSchema } from '../primitives.js';
import { DETERMINATIONS } from './model.js';
import { INCIDENT_STATUSES } from './steps.js';

export const INCIDENT_SORT_FIELDS = ['discoveredOn', 'reportedOn', 'incidentNumber', 'status', 'nextDueOn', 'createdAt', 'updatedAt'] as const;
export type IncidentSortField = (typeof INCIDENT_SORT_FIELDS)[number];

export const incidentQuerySchema = pageSchema.extend({
  /** Headquarters: only the records of this site. */
  siteId: siteIdSchema.optional(),
  statuses: z.array(z.enum(INCIDENT_STATUSES)).max(INCIDENT_STATUSES.length).optional(),
  includeVoid: z.boolean().default(false),
  /** Only incidents with a step past its due date. */
  overdueOnly: z.boolean().default(false),
  determinations: z.array(z.enum(DETERMINATIONS)).max(DETERMINATIONS.length).optional(),
  /** Foreign material or foreign-government involvement by country, a trigraph or NATO. */
  country: z
    .string()
    .regex(/^([A-Z]{3}|NATO)$/, 'must be a country trigraph or NATO')
    .optional(),
  /** Incidents linked to this receipt. */
  receiptId: ulidSchema.optional(),
  /** Discovered within this range (either end may be left open). */
  from: isoDateSchema.optional(),
  to: isoDateSchema.optional(),
  /** Full-text search over number, title, description, location and material. */
  search: text(200).optional(),
  sort: z.enum(INCIDENT_SORT_FIELDS).default('discoveredOn'),
  sortDir: z.enum(['asc', 'desc']).default('desc'),
});
export type IncidentQuery = z.infer<typeof incidentQuerySchema>;
export type IncidentQueryInput = z.input<typeof incidentQuerySchema>;
