// What is on screen: the current route and the notifications. Routes are plain data so that
// later sections (visits, incidents, sync) only add entries here and in the shell.
import { makeAutoObservable } from 'mobx';
import type { MethodName } from '../../../electron/common/contract/index.js';
import type { PrintForm } from '../print/printForms.js';
import { printSection } from '../print/printForms.js';
import { canCall } from './access.js';
import type { RootStore } from './RootStore.js';

export type Route =
  | { name: 'dashboard' }
  | { name: 'reports' }
  | { name: 'search' }
  | { name: 'receipts' }
  | { name: 'receipt'; id: string }
  | { name: 'receiptNew' }
  | { name: 'receiptEdit'; id: string }
  | { name: 'visits' }
  | { name: 'visit'; id: string }
  | { name: 'visitNew' }
  | { name: 'visitorPass'; visitId: string; visitorId: string }
  | { name: 'incidents' }
  | { name: 'incident'; id: string }
  | { name: 'incidentNew' }
  | { name: 'incidentRelease'; id: string }
  | { name: 'accounts' }
  | { name: 'audit' }
  | { name: 'sync' }
  | { name: 'changePassword' }
  /** A printable form or report: preview and Save as PDF (renderer/src/print). */
  | { name: 'print'; form: PrintForm };

export type SectionKey = 'dashboard' | 'reports' | 'search' | 'receipts' | 'visits' | 'incidents' | 'accounts' | 'audit' | 'sync';

export interface Section {
  key: SectionKey;
  label: string;
  home: Route;
  /** The section shows for users whose roles may call this method (the contract decides). */
  method: MethodName;
}

export const SECTIONS: readonly Section[] = [
  { key: 'dashboard', label: 'Dashboard', home: { name: 'dashboard' }, method: 'dashboard.get' },
  { key: 'receipts', label: 'Receipts', home: { name: 'receipts' }, method: 'receipts.list' },
  { key: 'visits', label: 'Visits', home: { name: 'visits' }, method: 'visits.list' },
  { key: 'incidents', label: 'Incidents', home: { name: 'incidents' }, method: 'incidents.list' },
  { key: 'reports', label: 'Reports', home: { name: 'reports' }, method: 'reports.run' },
  { key: 'search', label: 'Search', home: { name: 'search' }, method: 'search.records' },
  { key: 'accounts', label: 'Accounts', home: { name: 'accounts' }, method: 'users.list' },
  { key: 'audit', label: 'Audit', home: { name: 'audit' }, method: 'audit.list' },
  { key: 'sync', label: 'Sync', home: { name: 'sync' }, method: 'sync.status' },
];

/** The section a route belongs to; null for screens outside the sections (own password). */
export function sectionOf(route: Route): SectionKey | null {
  switch (route.name) {
    case 'dashboard':
    case 'reports':
    case 'search':
      return route.name;
    case 'receipts':
    case 'receipt':
    case 'receiptNew':
    case 'receiptEdit':
      return 'receipts';
    case 'visits':
    case 'visit':
    case 'visitNew':
    case 'visitorPass':
      return 'visits';
    case 'incidents':
    case 'incident':
    case 'incidentNew':
    case 'incidentRelease':
      return 'incidents';
    case 'accounts':
      return 'accounts';
    case 'audit':
      return 'audit';
    case 'sync':
      return 'sync';
    case 'print':
      return printSection(route.form);
    case 'changePassword':
      return null;
  }
}

export type ToastType = 'success' | 'info' | 'warning' | 'error';

export interface Toast {
  id: number;
  type: ToastType;
  message: string;
}

const MAX_TOASTS = 4;

export class UiStore {
  readonly root: RootStore;
  route: Route = { name: 'dashboard' };
  toasts: Toast[] = [];
  private nextToastId = 1;

  constructor(root: RootStore) {
    this.root = root;
    makeAutoObservable(this, { root: false }, { autoBind: true });
  }

  get section(): SectionKey | null {
    return sectionOf(this.route);
  }

  /** The sections the signed-in user's roles reach, in menu order. */
  get visibleSections(): readonly Section[] {
    const roles = this.root.session.session?.roles;
    return SECTIONS.filter((section) => canCall(roles, section.method));
  }

  /** Whether the current route's section is open to the user (own-password screen always is). */
  get routeAllowed(): boolean {
    const key = this.section;
    return key === null || this.visibleSections.some((s) => s.key === key);
  }

  navigate(route: Route): void {
    this.route = route;
  }

  /** The first section the user may open: the dashboard, which every signed-in user may read. */
  goHome(): void {
    this.route = this.visibleSections[0]?.home ?? { name: 'dashboard' };
  }

  notify(type: ToastType, message: string): void {
    this.toasts = [...this.toasts, { id: this.nextToastId++, type, message }].slice(-MAX_TOASTS);
  }

  dismiss(id: number): void {
    this.toasts = this.toasts.filter((t) => t.id !== id);
  }

  reset(): void {
    this.route = { name: 'dashboard' };
    this.toasts = [];
  }
}
