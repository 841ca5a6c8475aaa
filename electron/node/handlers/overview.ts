import type { dashboardMethods } from '../../common/contract/dashboard.js';
import type { reportMethods } from '../../common/contract/reports.js';
import type { searchMethods } from '../../common/contract/search.js';
import { dashboard } from '../services/dashboard.js';
import { exportReportCsv, runReport } from '../services/reports/runReport.js';
import { searchRecords } from '../services/search.js';
import type { HandlersFor } from './types.js';

/** The overview methods: dashboard, reports and search read across record kinds. */
export const overviewHandlers: HandlersFor<keyof typeof dashboardMethods | keyof typeof reportMethods | keyof typeof searchMethods> = {
  'dashboard.get': (ctx) => dashboard(ctx),
  'reports.run': (ctx, request) => runReport(ctx, request),
  'reports.exportCsv': (ctx, request) => exportReportCsv(ctx, request),
  'search.records': (ctx, input) => searchRecords(ctx, input),
};
