// The receipt form's values as the inputs hold them (strings and booleans, one key per field,
// named by the field's path in receiptDraftSchema so that zod issues land on the right input),
// and the conversions to and from a draft.
import type { UsLevel } from '../../../electron/common/classification/index.js';
import type { Direction, ReceiptDraft, TransmissionMethod } from '../../../electron/common/receipts/model.js';

export type ForeignKind = 'none' | 'country' | 'nato';

export interface DraftValues {
  direction: Direction;
  controlNumber: string;
  copyNumbers: string;
  unclassifiedTitle: string;
  'classification.level': UsLevel | '';
  'classification.cui': boolean;
  'classification.foreign': ForeignKind;
  'classification.foreign.countries': string;
  'classification.foreign.level': string;
  'classification.foreign.atomal': boolean;
  'classification.whollyForeign': boolean;
  'classification.concealSource': boolean;
  'classification.noforn': boolean;
  'classification.relTo': string;
  materialDate: string;
  'sender.organisation': string;
  'sender.address': string;
  'sender.pointOfContact': string;
  'addressee.organisation': string;
  'addressee.address': string;
  'addressee.pointOfContact': string;
  transmission: TransmissionMethod | '';
  dgr: string;
  international: boolean;
  natoReference: string;
  natoShortTitle: string;
  contractNumber: string;
  custodian: string;
  storageContainer: string;
  receivedOn: string;
  notes: string;
}

export type DraftField = keyof DraftValues;
/** Fields the form may show an error for: the draft's fields and, when editing, the reason. */
export type FormField = DraftField | 'reason';

export const FIELD_LABELS: Record<FormField, string> = {
  direction: 'Direction',
  controlNumber: 'Control number',
  copyNumbers: 'Copy numbers',
  unclassifiedTitle: 'Unclassified short title',
  'classification.level': 'U.S. classification level',
  'classification.cui': 'Controlled unclassified information (CUI)',
  'classification.foreign': 'Foreign government information',
  'classification.foreign.countries': 'Countries of origin',
  'classification.foreign.level': 'Foreign classification level',
  'classification.foreign.atomal': 'ATOMAL',
  'classification.whollyForeign': 'Wholly foreign document',
  'classification.concealSource': 'Conceal the source country in portion marks',
  'classification.noforn': 'NOFORN (not releasable to foreign nationals)',
  'classification.relTo': 'Releasable to (REL TO)',
  materialDate: 'Date of material',
  'sender.organisation': 'Sender organisation',
  'sender.address': 'Sender address',
  'sender.pointOfContact': 'Sender point of contact',
  'addressee.organisation': 'Addressee organisation',
  'addressee.address': 'Addressee address',
  'addressee.pointOfContact': 'Addressee point of contact',
  transmission: 'Method of transmission',
  dgr: 'Designated Government Representative (DGR)',
  international: 'International transfer (foreign government or its representative)',
  natoReference: 'NATO reference number',
  natoShortTitle: 'NATO short title',
  contractNumber: 'Contract number',
  custodian: 'Custodian',
  storageContainer: 'Storage container',
  receivedOn: 'Date received',
  notes: 'Notes',
  reason: 'Reason for the change',
};

/** Every field in the order the form shows them (the error summary follows it). */
export const FORM_FIELDS = Object.keys(FIELD_LABELS) as FormField[];
export const FORM_FIELD_SET: ReadonlySet<string> = new Set(FORM_FIELDS);

/** The id of a field's input, e.g. 'sender.organisation' -> 'receipt-sender-organisation'. */
export function fieldId(field: FormField): string {
  return `receipt-${field.replace(/\./g, '-')}`;
}

export function emptyDraft(today: string): DraftValues {
  return {
    direction: 'incoming',
    controlNumber: '',
    copyNumbers: '',
    unclassifiedTitle: '',
    'classification.level': '',
    'classification.cui': false,
    'classification.foreign': 'none',
    'classification.foreign.countries': '',
    'classification.foreign.level': '',
    'classification.foreign.atomal': false,
    'classification.whollyForeign': false,
    'classification.concealSource': false,
    'classification.noforn': false,
    'classification.relTo': '',
    materialDate: '',
    'sender.organisation': '',
    'sender.address': '',
    'sender.pointOfContact': '',
    'addressee.organisation': '',
    'addressee.address': '',
    'addressee.pointOfContact': '',
    transmission: '',
    dgr: '',
    international: false,
    natoReference: '',
    natoShortTitle: '',
    contractNumber: '',
    custodian: '',
    storageContainer: '',
    receivedOn: today,
    notes: '',
  };
}

