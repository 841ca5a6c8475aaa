import { auditHandlers } from './audit.js';
import { authHandlers } from './auth.js';
import { incidentHandlers } from './incidents.js';
import { overviewHandlers } from './overview.js';
import { receiptHandlers } from './receipts.js';
import { setupHandlers } from './setup.js';
import { syncHandlers } from './sync.js';
import { systemHandlers } from './system.js';
import { visitHandlers } from './visits.js';
import type { Handlers } from './types.js';

export const handlers: Handlers = {
  ...setupHandlers,
  ...systemHandlers,
  ...authHandlers,
  ...auditHandlers,
  ...receiptHandlers,
  ...visitHandlers,
  ...incidentHandlers,
  ...syncHandlers,
  ...overviewHandlers,
};
