// The small form of each visit action: the workflow steps (visits.transition, labelled as in
// VISIT_TRANSITIONS) and the per-visitor actions (log arrival, log departure, reveal identifiers).
// Input names are paths in the contract method's input.
import { US_LEVELS } from '../../../electron/common/classification/index.js';
import { isoDateSchema } from '../../../electron/common/primitives.js';
import type { VisitorView, VisitView } from '../../../electron/common/visits/model.js';
import { latestTripNotice } from '../../../electron/common/visits/rules.js';
import type { VisitActionType } from '../../../electron/common/visits/transitions.js';
import { VISIT_TRANSITIONS } from '../../../electron/common/visits/transitions.js';
import type { AnyFormSpec, SmallField } from './SmallForm.js';
import { defineForm } from './SmallForm.js';

const on = (label: string): SmallField => ({ name: 'action.on', label, kind: 'date', required: true });
const reference: SmallField = { name: 'action.reference', label: 'Reference', kind: 'text' };
const reason = (label: string): SmallField => ({ name: 'action.reason', label, kind: 'textarea', required: true });

const ACTION_FIELDS: Record<VisitActionType, readonly SmallField[]> = {
  approve: [
    on('Date approved'),
    reference,
    {
      name: 'action.disclosure.level',
      label: 'Level authorised for disclosure',
      kind: 'select',
      options: US_LEVELS.map((l) => ({ value: l, label: l })),
      hint: 'Required for incoming visits; at most the level of access requested.',
    },
    { name: 'action.disclosure.scope', label: 'Scope of information authorised for disclosure', kind: 'textarea', hint: 'Never shown to the visitor.' },
    { name: 'action.disclosure.limitations', label: 'Limitations', kind: 'textarea' },
  ],
  deny: [on('Date denied'), reference, reason('Reason for the denial')],
  non_sponsored: [on('Date declined as non-sponsored'), reference, reason('Reason given')],
  record_assurance: [
    { name: 'action.assurance.providedBy', label: 'Assurance provided by', kind: 'text', required: true },
    { name: 'action.assurance.on', label: 'Date of the assurance', kind: 'date', required: true },
    { name: 'action.assurance.reference', label: 'Assurance reference', kind: 'text' },
  ],
  log_trip: [
    {
      name: 'action.trip.from',
      label: 'First day of the trip',
      kind: 'date',
      required: true,
      hint: (v) => {
        const from = v['action.trip.from'] ?? '';
        return isoDateSchema.safeParse(from).success ? `Notify the host by ${latestTripNotice(from)} (5 working days ahead).` : 'Notify the host 5 working days ahead.';
      },
    },
    { name: 'action.trip.to', label: 'Last day of the trip', kind: 'date', required: true },
    { name: 'action.trip.notifiedOn', label: 'Date the host was notified', kind: 'date', required: true },
    { name: 'action.trip.purpose', label: 'Purpose of the trip', kind: 'text' },
  ],
  cancel: [on('Date cancelled'), reason('Reason for cancelling')],
  start: [on('Date the visit started')],
  complete: [on('Date the visit was completed')],
  void: [{ name: 'action.reason', label: 'Reason for voiding', kind: 'textarea', required: true }],
};

/** A disclosure left entirely blank is no disclosure (the core says whether one is needed). */
function blankDisclosureIsNull(input: Record<string, unknown>): Record<string, unknown> {
  const action = input.action as { disclosure?: { level?: unknown; scope?: unknown; limitations?: unknown } } | undefined;
  const d = action?.disclosure;
  if (action && d && d.level === undefined && d.scope === '' && d.limitations === '') (action as Record<string, unknown>).disclosure = null;
  return input;
}

export function visitActionForm(visit: VisitView, type: VisitActionType, done: (view: VisitView) => void | Promise<void>): AnyFormSpec {
  return defineForm({
    key: `visit-action-${type}`,
    title: VISIT_TRANSITIONS[type].label,
    method: 'visits.transition',
    fields: ACTION_FIELDS[type],
    fixed: { id: visit.id, expectedVersion: visit.version, 'action.type': type },
    intro: type === 'approve' ? 'The level and scope authorised for disclosure are never given to the visitor.' : undefined,
    adjust: type === 'approve' ? blankDisclosureIsNull : undefined,
    done,
  });
}

export type VisitorActionKind = 'arrival' | 'departure' | 'reveal';

export function visitorActionForm(kind: VisitorActionKind, visitor: VisitorView, done: (value: unknown) => void | Promise<void>): AnyFormSpec {
  const target = visitor.id;
  const who = visitor.fullName;
  switch (kind) {
    case 'arrival':
      return defineForm({
        key: 'visitor-arrival',
        title: `Log arrival: ${who}`,
        method: 'visits.logArrival',
        target,
        fixed: { visitorId: visitor.id, expectedVersion: visitor.version },
        fields: [
          { name: 'arrival.date', label: 'Date', kind: 'date', required: true },
          { name: 'arrival.arrivedAt', label: 'Time of arrival', kind: 'time', required: true, hint: '24-hour time, e.g. 08:30.' },
          { name: 'arrival.badgeNumber', label: 'Badge number', kind: 'text', required: true },
          { name: 'arrival.identityCheckedBy', label: 'Identity checked by', kind: 'text', required: true },
          { name: 'arrival.positiveIdentification', label: 'Positively identified against the passport or ID on the request', kind: 'check', required: true },
          { name: 'arrival.escort', label: 'Escort', kind: 'text' },
        ],
        done,
      });
    case 'departure':
      return defineForm({
        key: 'visitor-departure',
        title: `Log departure: ${who}`,
        method: 'visits.logDeparture',
        target,
        fixed: { visitorId: visitor.id, expectedVersion: visitor.version },
        fields: [
          { name: 'departure.date', label: 'Date', kind: 'date', required: true },
          { name: 'departure.departedAt', label: 'Time of departure', kind: 'time', required: true, hint: '24-hour time, e.g. 17:05.' },
          { name: 'departure.badgeReturned', label: 'Badge returned', kind: 'yesno', required: true },
        ],
        done,
      });
    case 'reveal':
      return defineForm({
        key: 'visitor-reveal',
        title: `Reveal identifiers: ${who}`,
        method: 'visits.revealVisitor',
        target,
        intro: 'The passport or ID number and date of birth are shown on this screen only. The reveal and your reason are recorded in the audit trail.',
        fixed: { visitorId: visitor.id },
        fields: [{ name: 'reason', label: 'Reason for revealing', kind: 'textarea', required: true }],
        done,
      });
  }
}
