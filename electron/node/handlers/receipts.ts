import type { receiptMethods } from '../../common/contract/receipts.js';
import { entriesForEntity } from '../../../db/journal/read.js';
import { listReceipts } from '../../../db/queries/receipts.js';
import { createReceipt } from '../services/receipts/createReceipt.js';
import { loadReceipt } from '../services/receipts/store.js';
import { transitionReceipt } from '../services/receipts/transitionReceipt.js';
import { updateReceipt } from '../services/receipts/updateReceipt.js';
import { toView } from '../services/receipts/view.js';
import type { HandlersFor } from './types.js';

export const receiptHandlers: HandlersFor<keyof typeof receiptMethods> = {
  'receipts.create': (ctx, draft) => createReceipt(ctx, draft),
  'receipts.update': (ctx, input) => updateReceipt(ctx, input),
  'receipts.transition': (ctx, input) => transitionReceipt(ctx, input),
  'receipts.get': (ctx, { id }) => toView(loadReceipt(ctx, id), ctx.today(), ctx.settings()),
  'receipts.list': (ctx, query) => {
    const today = ctx.today();
    const settings = ctx.settings();
    const { items, total } = listReceipts(ctx.db, query, today);
    return { items: items.map((r) => toView(r, today, settings)), total, offset: query.offset };
  },
  'receipts.history': (ctx, { id }) => {
    loadReceipt(ctx, id);
    return entriesForEntity(ctx.db, id);
  },
};
