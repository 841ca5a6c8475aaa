// The one contract: every method the core offers, its schemas and who may call it. IPC, the
// test harness, the CLI and the renderer's client are all typed from this object.
import type { z } from 'zod';
import '../zodMessages.js';
import { authMethods } from './auth.js';
import { auditMethods } from './audit.js';
import { dashboardMethods } from './dashboard.js';
import { incidentMethods } from './incidents.js';
import { receiptMethods } from './receipts.js';
import { reportMethods } from './reports.js';
import { searchMethods } from './search.js';
import { setupMethods } from './setup.js';
import { syncMethods } from './sync.js';
import { systemMethods } from './system.js';
import { visitMethods } from './visits.js';

export const contract = {
  ...setupMethods,
  ...systemMethods,
  ...authMethods,
  ...auditMethods,
  ...receiptMethods,
  ...visitMethods,
  ...incidentMethods,
  ...syncMethods,
  ...dashboardMethods,
  ...reportMethods,
  ...searchMethods,
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
export type MethodParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Contract[M]['output']>;

export const METHOD_NAMES = Object.keys(contract) as MethodName[];

export function isMethodName(value: unknown): value is MethodName {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(contract, value);
}

export type { Access, MethodSpec } from './define.js';
