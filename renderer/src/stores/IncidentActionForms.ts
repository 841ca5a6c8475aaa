// The small forms of an incident: the steps of 117.8(d) (incidents.transition, labelled as in
// INCIDENT_TRANSITIONS), the changes the inquiry and investigation record (incidents.update,
// with a reason), personnel matters (incidents.personnel, security officer only) and the audited
// reveal of an identifier. Input names are paths in the contract method's input.
import type { IncidentView } from '../../../electron/common/incidents/model.js';
import { CULPABILITIES, CULPABILITY_LABELS, DETERMINATIONS, DETERMINATION_LABELS, IDENTIFIER_TYPES } from '../../../electron/common/incidents/model.js';
import type { IncidentActionType } from '../../../electron/common/incidents/transitions.js';
import { INCIDENT_TRANSITIONS } from '../../../electron/common/incidents/transitions.js';
import type { AnyFormSpec, SmallField } from './SmallForm.js';
import { defineForm } from './SmallForm.js';

type Done = (view: IncidentView) => void | Promise<void>;

export const IDENTIFIER_LABELS: Record<(typeof IDENTIFIER_TYPES)[number], string> = {
  ssn: 'Social Security number',
  employee_id: 'Employee number',
  passport: 'Passport number',
  other: 'Other identifier',
};

const options = <T extends string>(values: readonly T[], labels: Record<T, string>) => values.map((value) => ({ value, label: labels[value] }));
const REASON: SmallField = { name: 'reason', label: 'Reason for the change', kind: 'textarea', required: true, hint: 'Recorded in the audit trail with the change.' };
const on = (label: string): SmallField => ({ name: 'action.on', label, kind: 'date', required: true });

const STEP_FIELDS: Record<IncidentActionType, readonly SmallField[]> = {
  begin_inquiry: [on('Date the inquiry began')],
  submit_initial_report: [on('Date reported to the CSA')],
  discount: [on('Date of the determination'), { name: 'action.reasons', label: 'Why compromise can be discounted', kind: 'textarea', required: true }],
  begin_investigation: [on('Date the investigation began')],
  submit_final_report: [on('Date of the final report to the CSA')],
  csa_review: [on('Date the CSA review began'), { name: 'action.reference', label: 'CSA reference', kind: 'text' }],
  close: [on('Date closed'), { name: 'action.csaDetermination', label: "The CSA's determination", kind: 'textarea', required: true }],
  void: [{ name: 'action.reason', label: 'Reason for voiding', kind: 'textarea', required: true }],
};

export function incidentStepForm(incident: IncidentView, type: IncidentActionType, done: Done): AnyFormSpec {
  return defineForm({
    key: `incident-step-${type}`,
    title: INCIDENT_TRANSITIONS[type].label,
    method: 'incidents.transition',
    fields: STEP_FIELDS[type],
    fixed: { id: incident.id, expectedVersion: incident.version, 'action.type': type },
    done,
  });
}

export const INCIDENT_UPDATES = {
  validation: 'Record classification validation',
  determination: 'Record determination',
  findings: 'Edit findings',
  notifications: 'Record notifications',
  corrective: 'Add corrective action',
} as const;
export type IncidentUpdateKind = keyof typeof INCIDENT_UPDATES;

