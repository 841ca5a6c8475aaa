import { canonicalJson } from '../../../common/canonicalJson.js';
import { bannerMarking } from '../../../common/classification/index.js';
import type { Receipt, ReceiptDraft, ReceiptView } from '../../../common/receipts/model.js';
import { receiptDraftSchema } from '../../../common/receipts/model.js';
import { LedgerError } from '../../../common/result.js';
import type { HandlerContext } from '../../context.js';
import { toFieldIssues } from '../../zodIssues.js';
import { assertReceiptRules, isImproperReceipt } from './rules.js';
import { assertControlNumberFree, draftOf, loadForChange } from './store.js';
import { suspenseDaysFor, toView } from './view.js';
import { addDays } from '../../../common/primitives.js';

export interface UpdateInput {
  id: string;
  expectedVersion: number;
  changes: Partial<Omit<ReceiptDraft, 'direction'>>;
  reason: string;
}

const CLOSED = new Set(['void', 'archived']);

/**
 * Change fields of a receipt. The reason is kept in the journal; a change of classification is a
 * security-relevant event and is journalled as `reclassify` with the old and new markings.
 */
export function updateReceipt(ctx: HandlerContext, input: UpdateInput): ReceiptView {
  const current = loadForChange(ctx, input.id, input.expectedVersion);
  if (CLOSED.has(current.status)) {
    throw new LedgerError('INVALID_TRANSITION', `a ${current.status} receipt cannot be changed`);
  }
  const merged = receiptDraftSchema.safeParse({ ...draftOf(current), ...stripUndefined(input.changes) });
  if (!merged.success) {
    throw new LedgerError('INVALID_INPUT', 'the changed receipt is not valid', { issues: toFieldIssues(merged.error) });
  }
  const draft = merged.data;
  const before = draftOf(current);
  const changed = (Object.keys(draft) as (keyof ReceiptDraft)[]).filter((key) => canonicalJson(draft[key]) !== canonicalJson(before[key]));
  if (changed.length === 0) throw new LedgerError('INVALID_INPUT', 'nothing to change: every field already has that value');

  const today = ctx.today();
  assertReceiptRules(draft, ctx.site, today);
  if (changed.includes('controlNumber')) assertControlNumberFree(ctx, draft, current.id);

  const next: Receipt = {
    ...current,
    ...draft,
    improperReceipt: isImproperReceipt(draft),
    version: current.version + 1,
    updatedAt: ctx.nowIso(),
    updatedBy: ctx.actor(),
  };
  if (next.dispatchedOn !== null && changed.includes('international')) {
    next.suspenseDays = suspenseDaysFor(next, ctx.settings());
    next.suspenseDueOn = addDays(next.dispatchedOn, next.suspenseDays);
  }
  const reclassified = changed.includes('classification');
  ctx.record('receipt', current.id, reclassified ? 'reclassify' : 'update', {
    record: next,
    reason: input.reason,
    changed,
    ...(reclassified
      ? { securityRelevant: true, classificationChange: { from: bannerMarking(current.classification), to: bannerMarking(next.classification) } }
      : {}),
  });
  return toView(next, today, ctx.settings());
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
