// From an outgoing receipt whose signed receipt is overdue (or escalated), one action opens an
// incident already linked to it (DOMAIN.md: "overdue -> tracer sent -> escalated (can open a
// loss/compromise inquiry)").
import { UNCLASSIFIED, foreignOrigins } from '../../../common/classification/model.js';
import type { IncidentDraft, IncidentView } from '../../../common/incidents/model.js';
import { TRANSMISSION_LABELS } from '../../../common/receipts/model.js';
import { LedgerError } from '../../../common/result.js';
import { openIncidentsForReceipt } from '../../../../db/queries/incidents.js';
import type { HandlerContext } from '../../context.js';
import { loadReceipt } from '../receipts/store.js';
import { toView } from '../receipts/view.js';
import { createIncident } from './createIncident.js';

export interface OpenFromReceiptInput {
  receiptId: string;
  incidentNumber: string;
  reportedTo: string;
}

export function openFromReceipt(ctx: HandlerContext, input: OpenFromReceiptInput): IncidentView {
  const today = ctx.today();
  const receipt = toView(loadReceipt(ctx, input.receiptId), today, ctx.settings());
  if (receipt.direction !== 'outgoing' || !(receipt.overdue || receipt.status === 'escalated')) {
    const state = receipt.direction === 'outgoing' ? `${receipt.status.replace('_', ' ')}, suspense due ${receipt.suspenseDueOn ?? 'not set'}` : 'incoming';
    throw new LedgerError('INVALID_TRANSITION', `receipt ${receipt.controlNumber} is not an overdue or escalated outgoing receipt (${state})`, {
      details: { status: receipt.status, overdue: receipt.overdue },
    });
  }
  const open = openIncidentsForReceipt(ctx.db, receipt.id);
  if (open.length > 0) {
    throw new LedgerError('CONFLICT', `incident ${open[0]!.incidentNumber} is already linked to receipt ${receipt.controlNumber}`, {
      details: { incidentId: open[0]!.id },
    });
  }
  const origins = foreignOrigins(receipt.classification);
  const tracers = receipt.tracerDates.length > 0 ? ` Tracers sent ${receipt.tracerDates.join(', ')}.` : '';
  const escalated = receipt.escalation ? ` Escalated ${receipt.escalation.on}: ${receipt.escalation.reason}` : '';
  const draft: IncidentDraft = {
    incidentNumber: input.incidentNumber,
    unclassifiedTitle: `Signed receipt not returned: ${receipt.controlNumber}`.slice(0, 200),
    classification: receipt.classification,
    description: `Outgoing ${receipt.controlNumber} ("${receipt.unclassifiedTitle}") dispatched ${receipt.dispatchedOn ?? '?'} to ${receipt.addressee.organisation}; the signed receipt was due ${receipt.suspenseDueOn ?? '?'} and has not been returned.${tracers}${escalated}`.slice(0, 4000),
    location: `In transit to ${receipt.addressee.organisation} (${TRANSMISSION_LABELS[receipt.transmission]})`.slice(0, 500),
    occurredOn: null,
    discoveredOn: receipt.escalation?.on ?? today,
    reportedBy: ctx.requireSession().displayName,
    reportedTo: input.reportedTo === '' ? 'Facility Security Officer' : input.reportedTo,
    reportedOn: today,
    material: [
      {
        receiptId: receipt.id,
        description: receipt.unclassifiedTitle,
        classification: receipt.classification,
        originator: origins.length > 0 ? origins.join(', ') : receipt.sender.organisation,
        materialDate: receipt.materialDate,
        materialType: `Material under receipt ${receipt.controlNumber}`.slice(0, 100),
      },
    ],
    exposure: { from: receipt.dispatchedOn, to: null, circumstances: '' },
    unauthorisedPersons: [],
    classificationValidation: { validated: false, on: null, by: '', notes: '' },
    determination: null,
    correctiveActions: [],
    csaNotifiedOn: null,
    foreignGovernment: { involved: origins.length > 0, countries: origins, notifiedOn: null, notifiedVia: '' },
    foreignRelease: { classification: UNCLASSIFIED, circumstances: '', findings: '' },
    internalFindings: '',
    notes: `Opened from receipt ${receipt.controlNumber}.`,
  };
  return createIncident(ctx, draft);
}