export function draftFromReceipt(r: ReceiptDraft): DraftValues {
  const foreign = r.classification.foreign;
  return {
    direction: r.direction,
    controlNumber: r.controlNumber,
    copyNumbers: r.copyNumbers.join(', '),
    unclassifiedTitle: r.unclassifiedTitle,
    'classification.level': r.classification.level,
    'classification.cui': r.classification.cui,
    'classification.foreign': foreign === null ? 'none' : foreign.kind,
    'classification.foreign.countries': foreign?.kind === 'country' ? foreign.countries.join(' ') : '',
    'classification.foreign.level': foreign?.level ?? '',
    'classification.foreign.atomal': foreign?.kind === 'nato' ? foreign.atomal : false,
    'classification.whollyForeign': r.classification.whollyForeign,
    'classification.concealSource': r.classification.concealSource,
    'classification.noforn': r.classification.noforn,
    'classification.relTo': r.classification.relTo.join(' '),
    materialDate: r.materialDate ?? '',
    'sender.organisation': r.sender.organisation,
    'sender.address': r.sender.address,
    'sender.pointOfContact': r.sender.pointOfContact,
    'addressee.organisation': r.addressee.organisation,
    'addressee.address': r.addressee.address,
    'addressee.pointOfContact': r.addressee.pointOfContact,
    transmission: r.transmission,
    dgr: r.dgr,
    international: r.international,
    natoReference: r.natoReference,
    natoShortTitle: r.natoShortTitle,
    contractNumber: r.contractNumber,
    custodian: r.custodian,
    storageContainer: r.storageContainer,
    receivedOn: r.receivedOn ?? '',
    notes: r.notes,
  };
}

/** Copy numbers: separated by commas, semicolons or line breaks (a copy number may hold a space). */
function copyList(text: string): string[] {
  return text.split(/[,;\n]+/).map((s) => s.trim()).filter((s) => s !== '');
}

/** Trigraphs: separated by spaces or commas, upper-cased. */
function trigraphList(text: string): string[] {
  return text.split(/[\s,;]+/).map((s) => s.trim().toUpperCase()).filter((s) => s !== '');
}

function optional(value: string): string | undefined {
  return value === '' ? undefined : value;
}

function foreignInput(v: DraftValues): unknown {
  const level = optional(v['classification.foreign.level']);
  switch (v['classification.foreign']) {
    case 'none':
      return null;
    case 'country':
      return { kind: 'country', countries: trigraphList(v['classification.foreign.countries']), level };
    case 'nato':
      return { kind: 'nato', level, atomal: v['classification.foreign.atomal'] };
  }
}

/** What receiptDraftSchema.safeParse receives: the same object the core will validate. */
export function draftInput(v: DraftValues): unknown {
  return {
    direction: v.direction,
    controlNumber: v.controlNumber,
    copyNumbers: copyList(v.copyNumbers),
    unclassifiedTitle: v.unclassifiedTitle,
    classification: {
      level: optional(v['classification.level']),
      cui: v['classification.cui'],
      foreign: foreignInput(v),
      whollyForeign: v['classification.whollyForeign'],
      concealSource: v['classification.concealSource'],
      noforn: v['classification.noforn'],
      relTo: trigraphList(v['classification.relTo']),
    },
    materialDate: v.materialDate.trim() || null,
    sender: { organisation: v['sender.organisation'], address: v['sender.address'], pointOfContact: v['sender.pointOfContact'] },
    addressee: {
      organisation: v['addressee.organisation'],
      address: v['addressee.address'],
      pointOfContact: v['addressee.pointOfContact'],
    },
    transmission: optional(v.transmission),
    dgr: v.dgr,
    international: v.international,
    natoReference: v.natoReference,
    natoShortTitle: v.natoShortTitle,
    contractNumber: v.contractNumber,
    custodian: v.custodian,
    storageContainer: v.storageContainer,
    // The dispatch date of outgoing material is set by the dispatch action, not here.
    receivedOn: v.direction === 'incoming' ? v.receivedOn.trim() || null : null,
    notes: v.notes,
  };
}

/** Structural equality of JSON-like values, ignoring key order. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}
