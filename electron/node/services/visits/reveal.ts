import type { z } from 'zod';
import type { revealedVisitorSchema } from '../../../common/visits/model.js';
import type { HandlerContext } from '../../context.js';
import { loadVisitor } from './store.js';

/**
 * Show a visitor's passport/ID number and date of birth. The reveal is an audit event: it is
 * journalled with who, why and which fields, never the values themselves.
 */
export function revealVisitor(ctx: HandlerContext, visitorId: string, reason: string): z.infer<typeof revealedVisitorSchema> {
  const visitor = loadVisitor(ctx, visitorId);
  ctx.record('visitor', visitor.id, 'reveal_identifiers', {
    requestId: visitor.requestId,
    reason,
    fields: ['document.number', 'dateOfBirth'],
    securityRelevant: true,
  });
  return { visitorId: visitor.id, fullName: visitor.fullName, dateOfBirth: visitor.dateOfBirth, document: visitor.document };
}
