// Runs a report by name. Reading a report and exporting one are audit entries, like reading and
// exporting the audit trail (services/audit.ts): records leave the screen through both.
import type { Report, ReportRequest } from '../../../common/reports/model.js';
import type { HandlerContext } from '../../context.js';
import { annualInventoryReport } from './annualInventory.js';
import { incidentsReport } from './incidentsReport.js';
import { inventoryReport } from './inventory.js';
import { openReceiptsReport } from './openReceipts.js';
import { reportCsv, reportFileName } from './reportCsv.js';
import type { ReportParts } from './reportTable.js';
import { buildReport } from './reportTable.js';
import { visitsReport } from './visitsReport.js';

function partsOf(ctx: HandlerContext, request: ReportRequest): ReportParts {
  switch (request.report) {
    case 'inventory':
      return inventoryReport(ctx, request);
    case 'openReceipts':
      return openReceiptsReport(ctx);
    case 'visits':
      return visitsReport(ctx, request);
    case 'incidents':
      return incidentsReport(ctx, request);
    case 'annualInventory':
      return annualInventoryReport(ctx, request);
    default: {
      const unknown: never = request;
      throw new Error(`unknown report ${JSON.stringify(unknown)}`);
    }
  }
}

/** The report without an audit entry: for callers that record their own (the CSV export). */
export function composeReport(ctx: HandlerContext, request: ReportRequest): Report {
  return buildReport(ctx, request.report, partsOf(ctx, request));
}

export function runReport(ctx: HandlerContext, request: ReportRequest): Report {
  const report = composeReport(ctx, request);
  ctx.record('session', ctx.requireSession().userId, 'report_read', { request, rows: report.rowCount, marking: report.marking, outcome: 'success' });
  return report;
}

export function exportReportCsv(ctx: HandlerContext, request: ReportRequest) {
  const report = composeReport(ctx, request);
  ctx.record('session', ctx.requireSession().userId, 'report_export', { request, format: 'csv', rows: report.rowCount, marking: report.marking, outcome: 'success' });
  return { fileName: reportFileName(report, ctx.today()), csv: reportCsv(report), rows: report.rowCount, marking: report.marking };
}
