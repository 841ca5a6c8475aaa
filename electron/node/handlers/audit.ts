import type { auditMethods } from '../../common/contract/audit.js';
import { exportAuditCsv, listAuditTrail } from '../services/audit.js';
import type { HandlersFor } from './types.js';

export const auditHandlers: HandlersFor<keyof typeof auditMethods> = {
  'audit.list': (ctx, { offset, limit, ...filter }) => listAuditTrail(ctx, filter, { offset, limit }),
  'audit.exportCsv': (ctx, filter) => exportAuditCsv(ctx, filter),
};
