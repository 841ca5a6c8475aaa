// The inputs of each workflow action, named by their path in receiptActionSchema so that zod
// issues land on the right input. Dates default to today at the workstation.
import type { ReceiptActionType } from '../../../electron/common/receipts/transitions.js';

export type ActionFieldKind = 'date' | 'text' | 'textarea' | 'number' | 'list' | 'yesno';

export interface ActionField {
  name: string;
  label: string;
  kind: ActionFieldKind;
  hint?: string;
}

export type ActionValues = Record<string, string>;

const LIST_HINT = 'Separate entries with commas.';

export const ACTION_FIELDS: Record<ReceiptActionType, readonly ActionField[]> = {
  dispatch: [{ name: 'dispatchedOn', label: 'Date dispatched', kind: 'date' }],
  acknowledge: [
    { name: 'signedBy', label: 'Receipt signed by', kind: 'text' },
    { name: 'returnedOn', label: 'Date the signed receipt came back', kind: 'date' },
  ],
  tracer: [{ name: 'sentOn', label: 'Date tracer sent', kind: 'date' }],
  escalate: [
    { name: 'on', label: 'Date escalated', kind: 'date' },
    { name: 'reason', label: 'Reason for escalation', kind: 'textarea' },
  ],
  inspect: [
    { name: 'inspection.inspectedOn', label: 'Date inspected', kind: 'date' },
    { name: 'inspection.tamperingFound', label: 'Signs of tampering found', kind: 'yesno' },
    { name: 'inspection.contentsMatch', label: 'Contents match the receipt', kind: 'yesno' },
    { name: 'inspection.notes', label: 'Inspection notes', kind: 'textarea' },
  ],
  sign: [
    { name: 'signedBy', label: 'Receipt signed by', kind: 'text' },
    { name: 'returnedOn', label: 'Date the signed receipt was returned', kind: 'date' },
  ],
  report_improper: [{ name: 'reportedOn', label: 'Date reported to the CSA', kind: 'date' }],
  reproduce: [
    { name: 'reproduction.date', label: 'Date reproduced', kind: 'date' },
    { name: 'reproduction.copies', label: 'Number of copies', kind: 'number' },
    { name: 'reproduction.copyNumbers', label: 'Copy numbers', kind: 'list', hint: LIST_HINT },
    { name: 'reproduction.authorisedBy', label: 'Reproduction authorised by', kind: 'text' },
  ],
  inventory: [{ name: 'on', label: 'Date inventoried', kind: 'date' }],
  transfer: [
    { name: 'on', label: 'Date transferred', kind: 'date' },
    { name: 'to', label: 'Transferred to', kind: 'text' },
    { name: 'outgoingControlNumber', label: 'Outgoing control number', kind: 'text' },
  ],
  destroy: [
    { name: 'destruction.date', label: 'Date destroyed', kind: 'date' },
    { name: 'destruction.method', label: 'Method of destruction', kind: 'text' },
    { name: 'destruction.witnesses', label: 'Witnesses', kind: 'list', hint: LIST_HINT },
    { name: 'destruction.certificateNumber', label: 'Destruction certificate number', kind: 'text' },
  ],
  archive: [],
  void: [{ name: 'reason', label: 'Reason for voiding', kind: 'textarea' }],
};

export function actionFieldId(name: string): string {
  return `action-${name.replace(/\./g, '-')}`;
}

export function actionDefaults(type: ReceiptActionType, today: string): ActionValues {
  const values: ActionValues = {};
  for (const field of ACTION_FIELDS[type]) values[field.name] = field.kind === 'date' ? today : '';
  return values;
}

function convert(kind: ActionFieldKind, value: string): unknown {
  switch (kind) {
    case 'date':
    case 'text':
    case 'textarea':
      return value;
    case 'number':
      return value.trim() === '' ? undefined : Number(value);
    case 'list':
      return value.split(/[,;\n]+/).map((s) => s.trim()).filter((s) => s !== '');
    case 'yesno':
      return value === 'yes' ? true : value === 'no' ? false : undefined;
  }
}

/** The action object receiptActionSchema validates, built from the form's values. */
export function actionInput(type: ReceiptActionType, values: ActionValues): Record<string, unknown> {
  const input: Record<string, unknown> = { type };
  for (const field of ACTION_FIELDS[type]) {
    const path = field.name.split('.');
    let target = input;
    for (const part of path.slice(0, -1)) {
      target[part] ??= {};
      target = target[part] as Record<string, unknown>;
    }
    target[path[path.length - 1] ?? field.name] = convert(field.kind, values[field.name] ?? '');
  }
  return input;
}