export function incidentUpdateForm(i: IncidentView, kind: IncidentUpdateKind, today: string, done: Done): AnyFormSpec {
  const base = { key: `incident-update-${kind}`, title: INCIDENT_UPDATES[kind], method: 'incidents.update' as const, fixed: { id: i.id, expectedVersion: i.version }, done };
  const n = i.correctiveActions.length;
  switch (kind) {
    case 'validation':
      return defineForm({
        ...base,
        intro: 'The preliminary inquiry validates the classification of the material involved.',
        fields: [
          { name: 'changes.classificationValidation.validated', label: 'The classification of the material was validated', kind: 'check' },
          { name: 'changes.classificationValidation.on', label: 'Date validated', kind: 'optionalDate' },
          { name: 'changes.classificationValidation.by', label: 'Validated by', kind: 'text' },
          { name: 'changes.classificationValidation.notes', label: 'Validation notes', kind: 'textarea' },
          REASON,
        ],
        initial: {
          'changes.classificationValidation.validated': i.classificationValidation.validated ? 'true' : '',
          'changes.classificationValidation.on': i.classificationValidation.on ?? today,
          'changes.classificationValidation.by': i.classificationValidation.by,
          'changes.classificationValidation.notes': i.classificationValidation.notes,
        },
      });
    case 'determination':
      return defineForm({
        ...base,
        fields: [
          { name: 'changes.determination.outcome', label: 'Determination', kind: 'select', required: true, options: options(DETERMINATIONS, DETERMINATION_LABELS) },
          { name: 'changes.determination.reasons', label: 'Reasons for the determination', kind: 'textarea', required: true },
          { name: 'changes.determination.on', label: 'Date of the determination', kind: 'date', required: true },
          REASON,
        ],
        initial: i.determination
          ? { 'changes.determination.outcome': i.determination.outcome, 'changes.determination.reasons': i.determination.reasons, 'changes.determination.on': i.determination.on }
          : {},
      });
    case 'findings':
      return defineForm({
        ...base,
        intro: 'Only the releasable circumstances and findings ever go to the foreign government (32 CFR 2001.48(b)); internal findings, such as weaknesses of the security system, stay here.',
        fields: [
          { name: 'changes.internalFindings', label: 'Internal findings (never released)', kind: 'textarea' },
          { name: 'changes.foreignRelease.circumstances', label: 'Circumstances releasable to the foreign government', kind: 'textarea' },
          { name: 'changes.foreignRelease.findings', label: 'Findings releasable to the foreign government', kind: 'textarea' },
          REASON,
        ],
        initial: {
          'changes.internalFindings': i.internalFindings,
          'changes.foreignRelease.circumstances': i.foreignRelease.circumstances,
          'changes.foreignRelease.findings': i.foreignRelease.findings,
        },
        adjust: (input) => {
          const changes = input.changes as { foreignRelease: Record<string, unknown> };
          changes.foreignRelease.classification = i.foreignRelease.classification;
          return input;
        },
      });
    case 'notifications':
      return defineForm({
        ...base,
        fields: [
          { name: 'changes.csaNotifiedOn', label: 'Date the CSA was notified', kind: 'optionalDate' },
          ...(i.foreignGovernment.involved
            ? [
                { name: 'changes.foreignGovernment.notifiedOn', label: 'Date the foreign government was notified', kind: 'optionalDate' as const },
                { name: 'changes.foreignGovernment.notifiedVia', label: 'Foreign government notified through', kind: 'text' as const },
              ]
            : []),
          REASON,
        ],
        initial: {
          'changes.csaNotifiedOn': i.csaNotifiedOn ?? '',
          'changes.foreignGovernment.notifiedOn': i.foreignGovernment.notifiedOn ?? '',
          'changes.foreignGovernment.notifiedVia': i.foreignGovernment.notifiedVia,
        },
        adjust: (input) => {
          const changes = input.changes as { foreignGovernment?: Record<string, unknown> };
          if (changes.foreignGovernment) Object.assign(changes.foreignGovernment, { involved: true, countries: i.foreignGovernment.countries });
          return input;
        },
      });
    case 'corrective':
      return defineForm({
        ...base,
        fields: [
          { name: `changes.correctiveActions.${n}.description`, label: 'Corrective action', kind: 'textarea', required: true },
          { name: `changes.correctiveActions.${n}.dueOn`, label: 'Due by', kind: 'optionalDate' },
          { name: `changes.correctiveActions.${n}.completedOn`, label: 'Completed on', kind: 'optionalDate' },
          REASON,
        ],
        // The new action goes after the ones recorded (the inputs build it at index n).
        adjust: (input) => {
          const changes = input.changes as Record<string, unknown>;
          const typed = changes.correctiveActions as Record<string, unknown>;
          changes.correctiveActions = [...i.correctiveActions, typed[String(n)]];
          return input;
        },
      });
  }
}

export type PersonnelKind = 'name' | 'culpability' | 'disciplinary' | 'remove' | 'reveal';

