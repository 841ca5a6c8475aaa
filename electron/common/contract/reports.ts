import { z } from 'zod';
import { RECORD_READERS } from '../roles.js';
import { reportRequestSchema, reportSchema } from '../reports/model.js';
import { method } from './define.js';

/** Reports read records; each reading and each export is an audit entry like an audit-trail export. */
export const reportMethods = {
  'reports.run': method({
    summary: 'Run a report (inventory, open receipts, visits, incidents, annual TOP SECRET/NATO inventory); the read is audited',
    input: reportRequestSchema,
    output: reportSchema,
    access: RECORD_READERS,
  }),
  'reports.exportCsv': method({
    summary: 'Export a report as CSV (a marking column on every row, formula-looking cells neutralised); the export is audited',
    input: reportRequestSchema,
    output: z.strictObject({ fileName: z.string(), csv: z.string(), rows: z.number().int(), marking: z.string() }),
    access: RECORD_READERS,
  }),
} as const;
