// Reports (docs/reports.md): what a user may ask for, and the one table shape every report
// answers with, so the screen, the CSV, the printout and the CLI format the same rows.
import { z } from 'zod';
import type { Classification } from '../classification/model.js';
import { classificationSchema, trigraphSchema } from '../classification/model.js';
import { isoDateSchema, isoTimestampSchema, ulidSchema } from '../primitives.js';

export const REPORT_NAMES = ['inventory', 'openReceipts', 'visits', 'incidents', 'annualInventory'] as const;
export type ReportName = (typeof REPORT_NAMES)[number];

export const REPORT_TITLES: Record<ReportName, string> = {
  inventory: 'Inventory of accountable items by level and country',
  openReceipts: 'Open receipts with suspense dates',
  visits: 'Visits in a date range',
  incidents: 'Incidents with culpability',
  annualInventory: 'Annual TOP SECRET and NATO inventory sheet',
};

/** At most this many rows in one report; the answer says when more matched. */
export const MAX_REPORT_ROWS = 10_000;

const dateRange = {
  from: isoDateSchema,
  to: isoDateSchema,
};

export const reportRequestSchema = z
  .discriminatedUnion('report', [
    z.strictObject({
      report: z.literal('inventory'),
      /** 117.19(c): FGI kept apart from U.S. material, and separable by country. */
      fgi: z.enum(['all', 'only', 'exclude']).default('all'),
      country: trigraphSchema.optional(),
    }),
    z.strictObject({ report: z.literal('openReceipts') }),
    z.strictObject({ report: z.literal('visits'), ...dateRange }),
    z.strictObject({ report: z.literal('incidents'), from: isoDateSchema.optional(), to: isoDateSchema.optional() }),
    z.strictObject({ report: z.literal('annualInventory'), year: z.number().int().min(2000).max(2100) }),
  ])
  .superRefine((r, ctx) => {
    if ((r.report === 'visits' || r.report === 'incidents') && r.from !== undefined && r.to !== undefined && r.to < r.from) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'must not be before the start date' });
    }
    if (r.report === 'inventory' && r.country !== undefined && r.fgi === 'exclude') {
      ctx.addIssue({ code: 'custom', path: ['country'], message: 'a country of origin needs foreign government information included' });
    }
  });
export type ReportRequest = z.infer<typeof reportRequestSchema>;
export type ReportRequestInput = z.input<typeof reportRequestSchema>;

export const reportRowSchema = z.strictObject({
  /** The record the row comes from, so the screen can open it. */
  kind: z.enum(['receipt', 'visit', 'incident']),
  id: ulidSchema,
  /** Portion marking of the record, `(//DEU S)`. */
  marking: z.string(),
  /** One text per column, already in words. */
  cells: z.array(z.string()),
});
export type ReportRow = z.infer<typeof reportRowSchema>;

export const reportSectionSchema = z.strictObject({
  heading: z.string(),
  /** The banner of what this section shows (FGI of one country, one level). */
  marking: z.string(),
  rows: z.array(reportRowSchema),
});
export type ReportSection = z.infer<typeof reportSectionSchema>;

export const reportSchema = z.strictObject({
  report: z.enum(REPORT_NAMES),
  title: z.string(),
  /** The parameters in words, for the heading of a screen or printout. */
  parameters: z.string(),
  siteId: z.string(),
  generatedAt: isoTimestampSchema,
  /** The highest classification among the rows: the banner of the screen, printout and file. */
  classification: classificationSchema,
  marking: z.string(),
  columns: z.array(z.string()),
  sections: z.array(reportSectionSchema),
  rowCount: z.number().int(),
  /** More rows matched than MAX_REPORT_ROWS. */
  truncated: z.boolean(),
  /** Things a reader must know (a culpability column withheld from this role, joint FGI listed twice). */
  notes: z.array(z.string()),
});
export type Report = z.infer<typeof reportSchema>;

/** The level in one word for a file name (`SECRET`, `TOP-SECRET`, `CUI`), as a bundle's name carries it. */
export function fileLevelWord(c: Classification): string {
  return c.level === 'UNCLASSIFIED' && c.cui ? 'CUI' : c.level.replace(' ', '-');
}
