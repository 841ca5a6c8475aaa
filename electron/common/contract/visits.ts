import { z } from 'zod';
import { journalEntrySchema } from '../journal.js';
import { isoDateSchema, pagedSchema, reasonSchema, text, ulidSchema } from '../primitives.js';
import type { Role } from '../roles.js';
import { RECORD_READERS, RECORD_WRITERS } from '../roles.js';
import {
  arrivalSchema,
  departureSchema,
  revealedVisitorSchema,
  visitListItemSchema,
  visitorDraftSchema,
  visitorPassSchema,
  visitorViewSchema,
  visitRequestDraftSchema,
  visitViewSchema,
} from '../visits/model.js';
import { visitQuerySchema } from '../visits/query.js';
import { visitActionSchema } from '../visits/transitions.js';
import { method } from './define.js';

/**
 * Who sees an approval's disclosure level, scope and limits: the security officer (briefs hosts
 * and escorts), the custodian (records the approval and hosts visits) and the headquarters analyst
 * (coordinates foreign-government matters and receives the journal anyway). The auditor audits
 * the process and sees only that a scope was recorded. No visitor-facing output ever carries it.
 */
export const DISCLOSURE_READERS: readonly Role[] = ['security_officer', 'custodian', 'hq_analyst'];

const versionRef = { id: ulidSchema, expectedVersion: z.number().int().min(1) };
const visitorRef = { visitorId: ulidSchema, expectedVersion: z.number().int().min(1) };

/** A change to a named visitor: the fields given replace the stored ones, the rest stay. */
export const visitorChangesSchema = z.strictObject(
  Object.fromEntries(Object.entries(visitorDraftSchema.shape).map(([key, field]) => [key, field.optional()])) as {
    [K in keyof typeof visitorDraftSchema.shape]: z.ZodOptional<(typeof visitorDraftSchema.shape)[K]>;
  },
);

/** An amendment may only add, change or remove names and change dates (never to an earlier start). */
export const visitAmendmentSchema = z.strictObject({
  /** The sponsoring government's (or CSA's) reference for the amendment, if any. */
  reference: text(100).default(''),
  reason: reasonSchema,
  startDate: isoDateSchema.optional(),
  endDate: isoDateSchema.optional(),
  addVisitors: z.array(visitorDraftSchema).max(200).default([]),
  changeVisitors: z.array(z.strictObject({ visitorId: ulidSchema, changes: visitorChangesSchema })).max(200).default([]),
  removeVisitors: z.array(ulidSchema).max(200).default([]),
});
export type VisitAmendmentInput = z.infer<typeof visitAmendmentSchema>;

export const visitCreateSchema = visitRequestDraftSchema.extend({
  /** At least one visitor; more than 30 is refused with a request to split. */
  visitors: z.array(visitorDraftSchema).min(1, 'name at least one visitor').max(200),
});
export type VisitCreateInput = z.infer<typeof visitCreateSchema>;

export const visitMethods = {
  'visits.create': method({
    summary: 'Record an incoming or outgoing visit request with its visitors (type limits, 30 visitors, 90-day window enforced)',
    input: visitCreateSchema,
    output: visitViewSchema,
    access: RECORD_WRITERS,
  }),
  'visits.amend': method({
    summary: 'Amend a request: add, change or remove visitors and change dates (never earlier); kept as a new version; emergency requests cannot be amended',
    input: z.strictObject({ ...versionRef, amendment: visitAmendmentSchema }),
    output: visitViewSchema,
    access: RECORD_WRITERS,
  }),
  'visits.transition': method({
    summary: 'Apply a workflow action (approve with disclosure scope, deny, non-sponsored, assurance, trip, cancel, start, complete, void)',
    input: z.strictObject({ ...versionRef, action: visitActionSchema }),
    output: visitViewSchema,
    access: RECORD_WRITERS,
  }),
  'visits.get': method({
    summary: 'Read one request with its visitors; identifiers masked; disclosure scope only for security officer, custodian, HQ analyst',
    input: z.strictObject({ id: ulidSchema }),
    output: visitViewSchema,
    access: RECORD_READERS,
  }),
  'visits.list': method({
    summary: 'List visit requests: upcoming, current, by country, status, type, dates; paged',
    input: visitQuerySchema,
    output: pagedSchema(visitListItemSchema),
    access: RECORD_READERS,
  }),
  'visits.history': method({
    summary: 'The journal entries of a request and its visitors, oldest first, with identifiers masked',
    input: z.strictObject({ id: ulidSchema }),
    output: z.array(journalEntrySchema),
    access: RECORD_READERS,
  }),
  'visits.logArrival': method({
    summary: "Log a visitor's arrival for the day: positive identification and badge number",
    input: z.strictObject({ ...visitorRef, arrival: arrivalSchema }),
    output: visitorViewSchema,
    access: RECORD_WRITERS,
  }),
  'visits.logDeparture': method({
    summary: "Log a visitor's departure for the day and whether the badge came back",
    input: z.strictObject({ ...visitorRef, departure: departureSchema }),
    output: visitorViewSchema,
    access: RECORD_WRITERS,
  }),
  'visits.revealVisitor': method({
    summary: "Show a visitor's passport/ID number and date of birth, giving a reason; the reveal is journalled",
    input: z.strictObject({ visitorId: ulidSchema, reason: reasonSchema }),
    output: revealedVisitorSchema,
    access: RECORD_WRITERS,
  }),
  'visits.visitorPass': method({
    summary: 'What may be handed to a visitor (pass / welcome sheet): never the disclosure scope or identifiers',
    input: z.strictObject({ visitorId: ulidSchema }),
    output: visitorPassSchema,
    access: RECORD_WRITERS,
  }),
} as const;
