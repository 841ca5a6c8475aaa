import { z } from 'zod';
import { journalEntrySchema } from '../journal.js';
import { pagedSchema, reasonSchema, ulidSchema } from '../primitives.js';
import { RECORD_READERS, RECORD_WRITERS } from '../roles.js';
import { receiptDraftSchema, receiptViewSchema } from '../receipts/model.js';
import { receiptQuerySchema } from '../receipts/query.js';
import { receiptActionSchema } from '../receipts/transitions.js';
import { method } from './define.js';

const versionRef = { id: ulidSchema, expectedVersion: z.number().int().min(1) };

/**
 * Fields that may change after creation; direction is fixed for the life of a receipt. Defaults
 * are removed: a field left out of a change must stay as it is, not be reset to its default.
 */
export const receiptChangesSchema = z.strictObject(
  Object.fromEntries(
    Object.entries(receiptDraftSchema.omit({ direction: true }).shape).map(([key, field]) => [
      key,
      (field instanceof z.ZodDefault ? field.removeDefault() : field).optional(),
    ]),
  ) as { [K in keyof ChangeShape]: z.ZodOptional<RemoveDefault<ChangeShape[K]>> },
);

type ChangeShape = Omit<typeof receiptDraftSchema.shape, 'direction'>;
type RemoveDefault<T> = T extends z.ZodDefault<infer Inner> ? Inner : T;

export const receiptMethods = {
  'receipts.create': method({
    summary: 'Create an incoming or outgoing receipt',
    input: receiptDraftSchema,
    output: receiptViewSchema,
    access: RECORD_WRITERS,
  }),
  'receipts.update': method({
    summary: 'Change fields of a receipt, giving a reason (classification changes are audited as such)',
    input: z.strictObject({ ...versionRef, changes: receiptChangesSchema, reason: reasonSchema }),
    output: receiptViewSchema,
    access: RECORD_WRITERS,
  }),
  'receipts.transition': method({
    summary: 'Apply a workflow action (dispatch, acknowledge, tracer, escalate, inspect, sign, destroy, void, ...)',
    input: z.strictObject({ ...versionRef, action: receiptActionSchema }),
    output: receiptViewSchema,
    access: RECORD_WRITERS,
  }),
  'receipts.get': method({
    summary: 'Read one receipt',
    input: z.strictObject({ id: ulidSchema }),
    output: receiptViewSchema,
    access: RECORD_READERS,
  }),
  'receipts.list': method({
    summary: 'List receipts: paged, sorted, filtered, searched',
    input: receiptQuerySchema,
    output: pagedSchema(receiptViewSchema),
    access: RECORD_READERS,
  }),
  'receipts.history': method({
    summary: 'The journal entries of one receipt, oldest first',
    input: z.strictObject({ id: ulidSchema }),
    output: z.array(journalEntrySchema),
    access: RECORD_READERS,
  }),
} as const;
