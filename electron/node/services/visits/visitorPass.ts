import { LedgerError } from '../../../common/result.js';
import type { VisitorPass } from '../../../common/visits/model.js';
import { VISIT_STATUS_LABELS } from '../../../common/visits/model.js';
import type { HandlerContext } from '../../context.js';
import { loadVisit, loadVisitor } from './store.js';
import { toVisitorPass } from './view.js';

const VISIT_MAY_TAKE_PLACE = new Set(['approved', 'denied', 'non_sponsored', 'in_progress']);

/** A pass for a visitor still named on a visit that may take place. */
export function visitorPass(ctx: HandlerContext, visitorId: string): VisitorPass {
  const visitor = loadVisitor(ctx, visitorId);
  const request = loadVisit(ctx, visitor.requestId);
  if (visitor.status !== 'active') throw new LedgerError('INVALID_TRANSITION', `${visitor.fullName} is no longer named on the request`);
  if (!VISIT_MAY_TAKE_PLACE.has(request.status)) {
    throw new LedgerError('INVALID_TRANSITION', `no pass for a visit request that is ${VISIT_STATUS_LABELS[request.status].toLowerCase()}`);
  }
  return toVisitorPass(visitor, request, ctx.today());
}
