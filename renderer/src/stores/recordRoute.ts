// The screen that shows one record, by kind: the dashboard, reports and search open records here.
import type { RecordKind } from '../../../electron/common/contract/dashboard.js';
import type { Route } from './UiStore.js';

export function recordRoute(kind: RecordKind, id: string): Route {
  switch (kind) {
    case 'receipt':
      return { name: 'receipt', id };
    case 'visit':
      return { name: 'visit', id };
    case 'incident':
      return { name: 'incident', id };
  }
}
