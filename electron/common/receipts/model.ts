// Receipts for classified material (DOMAIN.md, "Receipts and accountability"). One record per
// receipt: an outgoing (dispatch) receipt tracks material sent and its suspense; an incoming
// receipt tracks material received and, once signed for, the accountable item it concerns.
import { z } from 'zod';
import { classificationSchema } from '../classification/model.js';
import { isoDateSchema, isoTimestampSchema, requiredText, siteIdSchema, text, ulidSchema } from '../primitives.js';

export const DIRECTIONS = ['incoming', 'outgoing'] as const;
export type Direction = (typeof DIRECTIONS)[number];

export const TRANSMISSION_METHODS = [
  'registered_mail',
  'cleared_courier',
  'hand_carry',
  'government_to_government',
  'secure_electronic',
] as const;
export type TransmissionMethod = (typeof TRANSMISSION_METHODS)[number];

export const TRANSMISSION_LABELS: Record<TransmissionMethod, string> = {
  registered_mail: 'Registered mail',
  cleared_courier: 'Cleared courier',
  hand_carry: 'Hand carry',
  government_to_government: 'Government-to-government (DGR)',
  secure_electronic: 'Secure electronic',
};

export const partySchema = z.strictObject({
  organisation: requiredText(200),
  address: text(500).default(''),
  pointOfContact: text(200).default(''),
});
export type Party = z.infer<typeof partySchema>;

export const reproductionSchema = z.strictObject({
  date: isoDateSchema,
  copies: z.number().int().min(1).max(10_000),
  copyNumbers: z.array(requiredText(40)).max(1000).default([]),
  authorisedBy: requiredText(200),
});

export const destructionSchema = z.strictObject({
  date: isoDateSchema,
  method: requiredText(200),
  witnesses: z.array(requiredText(200)).max(10).default([]),
  certificateNumber: text(100).default(''),
});
export type Destruction = z.infer<typeof destructionSchema>;

/** The fields a user enters; everything else is set by transitions. */
export const receiptDraftSchema = z.strictObject({
  direction: z.enum(DIRECTIONS),
  controlNumber: requiredText(60),
  /** Serial copy numbers; required for TOP SECRET and NATO material. */
  copyNumbers: z.array(requiredText(40)).max(1000).default([]),
  /** Unclassified short title: receipts must themselves be unclassified. */
  unclassifiedTitle: requiredText(200),
  classification: classificationSchema,
  materialDate: isoDateSchema.nullable().default(null),
  sender: partySchema,
  addressee: partySchema,
  transmission: z.enum(TRANSMISSION_METHODS),
  /** Designated Government Representative, for government-to-government transfers. */
  dgr: text(200).default(''),
  /** Transfer to or from a foreign government or its representative: 45-day suspense, signed receipt always. */
  international: z.boolean().default(false),
  natoReference: text(60).default(''),
  natoShortTitle: text(200).default(''),
  contractNumber: text(60).default(''),
  custodian: text(200).default(''),
  storageContainer: text(100).default(''),
  /** Date received (incoming); the dispatch date of outgoing material is set by the dispatch action. */
  receivedOn: isoDateSchema.nullable().default(null),
  notes: text(2000).default(''),
});
export type ReceiptDraft = z.infer<typeof receiptDraftSchema>;
export type ReceiptDraftInput = z.input<typeof receiptDraftSchema>;

export const OUTGOING_STATUSES = ['prepared', 'dispatched', 'tracer_sent', 'escalated', 'acknowledged', 'archived'] as const;
export const INCOMING_STATUSES = ['received', 'inspected', 'in_accountability', 'transferred', 'destroyed', 'archived'] as const;
export const RECEIPT_STATUSES = [
  'prepared',
  'dispatched',
  'tracer_sent',
  'escalated',
  'acknowledged',
  'received',
  'inspected',
  'in_accountability',
  'transferred',
  'destroyed',
  'archived',
  'void',
] as const;
export type ReceiptStatus = (typeof RECEIPT_STATUSES)[number];

export const STATUS_LABELS: Record<ReceiptStatus, string> = {
  prepared: 'Prepared',
  dispatched: 'Dispatched',
  tracer_sent: 'Tracer sent',
  escalated: 'Escalated',
  acknowledged: 'Acknowledged',
  received: 'Received',
  inspected: 'Inspected',
  in_accountability: 'In accountability',
  transferred: 'Transferred',
  destroyed: 'Destroyed',
  archived: 'Archived',
  void: 'Void',
};

export const inspectionSchema = z.strictObject({
  inspectedOn: isoDateSchema,
  tamperingFound: z.boolean(),
  contentsMatch: z.boolean(),
  notes: text(1000).default(''),
});

export const receiptSchema = receiptDraftSchema.extend({
  id: ulidSchema,
  siteId: siteIdSchema,
  status: z.enum(RECEIPT_STATUSES),
  version: z.number().int().min(1),
  dispatchedOn: isoDateSchema.nullable(),
  /** Suspense: the date by which the signed receipt must be back (outgoing). */
  suspenseDays: z.number().int().nullable(),
  suspenseDueOn: isoDateSchema.nullable(),
  tracerDates: z.array(isoDateSchema),
  escalation: z.strictObject({ on: isoDateSchema, reason: text(1000) }).nullable(),
  receiptSignedBy: text(200),
  receiptReturnedOn: isoDateSchema.nullable(),
  inspection: inspectionSchema.nullable(),
  /** Foreign material that arrived outside government channels must be reported to the CSA. */
  improperReceipt: z.boolean(),
  improperReceiptReportedOn: isoDateSchema.nullable(),
  reproductions: z.array(reproductionSchema),
  inventoriedOn: z.array(isoDateSchema),
  transfer: z.strictObject({ on: isoDateSchema, to: text(200), outgoingControlNumber: text(60) }).nullable(),
  destruction: destructionSchema.nullable(),
  voidReason: text(500),
  createdAt: isoTimestampSchema,
  createdBy: text(100),
  updatedAt: isoTimestampSchema,
  updatedBy: text(100),
});
export type Receipt = z.infer<typeof receiptSchema>;

/** Computed at read time from the clock, never stored: overdue is a fact of today, not of the record. */
export const receiptViewSchema = receiptSchema.extend({
  overdue: z.boolean(),
  daysOverdue: z.number().int(),
  dueSoon: z.boolean(),
});
export type ReceiptView = z.infer<typeof receiptViewSchema>;
