import type { Receipt, ReceiptDraft, ReceiptView } from '../../../common/receipts/model.js';
import { INITIAL_STATUS } from '../../../common/receipts/transitions.js';
import type { HandlerContext } from '../../context.js';
import { assertReceiptRules, isImproperReceipt } from './rules.js';
import { assertControlNumberFree } from './store.js';
import { toView } from './view.js';

export function createReceipt(ctx: HandlerContext, draft: ReceiptDraft): ReceiptView {
  const today = ctx.today();
  assertReceiptRules(draft, ctx.site, today);
  assertControlNumberFree(ctx, draft);
  const now = ctx.nowIso();
  const actor = ctx.actor();
  const receipt: Receipt = {
    ...draft,
    id: ctx.newId(),
    siteId: ctx.site.siteId,
    status: INITIAL_STATUS[draft.direction],
    version: 1,
    dispatchedOn: null,
    suspenseDays: null,
    suspenseDueOn: null,
    tracerDates: [],
    escalation: null,
    receiptSignedBy: '',
    receiptReturnedOn: null,
    inspection: null,
    improperReceipt: isImproperReceipt(draft),
    improperReceiptReportedOn: null,
    reproductions: [],
    inventoriedOn: [],
    transfer: null,
    destruction: null,
    voidReason: '',
    createdAt: now,
    createdBy: actor,
    updatedAt: now,
    updatedBy: actor,
  };
  ctx.record('receipt', receipt.id, 'create', { record: receipt });
  return toView(receipt, today, ctx.settings());
}
