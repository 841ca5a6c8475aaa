import { receiptHandlers } from './receipts.js';
import { systemHandlers } from './system.js';
import type { Handlers } from './types.js';

export const handlers: Handlers = {
  ...systemHandlers,
  ...receiptHandlers,
};
