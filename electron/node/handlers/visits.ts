import type { visitMethods } from '../../common/contract/visits.js';
import { listVisits, visitorCounts, visitorsOfRequest } from '../../../db/queries/visits.js';
import { amendVisit } from '../services/visits/amendVisit.js';
import { createVisit } from '../services/visits/createVisit.js';
import { visitHistory } from '../services/visits/history.js';
import { revealVisitor } from '../services/visits/reveal.js';
import { loadVisit } from '../services/visits/store.js';
import { transitionVisit } from '../services/visits/transitionVisit.js';
import { logArrival, logDeparture } from '../services/visits/visitorLog.js';
import { toVisitListItem, toVisitView } from '../services/visits/view.js';
import { visitorPass } from '../services/visits/visitorPass.js';
import type { HandlersFor } from './types.js';

export const visitHandlers: HandlersFor<keyof typeof visitMethods> = {
  'visits.create': (ctx, input) => createVisit(ctx, input),
  'visits.amend': (ctx, input) => amendVisit(ctx, input),
  'visits.transition': (ctx, input) => transitionVisit(ctx, input),
  'visits.get': (ctx, { id }) => {
    const request = loadVisit(ctx, id);
    return toVisitView(request, visitorsOfRequest(ctx.db, id), ctx.today(), ctx.requireSession().roles);
  },
  'visits.list': (ctx, query) => {
    const today = ctx.today();
    const { items, total } = listVisits(ctx.db, query, today);
    const counts = visitorCounts(ctx.db, items.map((r) => r.id));
    const roles = ctx.requireSession().roles;
    return { items: items.map((r) => toVisitListItem(r, counts.get(r.id) ?? { active: 0, onSite: 0 }, today, roles)), total, offset: query.offset };
  },
  'visits.history': (ctx, { id }) => visitHistory(ctx, id),
  'visits.logArrival': (ctx, input) => logArrival(ctx, input),
  'visits.logDeparture': (ctx, input) => logDeparture(ctx, input),
  'visits.revealVisitor': (ctx, { visitorId, reason }) => revealVisitor(ctx, visitorId, reason),
  'visits.visitorPass': (ctx, { visitorId }) => visitorPass(ctx, visitorId),
};
