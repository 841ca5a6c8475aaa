// The printable forms, as route data: `{ name: 'print', form }` (stores/UiStore.ts) shows one
// print view (PrintRouteScreen) with its on-screen preview and "Save as PDF". A new printable
// view adds a kind here, a case in PrintRouteScreen and, if it loads data, one in PrintStore.
import type { Route, SectionKey } from '../stores/UiStore.js';

export type IncidentReportKind = 'initial' | 'final';
/** `internal`: the whole report (security office, CSA). `releasable`: only incidents.foreignRelease. */
export type IncidentReportVersion = 'internal' | 'releasable';

export type PrintForm =
  | { kind: 'receipt'; id: string }
  | { kind: 'destruction'; id: string }
  | { kind: 'visit'; id: string }
  | { kind: 'incident'; id: string; report: IncidentReportKind; version: IncidentReportVersion };

/** The section a print view belongs to (its menu entry stays current; roles are checked as for the record). */
export function printSection(form: PrintForm): SectionKey {
  switch (form.kind) {
    case 'receipt':
    case 'destruction':
      return 'receipts';
    case 'visit':
      return 'visits';
    case 'incident':
      return 'incidents';
  }
}

/** Where "Back" goes: the screen the print was asked from. */
export function printBackRoute(form: PrintForm): Route {
  switch (form.kind) {
    case 'receipt':
    case 'destruction':
      return { name: 'receipt', id: form.id };
    case 'visit':
      return { name: 'visit', id: form.id };
    case 'incident':
      return form.version === 'releasable' ? { name: 'incidentRelease', id: form.id } : { name: 'incident', id: form.id };
  }
}

/** Two forms are the same print (same record, same report and version). */
export function samePrintForm(a: PrintForm | null, b: PrintForm): boolean {
  return a !== null && JSON.stringify(a) === JSON.stringify(b);
}
