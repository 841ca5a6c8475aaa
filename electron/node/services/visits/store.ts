import { LedgerError } from '../../../common/result.js';
import type { Visitor, VisitRequest } from '../../../common/visits/model.js';
import { findLiveVisitByNumber, getVisitor, getVisitRequest } from '../../../../db/queries/visits.js';
import type { HandlerContext } from '../../context.js';

export function loadVisit(ctx: HandlerContext, id: string): VisitRequest {
  const request = getVisitRequest(ctx.db, id);
  if (!request) throw new LedgerError('NOT_FOUND', `no visit request with id ${id}`);
  return request;
}

function assertOwnSite(ctx: HandlerContext, siteId: string, what: string): void {
  if (siteId !== ctx.site.siteId) throw new LedgerError('FORBIDDEN', `${what} belongs to site ${siteId}: only its origin site changes it`);
}

/** Load for a change: the caller must have seen the current version (no lost updates). */
export function loadVisitForChange(ctx: HandlerContext, id: string, expectedVersion: number): VisitRequest {
  const request = loadVisit(ctx, id);
  assertOwnSite(ctx, request.siteId, `visit request ${request.requestNumber}`);
  if (request.version !== expectedVersion) {
    throw new LedgerError('CONFLICT', `visit request ${request.requestNumber} was changed by someone else (version ${request.version}, you had ${expectedVersion}): reload it`, {
      details: { currentVersion: request.version },
    });
  }
  return request;
}

export function loadVisitor(ctx: HandlerContext, id: string): Visitor {
  const visitor = getVisitor(ctx.db, id);
  if (!visitor) throw new LedgerError('NOT_FOUND', `no visitor with id ${id}`);
  return visitor;
}

export function loadVisitorForChange(ctx: HandlerContext, id: string, expectedVersion: number): Visitor {
  const visitor = loadVisitor(ctx, id);
  assertOwnSite(ctx, visitor.siteId, `visitor ${visitor.fullName}`);
  if (visitor.version !== expectedVersion) {
    throw new LedgerError('CONFLICT', `visitor ${visitor.fullName} was changed by someone else (version ${visitor.version}, you had ${expectedVersion}): reload it`, {
      details: { currentVersion: visitor.version },
    });
  }
  return visitor;
}

export function assertRequestNumberFree(ctx: HandlerContext, direction: string, requestNumber: string): void {
  if (findLiveVisitByNumber(ctx.db, ctx.site.siteId, direction, requestNumber) !== undefined) {
    throw new LedgerError('CONFLICT', `request number ${requestNumber} is already used by another ${direction} visit request`, {
      issues: [{ path: ['requestNumber'], message: 'is already used by another visit request' }],
    });
  }
}

/** Several journal entries (a request and its visitors) committed together or not at all. */
export function inOneTransaction<T>(ctx: HandlerContext, work: () => T): T {
  return ctx.db.transaction(work).immediate();
}
