import { z } from 'zod';
import { incidentDraftSchema, foreignReleaseViewSchema, incidentListItemSchema, incidentViewSchema, CULPABILITIES, IDENTIFIER_TYPES } from '../incidents/model.js';
import { incidentQuerySchema } from '../incidents/query.js';
import { incidentActionSchema } from '../incidents/transitions.js';
import { journalEntrySchema } from '../journal.js';
import { isoDateSchema, pagedSchema, reasonSchema, requiredText, text, ulidSchema } from '../primitives.js';
import type { Role } from '../roles.js';
import { RECORD_READERS, RECORD_WRITERS } from '../roles.js';
import { method } from './define.js';

/**
 * Responsible individuals, culpability and disciplinary actions are personnel matters: written
 * by the security officer only, read by the security officer and the headquarters analyst (who
 * coordinates investigations). A custodian may be the person named, and an auditor audits the
 * process: both see how many persons are named, not who.
 */
export const PERSONNEL_WRITERS: readonly Role[] = ['security_officer'];
export const PERSONNEL_READERS: readonly Role[] = ['security_officer', 'hq_analyst'];

const versionRef = { id: ulidSchema, expectedVersion: z.number().int().min(1) };

type DraftShape = typeof incidentDraftSchema.shape;
type RemoveDefault<T> = T extends z.ZodDefault<infer Inner> ? Inner : T;
type PatchShape<S extends z.ZodRawShape> = { [K in keyof S]: z.ZodOptional<RemoveDefault<S[K]>> };
/** A nested object as a patch: every field optional, none filled in by a default. */
type Patch<T> =
  T extends z.ZodObject<infer S>
    ? z.ZodObject<PatchShape<S>>
    : T extends z.ZodNullable<z.ZodObject<infer S>>
      ? z.ZodNullable<z.ZodObject<PatchShape<S>>>
      : T;

/** Stated whole when it changes: a marking is one statement, not fields to mix with the old one. */
const WHOLE = new Set<string>(['classification']);

function withoutDefault(field: z.ZodType): z.ZodType {
  return field instanceof z.ZodDefault ? (field.removeDefault() as z.ZodType) : field;
}

function patchOf(field: z.ZodType): z.ZodType {
  if (field instanceof z.ZodNullable) return patchOf(field.unwrap() as z.ZodType).nullable();
  if (!(field instanceof z.ZodObject)) return field;
  const shape = field.shape as Record<string, z.ZodType>;
  return z.strictObject(Object.fromEntries(Object.entries(shape).map(([key, inner]) => [key, withoutDefault(inner).optional()])));
}

/**
 * Fields that may change on an open incident. A field left out stays as it is; a nested object
 * (exposure, determination, foreign government, foreign release...) is merged into the stored
 * one, so a field left out inside it stays too (updateIncident.ts); lists and the marking are
 * replaced whole.
 */
export const incidentChangesSchema = z.strictObject(
  Object.fromEntries(
    Object.entries(incidentDraftSchema.shape).map(([key, field]) => {
      const inner = withoutDefault(field);
      return [key, (WHOLE.has(key) ? inner : patchOf(inner)).optional()];
    }),
  ) as { [K in keyof DraftShape]: z.ZodOptional<K extends 'classification' ? RemoveDefault<DraftShape[K]> : Patch<RemoveDefault<DraftShape[K]>>> },
);
export type IncidentChanges = z.infer<typeof incidentChangesSchema>;

const personFields = {
  name: requiredText(200),
  identifierType: z.enum(IDENTIFIER_TYPES),
  /** SSN, employee number or the like; matched across incidents to reveal patterns (117.8(e)). */
  identifier: requiredText(40),
  culpability: z.enum(CULPABILITIES).default('undetermined'),
  culpabilityNotes: text(2000).default(''),
};

