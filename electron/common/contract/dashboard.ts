import { z } from 'zod';
import { classificationSchema } from '../classification/model.js';
import { isoDateSchema, isoTimestampSchema, ulidSchema } from '../primitives.js';
import { method } from './define.js';

export const RECORD_KINDS = ['receipt', 'visit', 'incident'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

/** One line of the dashboard: a record, why it is listed, and when. */
export const dashboardItemSchema = z.strictObject({
  kind: z.enum(RECORD_KINDS),
  id: ulidSchema,
  /** Control, request or incident number. */
  number: z.string(),
  title: z.string(),
  classification: classificationSchema,
  /** Portion marking, `(//DEU S)`. */
  marking: z.string(),
  /** What is due or happening: "Signed receipt", "Preliminary inquiry", "Visit". */
  what: z.string(),
  /** The suspense, step due date or visit start. */
  date: isoDateSchema,
  /** Days overdue (positive), or days until the date (zero or positive) for what is still ahead. */
  days: z.number().int(),
});
export type DashboardItem = z.infer<typeof dashboardItemSchema>;

/** A count and the first few items behind it (the rest are in the record's own list). */
export const dashboardListSchema = z.strictObject({ count: z.number().int(), items: z.array(dashboardItemSchema) });
export type DashboardList = z.infer<typeof dashboardListSchema>;

export const trendPointSchema = z.strictObject({
  date: isoDateSchema,
  /** Outgoing receipts still waiting for their signed receipt on that date. */
  receiptsAwaiting: z.number().int(),
  /** Incidents reported and not yet closed on that date. */
  incidentsOpen: z.number().int(),
});
export type TrendPoint = z.infer<typeof trendPointSchema>;

export const dashboardSchema = z.strictObject({
  today: isoDateSchema,
  dueSoonDays: z.number().int(),
  /** The highest classification among the items shown: the dashboard's own marking. */
  classification: classificationSchema,
  marking: z.string(),
  /** Each part is null when the user's roles may not read it (the contract decides). */
  receipts: z.strictObject({ overdue: dashboardListSchema, dueSoon: dashboardListSchema }).nullable(),
  visits: z.strictObject({ today: dashboardListSchema, upcoming: dashboardListSchema, upcomingDays: z.number().int() }).nullable(),
  incidents: z.strictObject({ overdue: dashboardListSchema, dueSoon: dashboardListSchema }).nullable(),
  trend: z.array(trendPointSchema).nullable(),
  sync: z
    .strictObject({
      siteRole: z.enum(['site', 'hq']),
      lastExport: z.strictObject({ at: isoTimestampSchema, bundleId: z.string(), lastSeq: z.number().int(), fileName: z.string() }).nullable(),
      /** Headquarters has acknowledged everything up to the last export. */
      lastExportAcknowledged: z.boolean(),
      acknowledged: z.strictObject({ seq: z.number().int(), at: z.string() }).nullable(),
      unacknowledged: z.number().int(),
      openAlarms: z.number().int(),
    })
    .nullable(),
  integrity: z
    .strictObject({
      /** The last `journal.verify` at this installation; a full walk is not run on every dashboard load. */
      lastVerify: z.strictObject({ at: isoTimestampSchema, actor: z.string(), intact: z.boolean(), entries: z.number().int() }).nullable(),
      entriesSince: z.number().int(),
    })
    .nullable(),
});
export type Dashboard = z.infer<typeof dashboardSchema>;

export const dashboardMethods = {
  'dashboard.get': method({
    summary: 'What needs attention: overdue and due-soon receipts and incident steps, visits today and upcoming, sync and journal state (only the parts the roles may read)',
    input: z.strictObject({}),
    output: dashboardSchema,
    access: 'signed-in',
  }),
} as const;
