// The new-request form's values (strings, one key per field, named by the field's path in
// visitCreateSchema so zod's and the core's issues land on the right input), the labels, and
// the conversion to the input the core takes. Type-specific fields go out only for their type.
import type { VisitType } from '../../../electron/common/visits/model.js';
import type { VisitorValues } from './VisitorValues.js';
import { visitorInput, visitorKeys, visitorLabel } from './VisitorValues.js';

export const REQUEST_LABELS = {
  direction: 'Direction',
  type: 'Type of visit',
  requestNumber: 'Request number',
  unclassifiedTitle: 'Unclassified short title',
  'classification.cui': 'Controlled unclassified information (CUI)',
  country: 'Foreign government concerned',
  natoVisit: 'NATO visit',
  'requester.government': 'Requesting government',
  'requester.agency': 'Requesting agency',
  'requester.company': 'Requesting company',
  startDate: 'First day of the visit',
  endDate: 'Last day of the visit',
  submittedOn: 'Date submitted',
  hostLeadTimeWorkingDays: "Host country's lead time (working days)",
  'authority.program': 'Program',
  'authority.contractNumber': 'Contract number',
  'authority.fmsCase': 'FMS case',
  'authority.exportLicence': 'Export licence',
  purpose: 'Purpose and justification',
  accessLevel: 'Level of access requested',
  assurance: 'Security assurance received from the sponsoring government',
  'securityAssurance.providedBy': 'Assurance provided by',
  'securityAssurance.on': 'Date of the assurance',
  'securityAssurance.reference': 'Assurance reference',
  technologyControlPlanRef: 'Technology Control Plan reference',
  personVisited: 'Person visited',
  foreignGovernmentPoc: 'Foreign-government point of contact',
  emergencyJustification: 'Why the visit cannot wait (justification)',
  host: 'Host',
  escort: 'Escort',
  notes: 'Notes',
} as const;

export type RequestField = keyof typeof REQUEST_LABELS;
export type RequestValues = Record<RequestField, string>;

export const FACILITY_FIELDS = ['name', 'address', 'pointOfContact', 'securityOfficer'] as const;
export type FacilityValues = Record<(typeof FACILITY_FIELDS)[number], string>;
export const FACILITY_LABELS: Record<(typeof FACILITY_FIELDS)[number], string> = {
  name: 'Facility name',
  address: 'Facility address',
  pointOfContact: 'Facility point of contact',
  securityOfficer: 'Facility security officer',
};

export function emptyRequest(today: string): RequestValues {
  const values = Object.fromEntries(Object.keys(REQUEST_LABELS).map((k) => [k, ''])) as RequestValues;
  return { ...values, direction: 'incoming', 'classification.cui': 'true', submittedOn: today };
}

export function emptyFacility(): FacilityValues {
  return { name: '', address: '', pointOfContact: '', securityOfficer: '' };
}

/** The fields this request shows, in form order, given its direction and type. */
export function shownRequestFields(v: RequestValues): RequestField[] {
  const type = v.type as VisitType | '';
  const fields: RequestField[] = ['direction', 'type', 'requestNumber', 'unclassifiedTitle', 'classification.cui', 'country', 'natoVisit'];
  fields.push('requester.government', 'requester.agency', 'requester.company', 'startDate', 'endDate', 'submittedOn');
  if (v.direction === 'outgoing') fields.push('hostLeadTimeWorkingDays');
  fields.push('authority.program', 'authority.contractNumber', 'authority.fmsCase', 'authority.exportLicence', 'purpose', 'accessLevel', 'assurance');
  if (v.assurance === 'true') fields.push('securityAssurance.providedBy', 'securityAssurance.on', 'securityAssurance.reference');
  if (type === 'long_term') fields.push('technologyControlPlanRef');
  if (type === 'emergency') fields.push('personVisited', 'foreignGovernmentPoc', 'emergencyJustification');
  fields.push('host', 'escort', 'notes');
  return fields;
}

/** Every field key in form order: request fields with the facilities after the requester, visitors last. */
export function orderedKeys(v: RequestValues, facilities: number, visitors: number): string[] {
  const keys: string[] = [];
  for (const field of shownRequestFields(v)) {
    if (field === 'startDate') {
      keys.push('facilities');
      for (let i = 0; i < facilities; i++) keys.push(`facilities.${i}`, ...FACILITY_FIELDS.map((f) => `facilities.${i}.${f}`));
    }
    keys.push(field);
    if (field === 'assurance') keys.push('securityAssurance');
  }
  keys.push(...visitorKeys('visitors', visitors));
  return keys;
}

export function requestKeyLabel(key: string): string {
  if (key in REQUEST_LABELS) return REQUEST_LABELS[key as RequestField];
  if (key === 'facilities') return 'Facilities visited';
  if (key === 'securityAssurance') return 'Security assurance';
  if (key === 'visitors') return 'Visitors';
  const facility = /^facilities\.(\d+)(?:\.(\w+))?$/.exec(key);
  if (facility) {
    const n = Number(facility[1]) + 1;
    const field = facility[2] as keyof FacilityValues | undefined;
    return field ? `Facility ${n} ${FACILITY_LABELS[field].replace('Facility ', '')}` : `Facility ${n}`;
  }
  return visitorLabel('visitors', key) ?? key;
}

const upper = (value: string) => value.trim().toUpperCase();

/** What visitCreateSchema.safeParse receives: the same object the core will check. */
export function requestInput(v: RequestValues, facilities: readonly FacilityValues[], visitors: readonly VisitorValues[]): Record<string, unknown> {
  const shown = new Set(shownRequestFields(v));
  const only = (field: RequestField, value: unknown, otherwise: unknown) => (shown.has(field) ? value : otherwise);
  const lead = v.hostLeadTimeWorkingDays.trim();
  return {
    direction: v.direction,
    type: v.type || undefined,
    requestNumber: v.requestNumber,
    unclassifiedTitle: v.unclassifiedTitle,
    classification: { level: 'UNCLASSIFIED', cui: v['classification.cui'] === 'true' },
    country: upper(v.country),
    natoVisit: v.natoVisit === 'true',
    requester: { government: v['requester.government'], agency: v['requester.agency'], company: v['requester.company'] },
    facilities: facilities.map((f) => ({ ...f })),
    startDate: v.startDate,
    endDate: v.endDate,
    authority: {
      program: v['authority.program'],
      contractNumber: v['authority.contractNumber'],
      fmsCase: v['authority.fmsCase'],
      exportLicence: v['authority.exportLicence'],
    },
    purpose: v.purpose,
    accessLevel: v.accessLevel || undefined,
    securityAssurance:
      v.assurance === 'true'
        ? { providedBy: v['securityAssurance.providedBy'], on: v['securityAssurance.on'], reference: v['securityAssurance.reference'] }
        : null,
    submittedOn: v.submittedOn,
    hostLeadTimeWorkingDays: only('hostLeadTimeWorkingDays', lead === '' ? null : Number(lead), null),
    technologyControlPlanRef: only('technologyControlPlanRef', v.technologyControlPlanRef, ''),
    personVisited: only('personVisited', v.personVisited, ''),
    foreignGovernmentPoc: only('foreignGovernmentPoc', v.foreignGovernmentPoc, ''),
    emergencyJustification: only('emergencyJustification', v.emergencyJustification, ''),
    host: v.host,
    escort: v.escort,
    notes: v.notes,
    visitors: visitors.map(visitorInput),
  };
}