export const personnelChangeSchema = z.discriminatedUnion('op', [
  z.strictObject({ op: z.literal('name_person'), person: z.strictObject(personFields) }),
  z.strictObject({
    op: z.literal('update_person'),
    personId: ulidSchema,
    /** Identifier left out keeps the stored one (reads only ever show it masked). */
    changes: z.strictObject({
      name: personFields.name.optional(),
      identifierType: personFields.identifierType.optional(),
      identifier: personFields.identifier.optional(),
      culpability: z.enum(CULPABILITIES).optional(),
      culpabilityNotes: text(2000).optional(),
    }),
  }),
  z.strictObject({ op: z.literal('remove_person'), personId: ulidSchema }),
  z.strictObject({ op: z.literal('disciplinary_action'), personId: ulidSchema, action: requiredText(1000), on: isoDateSchema }),
]);
export type PersonnelChange = z.infer<typeof personnelChangeSchema>;

export const incidentMethods = {
  'incidents.create': method({
    summary: 'Open a loss/compromise incident; linked receipts must exist; step due dates from local policy',
    input: incidentDraftSchema,
    output: incidentViewSchema,
    access: RECORD_WRITERS,
  }),
  'incidents.openFromReceipt': method({
    summary: 'Open an incident already linked to an overdue or escalated outgoing receipt',
    input: z.strictObject({ receiptId: ulidSchema, incidentNumber: text(60).default(''), reportedTo: text(200).default('') }),
    output: incidentViewSchema,
    access: RECORD_WRITERS,
  }),
  'incidents.update': method({
    summary: 'Change the facts, determination, corrective actions, notifications or findings of an open incident, giving a reason',
    input: z.strictObject({ ...versionRef, changes: incidentChangesSchema, reason: reasonSchema }),
    output: incidentViewSchema,
    access: RECORD_WRITERS,
  }),
  'incidents.personnel': method({
    summary: 'Name, change or remove a responsible individual (culpability) or record a disciplinary action: security officer only',
    input: z.strictObject({ ...versionRef, change: personnelChangeSchema, reason: reasonSchema }),
    output: incidentViewSchema,
    access: PERSONNEL_WRITERS,
  }),
  'incidents.transition': method({
    summary: 'Take the next step (inquiry, initial report, investigation, final report, CSA review, close, discount, void); CSA reports and closing by the security officer',
    input: z.strictObject({ ...versionRef, action: incidentActionSchema }),
    output: incidentViewSchema,
    access: RECORD_WRITERS,
  }),
  'incidents.get': method({
    summary: 'Read one incident with step due dates and overdue steps; personnel (with prior incidents) for security officer and HQ analyst only',
    input: z.strictObject({ id: ulidSchema }),
    output: incidentViewSchema,
    access: RECORD_READERS,
  }),
  'incidents.list': method({
    summary: 'List incidents: status, overdue, determination, country, linked receipt, dates, search; paged',
    input: incidentQuerySchema,
    output: pagedSchema(incidentListItemSchema),
    access: RECORD_READERS,
  }),
  'incidents.history': method({
    summary: 'The journal entries of one incident, oldest first; identifiers masked, personnel withheld from other roles',
    input: z.strictObject({ id: ulidSchema }),
    output: z.array(journalEntrySchema),
    access: RECORD_READERS,
  }),
  'incidents.foreignRelease': method({
    summary: 'What may be given to the foreign government: circumstances and releasable findings only (2001.48(b)); journalled as an export',
    input: z.strictObject({ id: ulidSchema }),
    output: foreignReleaseViewSchema,
    access: RECORD_READERS,
  }),
  'incidents.revealIdentifier': method({
    summary: "Show a responsible individual's full identifier, giving a reason; the reveal is journalled (security officer only)",
    input: z.strictObject({ id: ulidSchema, personId: ulidSchema, reason: reasonSchema }),
    output: z.strictObject({ personId: ulidSchema, name: z.string(), identifierType: z.enum(IDENTIFIER_TYPES), identifier: z.string() }),
    access: PERSONNEL_WRITERS,
  }),
} as const;