export function personnelForm(i: IncidentView, kind: PersonnelKind, person: { id: string; name: string; culpability: string; culpabilityNotes: string } | null, done: (value: unknown) => void | Promise<void>): AnyFormSpec {
  const fixed = { id: i.id, expectedVersion: i.version };
  const target = person?.id ?? null;
  const who = person?.name ?? '';
  const culpability: SmallField = { name: 'change.person.culpability', label: 'Culpability', kind: 'select', options: options(CULPABILITIES, CULPABILITY_LABELS) };
  switch (kind) {
    case 'name':
      return defineForm({
        key: 'personnel-name',
        title: 'Name a responsible individual',
        method: 'incidents.personnel',
        target: 'personnel',
        fixed: { ...fixed, 'change.op': 'name_person' },
        intro: 'The identifier is shown masked after saving, and matched against earlier incidents to reveal patterns (117.8(e)).',
        fields: [
          { name: 'change.person.name', label: 'Name', kind: 'text', required: true },
          { name: 'change.person.identifierType', label: 'Identifier type', kind: 'select', required: true, options: options(IDENTIFIER_TYPES, IDENTIFIER_LABELS) },
          { name: 'change.person.identifier', label: 'Identifier', kind: 'text', required: true },
          culpability,
          { name: 'change.person.culpabilityNotes', label: 'Culpability notes', kind: 'textarea' },
          REASON,
        ],
        initial: { 'change.person.culpability': 'undetermined', 'change.person.identifierType': 'ssn' },
        done,
      });
    case 'culpability':
      return defineForm({
        key: 'personnel-culpability',
        title: `Determine culpability: ${who}`,
        method: 'incidents.personnel',
        target,
        fixed: { ...fixed, 'change.op': 'update_person', 'change.personId': person?.id },
        fields: [{ ...culpability, name: 'change.changes.culpability', required: true }, { name: 'change.changes.culpabilityNotes', label: 'Culpability notes', kind: 'textarea' }, REASON],
        initial: { 'change.changes.culpability': person?.culpability ?? '', 'change.changes.culpabilityNotes': person?.culpabilityNotes ?? '' },
        done,
      });
    case 'disciplinary':
      return defineForm({
        key: 'personnel-disciplinary',
        title: `Record disciplinary action: ${who}`,
        method: 'incidents.personnel',
        target,
        fixed: { ...fixed, 'change.op': 'disciplinary_action', 'change.personId': person?.id },
        fields: [{ name: 'change.action', label: 'Disciplinary action', kind: 'textarea', required: true }, { name: 'change.on', label: 'Date', kind: 'date', required: true }, REASON],
        done,
      });
    case 'remove':
      return defineForm({
        key: 'personnel-remove',
        title: `Remove (named in error): ${who}`,
        method: 'incidents.personnel',
        target,
        fixed: { ...fixed, 'change.op': 'remove_person', 'change.personId': person?.id },
        fields: [REASON],
        done,
      });
    case 'reveal':
      return defineForm({
        key: 'personnel-reveal',
        title: `Reveal identifier: ${who}`,
        method: 'incidents.revealIdentifier',
        target,
        intro: 'The full identifier is shown on this screen only. The reveal and your reason are recorded in the audit trail.',
        fixed: { id: i.id, personId: person?.id },
        fields: [{ name: 'reason', label: 'Reason for revealing', kind: 'textarea', required: true }],
        done,
      });
  }
}

export function openFromReceiptForm(receiptId: string, done: Done): AnyFormSpec {
  return defineForm({
    key: 'open-incident',
    title: 'Open incident',
    method: 'incidents.openFromReceipt',
    target: receiptId,
    intro: 'Opens a loss/compromise incident already linked to this receipt, with the facts of its suspense, tracers and escalation.',
    fixed: { receiptId },
    fields: [
      { name: 'incidentNumber', label: 'Incident number', kind: 'text', hint: 'Left blank, the ledger numbers it INC-<year>-<nnnn>.' },
      { name: 'reportedTo', label: 'Reported to', kind: 'text', hint: 'Left blank: Facility Security Officer.' },
    ],
    done,
  });
}
