// One visitor as the repeated sub-form holds it (strings, keyed by the field's path inside
// visitorDraftSchema), and its conversion to the draft the core takes. Used by the new-request
// form and by amendments that add names.
import type { ClearanceLevel } from '../../../electron/common/visits/model.js';
import { CLEARANCE_LEVELS, IDENTITY_DOCUMENTS } from '../../../electron/common/visits/model.js';
import { lowerFirst } from '../format/fieldPaths.js';

export const VISITOR_FIELDS = [
  'fullName',
  'dateOfBirth',
  'placeOfBirth',
  'nationality',
  'document.type',
  'document.number',
  'document.issuingCountry',
  'clearance.level',
  'clearance.grantingAuthority',
  'position',
  'employer',
] as const;
export type VisitorField = (typeof VISITOR_FIELDS)[number];
export type VisitorValues = Record<VisitorField, string>;

export const VISITOR_LABELS: Record<VisitorField, string> = {
  fullName: 'Full name',
  dateOfBirth: 'Date of birth',
  placeOfBirth: 'Place of birth',
  nationality: 'Nationality / citizenship',
  'document.type': 'Identity document',
  'document.number': 'Passport or ID number',
  'document.issuingCountry': 'Issuing country',
  'clearance.level': 'Clearance level',
  'clearance.grantingAuthority': 'Clearance granted by',
  position: 'Position',
  employer: 'Employer',
};

export const DOCUMENT_LABELS: Record<(typeof IDENTITY_DOCUMENTS)[number], string> = { passport: 'Passport', national_id: 'National ID card', other: 'Other' };
export const CLEARANCE_LABELS: Record<ClearanceLevel, string> = {
  NONE: 'None (uncleared)',
  RESTRICTED: 'RESTRICTED',
  CONFIDENTIAL: 'CONFIDENTIAL',
  SECRET: 'SECRET',
  'TOP SECRET': 'TOP SECRET',
};
export const DOCUMENT_OPTIONS = IDENTITY_DOCUMENTS.map((d) => ({ value: d, label: DOCUMENT_LABELS[d] }));
export const CLEARANCE_OPTIONS = CLEARANCE_LEVELS.map((l) => ({ value: l, label: CLEARANCE_LABELS[l] }));

export function emptyVisitor(): VisitorValues {
  const values = Object.fromEntries(VISITOR_FIELDS.map((f) => [f, ''])) as VisitorValues;
  values['document.type'] = 'passport';
  return values;
}

/** Trigraphs are typed in any case; the schema wants upper case. */
function upper(value: string): string {
  return value.trim().toUpperCase();
}

/** What visitorDraftSchema checks: the same object the core receives. */
export function visitorInput(v: VisitorValues): Record<string, unknown> {
  return {
    fullName: v.fullName,
    dateOfBirth: v.dateOfBirth,
    placeOfBirth: v.placeOfBirth,
    nationality: upper(v.nationality),
    document: { type: v['document.type'] || undefined, number: v['document.number'], issuingCountry: upper(v['document.issuingCountry']) },
    clearance: { level: v['clearance.level'] || undefined, grantingAuthority: v['clearance.grantingAuthority'] },
    position: v.position,
    employer: v.employer,
  };
}

/** The known field keys of a list of visitors under `prefix`: 'visitors.0.fullName', ... */
export function visitorKeys(prefix: string, count: number): string[] {
  const keys = [prefix];
  for (let i = 0; i < count; i++) {
    keys.push(`${prefix}.${i}`);
    for (const field of VISITOR_FIELDS) keys.push(`${prefix}.${i}.${field}`);
  }
  return keys;
}

/** 'visitors.1.document.number' -> 'Visitor 2 passport or ID number'; null when not a visitor key. */
export function visitorLabel(prefix: string, key: string, noun = 'Visitor'): string | null {
  const match = new RegExp(`^${prefix.replace(/\./g, '\\.')}\\.(\\d+)(?:\\.(.+))?$`).exec(key);
  if (!match) return null;
  const n = Number(match[1]) + 1;
  const field = match[2] as VisitorField | undefined;
  return field ? `${noun} ${n} ${lowerFirst(VISITOR_LABELS[field])}` : `${noun} ${n}`;
}
