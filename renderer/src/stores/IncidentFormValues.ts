// The new-incident form's values (strings keyed by their path in incidentDraftSchema), with the
// material involved and the unauthorised persons as repeated parts, the labels, and the
// conversion to the draft the core takes. Determination, findings and personnel come later,
// from the incident's own actions.
import { lowerFirst } from '../format/fieldPaths.js';

export const INCIDENT_LABELS = {
  incidentNumber: 'Incident number',
  unclassifiedTitle: 'Unclassified short title',
  'classification.level': 'Classification of this record',
  'classification.foreign': 'Foreign government information in this record',
  'classification.foreign.countries': 'Countries of origin (record)',
  'classification.foreign.level': 'Foreign classification level (record)',
  description: 'What happened',
  location: 'Where',
  occurredOn: 'Date it happened',
  discoveredOn: 'Date discovered',
  reportedBy: 'Reported by',
  reportedTo: 'Reported to',
  reportedOn: 'Date reported to the security office',
  'exposure.from': 'Exposure from',
  'exposure.to': 'Exposure to',
  'exposure.circumstances': 'Circumstances of the exposure',
  'foreignGovernment.involved': 'Foreign government or NATO information is involved',
  'foreignGovernment.countries': 'Foreign governments involved',
  notes: 'Notes',
} as const;
export type IncidentField = keyof typeof INCIDENT_LABELS;
export type IncidentValues = Record<IncidentField, string>;

export const MATERIAL_LABELS = {
  description: 'Description (unclassified)',
  'classification.level': 'U.S. classification level',
  'classification.foreign': 'Foreign government information',
  'classification.foreign.countries': 'Countries of origin',
  'classification.foreign.level': 'Foreign classification level',
  originator: 'Originator or originating government',
  materialDate: 'Date of the material',
  materialType: 'Type of material',
} as const;
export type MaterialField = keyof typeof MATERIAL_LABELS;
export type MaterialValues = Record<MaterialField, string>;

export const PERSON_LABELS = { name: 'Name', affiliation: 'Affiliation', nationality: 'Nationality', notes: 'Notes' } as const;
export type PersonField = keyof typeof PERSON_LABELS;
export type PersonValues = Record<PersonField, string>;

function blank<K extends string>(labels: Record<K, string>): Record<K, string> {
  return Object.fromEntries(Object.keys(labels).map((k) => [k, ''])) as Record<K, string>;
}

export function emptyIncident(today: string): IncidentValues {
  return { ...blank(INCIDENT_LABELS), 'classification.foreign': 'none', discoveredOn: today, reportedOn: today };
}
export function emptyMaterial(): MaterialValues {
  return { ...blank(MATERIAL_LABELS), 'classification.foreign': 'none' };
}
export function emptyPerson(): PersonValues {
  return blank(PERSON_LABELS);
}

const codes = (text: string) => text.split(/[\s,;]+/).map((s) => s.trim().toUpperCase()).filter((s) => s !== '');
const date = (text: string) => (text.trim() === '' ? null : text.trim());

/** A classification from its four inputs: U.S. level, kind of foreign origin, countries, foreign level. */
function classification(level: string, kind: string, countries: string, foreignLevel: string): Record<string, unknown> {
  const foreign = kind === 'country' ? { kind, countries: codes(countries), level: foreignLevel || undefined } : kind === 'nato' ? { kind, level: foreignLevel || undefined } : null;
  return { level: level || undefined, foreign };
}

export function shownIncidentFields(v: IncidentValues): IncidentField[] {
  return (Object.keys(INCIDENT_LABELS) as IncidentField[]).filter((f) => {
    if (f === 'classification.foreign.countries') return v['classification.foreign'] === 'country';
    if (f === 'classification.foreign.level') return v['classification.foreign'] !== 'none';
    if (f === 'foreignGovernment.countries') return v['foreignGovernment.involved'] === 'true';
    return true;
  });
}

export function incidentKeys(v: IncidentValues, material: readonly MaterialValues[], persons: number): string[] {
  const keys: string[] = [];
  for (const field of shownIncidentFields(v)) {
    keys.push(field);
    if (field === 'classification.foreign') keys.push('classification');
    if (field === 'reportedOn') {
      keys.push('material');
      material.forEach((m, i) => {
        keys.push(`material.${i}`, `material.${i}.classification`);
        for (const f of Object.keys(MATERIAL_LABELS) as MaterialField[]) {
          if (f === 'classification.foreign.countries' && m['classification.foreign'] !== 'country') continue;
          if (f === 'classification.foreign.level' && m['classification.foreign'] === 'none') continue;
          keys.push(`material.${i}.${f}`);
        }
      });
    }
    if (field === 'exposure.circumstances') {
      keys.push('unauthorisedPersons');
      for (let i = 0; i < persons; i++) keys.push(`unauthorisedPersons.${i}`, ...Object.keys(PERSON_LABELS).map((f) => `unauthorisedPersons.${i}.${f}`));
    }
  }
  return keys;
}

export function incidentKeyLabel(key: string): string {
  if (key in INCIDENT_LABELS) return INCIDENT_LABELS[key as IncidentField];
  if (key === 'classification') return 'Classification of this record';
  if (key === 'material') return 'Material involved';
  if (key === 'unauthorisedPersons') return 'Unauthorised persons';
  const part = /^(material|unauthorisedPersons)\.(\d+)(?:\.(.+))?$/.exec(key);
  if (part) {
    const noun = part[1] === 'material' ? 'Material' : 'Unauthorised person';
    const n = Number(part[2]) + 1;
    const field = part[3];
    if (!field) return `${noun} ${n}`;
    const label = part[1] === 'material' ? (MATERIAL_LABELS[field as MaterialField] ?? 'classification') : PERSON_LABELS[field as PersonField];
    return `${noun} ${n} ${lowerFirst(label)}`;
  }
  return key;
}

/** What incidentDraftSchema.safeParse receives: the same object the core will check. */
export function incidentInput(v: IncidentValues, material: readonly MaterialValues[], persons: readonly PersonValues[]): Record<string, unknown> {
  const involved = v['foreignGovernment.involved'] === 'true';
  return {
    incidentNumber: v.incidentNumber,
    unclassifiedTitle: v.unclassifiedTitle,
    classification: classification(v['classification.level'], v['classification.foreign'], v['classification.foreign.countries'], v['classification.foreign.level']),
    description: v.description,
    location: v.location,
    occurredOn: date(v.occurredOn),
    discoveredOn: v.discoveredOn,
    reportedBy: v.reportedBy,
    reportedTo: v.reportedTo,
    reportedOn: v.reportedOn,
    material: material.map((m) => ({
      description: m.description,
      classification: classification(m['classification.level'], m['classification.foreign'], m['classification.foreign.countries'], m['classification.foreign.level']),
      originator: m.originator,
      materialDate: date(m.materialDate),
      materialType: m.materialType,
    })),
    exposure: { from: date(v['exposure.from']), to: date(v['exposure.to']), circumstances: v['exposure.circumstances'] },
    unauthorisedPersons: persons.map((p) => ({ name: p.name, affiliation: p.affiliation, nationality: p.nationality.trim() === '' ? null : p.nationality.trim().toUpperCase(), notes: p.notes })),
    foreignGovernment: { involved, countries: involved ? codes(v['foreignGovernment.countries']) : [] },
    notes: v.notes,
  };
}
