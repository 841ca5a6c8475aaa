// What is on screen: the current route and the notifications. Routes are plain data so that
// later sections (visits, incidents, sync, audit) only add entries here and in the shell.
import { makeAutoObservable } from 'mobx';
import type { RootStore } from './RootStore.js';

export type Route =
  | { name: 'receipts' }
  | { name: 'receipt'; id: string }
  | { name: 'receiptNew' }
  | { name: 'receiptEdit'; id: string };

export type SectionKey = 'receipts';

export const SECTIONS: readonly { key: SectionKey; label: string; home: Route }[] = [
  { key: 'receipts', label: 'Receipts', home: { name: 'receipts' } },
];

export function sectionOf(route: Route): SectionKey {
  switch (route.name) {
    case 'receipts':
    case 'receipt':
    case 'receiptNew':
    case 'receiptEdit':
      return 'receipts';
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
  route: Route = { name: 'receipts' };
  toasts: Toast[] = [];
  private nextToastId = 1;

  constructor(root: RootStore) {
    this.root = root;
    makeAutoObservable(this, { root: false }, { autoBind: true });
  }

  get section(): SectionKey {
    return sectionOf(this.route);
  }

  navigate(route: Route): void {
    this.route = route;
  }

  notify(type: ToastType, message: string): void {
    this.toasts = [...this.toasts, { id: this.nextToastId++, type, message }].slice(-MAX_TOASTS);
  }

  dismiss(id: number): void {
    this.toasts = this.toasts.filter((t) => t.id !== id);
  }

  reset(): void {
    this.route = { name: 'receipts' };
    this.toasts = [];
  }
}
