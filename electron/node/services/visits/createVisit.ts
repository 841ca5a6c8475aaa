import type { VisitCreateInput } from '../../../common/contract/visits.js';
import type { Visitor, VisitRequest, VisitView } from '../../../common/visits/model.js';
import type { HandlerContext } from '../../context.js';
import { assertNoIssues, duplicateDocumentIssues, requestIssues, visitorCountIssues, visitorIssues } from './rules.js';
import { assertRequestNumberFree, inOneTransaction } from './store.js';
import { toVisitView } from './view.js';

/** Record a visit request and its visitors: one journal entry each, committed together. */
export function createVisit(ctx: HandlerContext, input: VisitCreateInput): VisitView {
  const today = ctx.today();
  const { visitors, ...draft } = input;
  assertNoIssues(
    [
      ...requestIssues(draft, today),
      ...visitorCountIssues(visitors.length, ['visitors']),
      ...visitors.flatMap((v, i) => visitorIssues(v, draft.accessLevel, today, ['visitors', i])),
      ...duplicateDocumentIssues(visitors, (i) => ['visitors', i]),
    ],
    'invalid visit request',
  );
  assertRequestNumberFree(ctx, draft.direction, draft.requestNumber);

  const now = ctx.nowIso();
  const actor = ctx.actor();
  const stamp = { createdAt: now, createdBy: actor, updatedAt: now, updatedBy: actor };
  const request: VisitRequest = {
    ...draft,
    id: ctx.newId(),
    siteId: ctx.site.siteId,
    status: 'requested',
    version: 1,
    amendmentNumber: 0,
    amendments: [],
    decision: null,
    disclosure: null,
    trips: [],
    cancellation: null,
    startedOn: null,
    completedOn: null,
    voidReason: '',
    ...stamp,
  };
  const records: Visitor[] = visitors.map((v) => ({
    ...v,
    id: ctx.newId(),
    siteId: ctx.site.siteId,
    requestId: request.id,
    status: 'active',
    version: 1,
    addedInAmendment: 0,
    removedInAmendment: null,
    log: [],
    ...stamp,
  }));
  inOneTransaction(ctx, () => {
    ctx.record('visit', request.id, 'create', { record: request });
    for (const visitor of records) ctx.record('visitor', visitor.id, 'create', { record: visitor, requestId: request.id });
  });
  return toVisitView(request, records, today, ctx.requireSession().roles);
}
