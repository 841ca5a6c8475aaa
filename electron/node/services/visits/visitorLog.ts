// During the visit: positive identification, a daily arrival/departure log per visitor, a badge.
import type { z } from 'zod';
import { LedgerError } from '../../../common/result.js';
import type { arrivalSchema, departureSchema, Visitor, VisitorView } from '../../../common/visits/model.js';
import { VISIT_STATUS_LABELS } from '../../../common/visits/model.js';
import { visitorWearingBadge } from '../../../../db/queries/visits.js';
import type { HandlerContext } from '../../context.js';
import { assertNotFuture, refuse } from './rules.js';
import { loadVisit, loadVisitorForChange } from './store.js';
import { toVisitorView } from './view.js';

export interface ArrivalInput {
  visitorId: string;
  expectedVersion: number;
  arrival: z.infer<typeof arrivalSchema>;
}

export interface DepartureInput {
  visitorId: string;
  expectedVersion: number;
  departure: z.infer<typeof departureSchema>;
}

export function logArrival(ctx: HandlerContext, input: ArrivalInput): VisitorView {
  const visitor = loadVisitorForChange(ctx, input.visitorId, input.expectedVersion);
  const request = loadVisit(ctx, visitor.requestId);
  const { arrival } = input;
  if (visitor.status !== 'active') throw new LedgerError('INVALID_TRANSITION', `${visitor.fullName} was removed from the request in amendment ${visitor.removedInAmendment}`);
  if (request.status !== 'in_progress') {
    throw new LedgerError('INVALID_TRANSITION', `start the visit before logging arrivals (the request is ${VISIT_STATUS_LABELS[request.status].toLowerCase()})`);
  }
  const today = ctx.today();
  const path = ['arrival', 'date'];
  assertNotFuture(arrival.date, today, path);
  if (arrival.date < request.startDate || arrival.date > request.endDate) refuse(path, `is outside the visit dates (${request.startDate} to ${request.endDate})`);
  if (request.type === 'recurring' && !request.trips.some((t) => t.from <= arrival.date && arrival.date <= t.to)) {
    refuse(path, 'is not within a logged trip of this recurring visit: log the trip first');
  }
  const open = visitor.log.find((e) => e.departedAt === null);
  if (open) throw new LedgerError('INVALID_TRANSITION', `${visitor.fullName} arrived on ${open.date} at ${open.arrivedAt} and has no departure logged`);
  const lastThatDay = visitor.log.filter((e) => e.date === arrival.date).at(-1);
  if (lastThatDay?.departedAt && arrival.arrivedAt < lastThatDay.departedAt) {
    refuse(['arrival', 'arrivedAt'], `is before the last departure that day (${lastThatDay.departedAt})`);
  }
  const wearer = visitorWearingBadge(ctx.db, ctx.site.siteId, arrival.badgeNumber);
  if (wearer !== undefined) {
    throw new LedgerError('CONFLICT', `badge ${arrival.badgeNumber} is worn by another visitor on site`, {
      issues: [{ path: ['arrival', 'badgeNumber'], message: 'is worn by another visitor on site' }],
    });
  }
  const next: Visitor = {
    ...visitor,
    log: [
      ...visitor.log,
      {
        date: arrival.date,
        arrivedAt: arrival.arrivedAt,
        departedAt: null,
        badgeNumber: arrival.badgeNumber,
        identityCheckedBy: arrival.identityCheckedBy,
        escort: arrival.escort,
        badgeReturned: null,
      },
    ],
    version: visitor.version + 1,
    updatedAt: ctx.nowIso(),
    updatedBy: ctx.actor(),
  };
  ctx.record('visitor', visitor.id, 'arrival', { record: next, requestId: request.id });
  return toVisitorView(next, request);
}

export function logDeparture(ctx: HandlerContext, input: DepartureInput): VisitorView {
  const visitor = loadVisitorForChange(ctx, input.visitorId, input.expectedVersion);
  const request = loadVisit(ctx, visitor.requestId);
  const { departure } = input;
  const index = visitor.log.findIndex((e) => e.departedAt === null);
  const open = visitor.log[index];
  if (!open) throw new LedgerError('INVALID_TRANSITION', `${visitor.fullName} has no arrival without a departure`);
  assertNotFuture(departure.date, ctx.today(), ['departure', 'date']);
  if (departure.date !== open.date) refuse(['departure', 'date'], `must be the day of the arrival (${open.date}): the log is kept per day`);
  if (departure.departedAt < open.arrivedAt) refuse(['departure', 'departedAt'], `is before the arrival (${open.arrivedAt})`);
  const log = visitor.log.map((e, i) => (i === index ? { ...e, departedAt: departure.departedAt, badgeReturned: departure.badgeReturned } : e));
  const next: Visitor = { ...visitor, log, version: visitor.version + 1, updatedAt: ctx.nowIso(), updatedBy: ctx.actor() };
  ctx.record('visitor', visitor.id, 'departure', { record: next, requestId: request.id });
  return toVisitorView(next, request);
}
