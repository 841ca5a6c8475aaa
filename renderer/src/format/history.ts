// What a journal entry says, in lines a custodian can read. The core records `{ record, ... }`:
// the record as it stood after the change, plus what the change was (`changed`, `reason`,
// `classificationChange`, the workflow `action`, the workstation). The facts of the change are
// the summary; the full record goes behind a disclosure.
import { bannerMarking, classificationSchema } from '../../../electron/common/classification/index.js';
import { humanise } from './labels.js';

export interface HistoryLine {
  label: string;
  value: string;
}

export interface HistorySummary {
  summary: HistoryLine[];
  record: HistoryLine[];
}

const MAX_VALUE = 300;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function show(key: string, value: unknown): string {
  if (key === 'classification') {
    const parsed = classificationSchema.safeParse(value);
    if (parsed.success) return bannerMarking(parsed.data);
  }
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value) && value.every((v) => typeof v === 'string' || typeof v === 'number')) return value.length > 0 ? value.join(', ') : '—';
  const text = JSON.stringify(value);
  return text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE)}…` : text;
}

/** Fields of an object as lines; nested objects (parties, inspection, ...) one level down. */
function flatten(object: Record<string, unknown>, prefix = ''): HistoryLine[] {
  const lines: HistoryLine[] = [];
  for (const [key, value] of Object.entries(object)) {
    if (key === 'type') continue;
    const label = prefix ? `${prefix} ${humanise(key).toLowerCase()}` : humanise(key);
    if (isRecord(value) && key !== 'classification' && prefix === '') lines.push(...flatten(value, humanise(key)));
    else lines.push({ label, value: show(key, value) });
  }
  return lines;
}

export function describeEntry(data: unknown): HistorySummary {
  if (!isRecord(data)) return { summary: data === undefined || data === null ? [] : [{ label: 'Data', value: show('data', data) }], record: [] };
  const summary: HistoryLine[] = [];
  for (const [key, value] of Object.entries(data)) {
    if (key === 'record') continue;
    if (key === 'classificationChange' && isRecord(value)) {
      summary.push({ label: 'Classification changed', value: `${show('', value.from)} → ${show('', value.to)}` });
    } else if (key === 'changed' && Array.isArray(value)) {
      summary.push({ label: 'Fields changed', value: value.map((field) => humanise(String(field))).join(', ') });
    } else if (key === 'changes' && isRecord(value)) {
      for (const [field, changed] of Object.entries(value)) summary.push({ label: `Changed: ${humanise(field)}`, value: show(field, changed) });
    } else if (key === 'action' && isRecord(value)) {
      summary.push(...flatten(value));
    } else if (key === 'securityRelevant') {
      if (value === true) summary.push({ label: 'Security-relevant', value: 'Yes' });
    } else {
      summary.push({ label: humanise(key), value: show(key, value) });
    }
  }
  return { summary, record: isRecord(data.record) ? flatten(data.record) : [] };
}
