import { usLevelRank } from '../../../common/classification/model.js';
import { LedgerError, assertNever } from '../../../common/result.js';
import type { Trip, VisitRequest, VisitView } from '../../../common/visits/model.js';
import { VISIT_STATUS_LABELS, VISIT_TYPE_LABELS } from '../../../common/visits/model.js';
import { latestTripNotice } from '../../../common/visits/rules.js';
import type { VisitAction } from '../../../common/visits/transitions.js';
import { VISIT_TRANSITIONS, findVisitTransition } from '../../../common/visits/transitions.js';
import { visitorsOfRequest } from '../../../../db/queries/visits.js';
import type { HandlerContext } from '../../context.js';
import { assertNotFuture, refuse } from './rules.js';
import { loadVisitForChange } from './store.js';
import { toVisitView } from './view.js';

export interface VisitTransitionInput {
  id: string;
  expectedVersion: number;
  action: VisitAction;
}

/** Apply one workflow action: the status machine says whether it may happen, the rules below whether it makes sense. */
export function transitionVisit(ctx: HandlerContext, input: VisitTransitionInput): VisitView {
  const current = loadVisitForChange(ctx, input.id, input.expectedVersion);
  const { action } = input;
  const rule = findVisitTransition(current.type, current.status, action.type);
  if (!rule) {
    const types = VISIT_TRANSITIONS[action.type].types;
    const why =
      types && !types.includes(current.type)
        ? `only ${types.map((t) => VISIT_TYPE_LABELS[t].toLowerCase()).join(' and ')} visits allow this`
        : `not possible for a visit request that is ${VISIT_STATUS_LABELS[current.status].toLowerCase()}`;
    throw new LedgerError('INVALID_TRANSITION', `cannot ${action.type.replace('_', ' ')}: ${why}`, { details: { status: current.status, action: action.type } });
  }
  const today = ctx.today();
  const next: VisitRequest = { ...applyAction(ctx, current, action, today), version: current.version + 1, updatedAt: ctx.nowIso(), updatedBy: ctx.actor() };
  next.status = rule.to ?? current.status;
  ctx.record('visit', current.id, action.type, { record: next, action });
  return toVisitView(next, visitorsOfRequest(ctx.db, next.id), today, ctx.requireSession().roles);
}

function applyAction(ctx: HandlerContext, r: VisitRequest, action: VisitAction, today: string): VisitRequest {
  switch (action.type) {
    case 'approve': {
      assertDecisionDate(r, action.on, today);
      const d = action.disclosure;
      if (r.direction === 'incoming' && d === null) {
        refuse(['action', 'disclosure'], 'is required: state the level and scope of information authorised for disclosure, and its limits');
      }
      if (d !== null && usLevelRank(d.level) > usLevelRank(r.accessLevel)) {
        refuse(['action', 'disclosure', 'level'], `exceeds the level of access requested (${r.accessLevel})`);
      }
      if (d !== null && d.level !== 'UNCLASSIFIED' && r.securityAssurance === null) {
        throw new LedgerError('INVALID_TRANSITION', "record the sponsoring government's security assurance before approving classified access");
      }
      return { ...r, decision: { outcome: 'approved', on: action.on, reference: action.reference, reason: '' }, disclosure: d };
    }
    case 'deny':
    case 'non_sponsored':
      assertDecisionDate(r, action.on, today);
      return { ...r, decision: { outcome: action.type === 'deny' ? 'denied' : 'non_sponsored', on: action.on, reference: action.reference, reason: action.reason } };
    case 'record_assurance':
      assertNotFuture(action.assurance.on, today, ['action', 'assurance', 'on']);
      return { ...r, securityAssurance: action.assurance };
    case 'log_trip':
      assertTrip(r, action.trip, today);
      return { ...r, trips: [...r.trips, action.trip].sort((a, b) => (a.from < b.from ? -1 : 1)) };
    case 'cancel':
      assertNotFuture(action.on, today, ['action', 'on']);
      return { ...r, cancellation: { on: action.on, reason: action.reason } };
    case 'start':
      assertNotFuture(action.on, today, ['action', 'on']);
      if (action.on < r.startDate || action.on > r.endDate) refuse(['action', 'on'], `is outside the visit dates (${r.startDate} to ${r.endDate})`);
      return { ...r, startedOn: action.on };
    case 'complete': {
      assertNotFuture(action.on, today, ['action', 'on']);
      if (r.startedOn !== null && action.on < r.startedOn) refuse(['action', 'on'], `is before the visit started (${r.startedOn})`);
      const onSite = visitorsOfRequest(ctx.db, r.id).filter((v) => v.log.some((e) => e.departedAt === null));
      if (onSite.length > 0) {
        throw new LedgerError('INVALID_TRANSITION', `log the departure of ${onSite.map((v) => v.fullName).join(', ')} before completing the visit`);
      }
      return { ...r, completedOn: action.on };
    }
    case 'void':
      return { ...r, voidReason: action.reason };
    default:
      return assertNever(action, 'visit action');
  }
}

function assertDecisionDate(r: VisitRequest, on: string, today: string): void {
  assertNotFuture(on, today, ['action', 'on']);
  if (on < r.submittedOn) refuse(['action', 'on'], `is before the request was submitted (${r.submittedOn})`);
}

/** Recurring visits: each trip inside the approved dates, notified 5 working days ahead, not overlapping another. */
function assertTrip(r: VisitRequest, trip: Trip, today: string): void {
  if (trip.to < trip.from) refuse(['action', 'trip', 'to'], 'is before the start of the trip');
  if (trip.from < r.startDate || trip.to > r.endDate) refuse(['action', 'trip', 'from'], `falls outside the approved dates (${r.startDate} to ${r.endDate})`);
  assertNotFuture(trip.notifiedOn, today, ['action', 'trip', 'notifiedOn']);
  const latest = latestTripNotice(trip.from);
  if (trip.notifiedOn > latest) refuse(['action', 'trip', 'notifiedOn'], `is less than 5 working days before the trip: notify by ${latest}`);
  const overlap = r.trips.find((t) => t.from <= trip.to && trip.from <= t.to);
  if (overlap) refuse(['action', 'trip', 'from'], `overlaps the trip ${overlap.from} to ${overlap.to}`);
}
