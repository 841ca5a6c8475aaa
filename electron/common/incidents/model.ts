// Loss, compromise and suspected compromise of classified information (32 CFR 117.8(d)-(e),
// 32 CFR 2001.48; DOMAIN.md). Three parts kept apart on purpose:
// - the facts and internal findings, read by every record reader;
// - what may be released to the foreign government (2001.48(b): circumstances and findings,
//   normally not weaknesses of the security system), the only text a foreign release contains;
// - personnel: responsible individuals, culpability and disciplinary actions (security officer).
import { z } from 'zod';
import { UNCLASSIFIED, classificationSchema, trigraphSchema } from '../classification/model.js';
import { isoDateSchema, isoTimestampSchema, requiredText, siteIdSchema, text, ulidSchema } from '../primitives.js';
import { nationalitySchema } from '../visits/identifiers.js';
import { INCIDENT_STATUSES, incidentStepDaysSchema, stepViewSchema, stepsDoneSchema } from './steps.js';

export const DETERMINATIONS = ['loss', 'compromise', 'suspected_compromise', 'compromise_discounted'] as const;
export type Determination = (typeof DETERMINATIONS)[number];
export const DETERMINATION_LABELS: Record<Determination, string> = {
  loss: 'Loss',
  compromise: 'Compromise',
  suspected_compromise: 'Suspected compromise',
  compromise_discounted: 'Compromise can be discounted',
};

/** 117.8(e): deliberate disregard, negligence, or not deliberate but part of a recurring pattern. */
export const CULPABILITIES = ['undetermined', 'deliberate_disregard', 'negligence', 'recurring_pattern', 'not_culpable'] as const;
export type Culpability = (typeof CULPABILITIES)[number];
export const CULPABILITY_LABELS: Record<Culpability, string> = {
  undetermined: 'Not yet determined',
  deliberate_disregard: 'Deliberate disregard of security requirements',
  negligence: 'Negligence in handling classified information',
  recurring_pattern: 'Not deliberate, but part of a recurring pattern',
  not_culpable: 'Not culpable',
};

export const IDENTIFIER_TYPES = ['ssn', 'employee_id', 'passport', 'other'] as const;

export const materialSchema = z.strictObject({
  /** The receipt (and so the accountable item) concerned, when the material is on the register. */
  receiptId: ulidSchema.nullable().default(null),
  /** Unclassified description or short title. */
  description: requiredText(200),
  classification: classificationSchema,
  /** Originator, or originating government for foreign material. */
  originator: text(200).default(''),
  materialDate: isoDateSchema.nullable().default(null),
  materialType: text(100).default(''),
});
export type Material = z.infer<typeof materialSchema>;

export const determinationSchema = z.strictObject({
  outcome: z.enum(DETERMINATIONS),
  reasons: requiredText(4000),
  on: isoDateSchema,
});

export const correctiveActionSchema = z.strictObject({
  description: requiredText(1000),
  dueOn: isoDateSchema.nullable().default(null),
  completedOn: isoDateSchema.nullable().default(null),
});

export const incidentDraftSchema = z.strictObject({
  /** Left blank, the core numbers it INC-<year>-<nnnn>. */
  incidentNumber: text(60).default(''),
  unclassifiedTitle: requiredText(200),
  /** The marking of the incident record itself (its details may be classified). */
  classification: classificationSchema,
  /** What happened. */
  description: requiredText(4000),
  /** Where. */
  location: requiredText(500),
  /** When it happened, if known. */
  occurredOn: isoDateSchema.nullable().default(null),
  discoveredOn: isoDateSchema,
  reportedBy: requiredText(200),
  reportedTo: requiredText(200),
  /** The date the security office learned of it; the step due dates count from here. */
  reportedOn: isoDateSchema,
  material: z.array(materialSchema).min(1, 'name the material involved').max(100),
  exposure: z
    .strictObject({ from: isoDateSchema.nullable().default(null), to: isoDateSchema.nullable().default(null), circumstances: text(4000).default('') })
    .default({ from: null, to: null, circumstances: '' }),
  unauthorisedPersons: z
    .array(z.strictObject({ name: requiredText(200), affiliation: text(200).default(''), nationality: nationalitySchema.nullable().default(null), notes: text(1000).default('') }))
    .max(100)
    .default([]),
  /** The preliminary inquiry validates the classification of the material. */
  classificationValidation: z
    .strictObject({ validated: z.boolean(), on: isoDateSchema.nullable().default(null), by: text(200).default(''), notes: text(1000).default('') })
    .default({ validated: false, on: null, by: '', notes: '' }),
  determination: determinationSchema.nullable().default(null),
  correctiveActions: z.array(correctiveActionSchema).max(100).default([]),
  csaNotifiedOn: isoDateSchema.nullable().default(null),
  foreignGovernment: z
    .strictObject({
      involved: z.boolean(),
      countries: z.array(trigraphSchema).max(40).default([]),
      notifiedOn: isoDateSchema.nullable().default(null),
      notifiedVia: text(200).default(''),
    })
    .default({ involved: false, countries: [], notifiedOn: null, notifiedVia: '' }),
  /** The only text a foreign release carries. */
  foreignRelease: z
    .strictObject({ classification: classificationSchema.default(UNCLASSIFIED), circumstances: text(4000).default(''), findings: text(4000).default('') })
    .default({ classification: UNCLASSIFIED, circumstances: '', findings: '' }),
  /** Findings for internal use: weaknesses of the security system, never released. */
  internalFindings: text(8000).default(''),
  notes: text(2000).default(''),
});
export type IncidentDraft = z.infer<typeof incidentDraftSchema>;
export type IncidentDraftInput = z.input<typeof incidentDraftSchema>;

export const responsiblePersonSchema = z.strictObject({
  id: ulidSchema,
  name: requiredText(200),
  identifierType: z.enum(IDENTIFIER_TYPES),
  /** SSN or the like: masked in every normal read. */
  identifier: requiredText(40),
  culpability: z.enum(CULPABILITIES),
  culpabilityNotes: text(2000),
  namedOn: isoDateSchema,
});
export type ResponsiblePerson = z.infer<typeof responsiblePersonSchema>;

export const disciplinaryActionSchema = z.strictObject({
  id: ulidSchema,
  personId: ulidSchema,
  action: requiredText(1000),
  on: isoDateSchema,
});

export const incidentSchema = incidentDraftSchema.extend({
  incidentNumber: requiredText(60),
  id: ulidSchema,
  siteId: siteIdSchema,
  status: z.enum(INCIDENT_STATUSES),
  version: z.number().int().min(1),
  /** Step periods frozen when the incident was opened. */
  stepDays: incidentStepDaysSchema,
  stepsDone: stepsDoneSchema,
  csaReviewReference: z.string(),
  /** The CSA's own determination when it closes the case. */
  csaClosure: z.string(),
  responsible: z.array(responsiblePersonSchema),
  disciplinaryActions: z.array(disciplinaryActionSchema),
  voidReason: z.string(),
  createdAt: isoTimestampSchema,
  createdBy: z.string(),
  updatedAt: isoTimestampSchema,
  updatedBy: z.string(),
});
export type Incident = z.infer<typeof incidentSchema>;

export const priorIncidentSchema = z.strictObject({
  incidentId: ulidSchema,
  incidentNumber: z.string(),
  discoveredOn: isoDateSchema,
  status: z.enum(INCIDENT_STATUSES),
  determination: z.enum(DETERMINATIONS).nullable(),
  culpability: z.enum(CULPABILITIES),
});
export type PriorIncident = z.infer<typeof priorIncidentSchema>;

export const responsiblePersonViewSchema = responsiblePersonSchema.omit({ identifier: true }).extend({
  identifierMasked: z.string(),
  /** Other incidents naming the same person (same identifier), discovered on or before this one (117.8(e)). */
  priorIncidents: z.array(priorIncidentSchema),
});

export const personnelViewSchema = z.strictObject({
  responsible: z.array(responsiblePersonViewSchema),
  disciplinaryActions: z.array(disciplinaryActionSchema),
  /** Someone named here has prior incidents. */
  patternAlert: z.boolean(),
});

export const incidentListItemSchema = incidentSchema.omit({ responsible: true, disciplinaryActions: true }).extend({
  steps: z.array(stepViewSchema),
  overdue: z.boolean(),
  nextStep: stepViewSchema.nullable(),
  responsibleCount: z.number().int(),
});
export type IncidentListItem = z.infer<typeof incidentListItemSchema>;

export const incidentViewSchema = incidentListItemSchema.extend({
  /** Null when the caller's role may not see personnel matters (security officer and HQ analyst may). */
  personnel: personnelViewSchema.nullable(),
  linkedReceipts: z.array(z.strictObject({ id: ulidSchema, controlNumber: z.string(), status: z.string() })),
});
export type IncidentView = z.infer<typeof incidentViewSchema>;

/** Only what may go to the foreign government: no internal findings, persons, actions or notes. */
export const foreignReleaseViewSchema = z.strictObject({
  marking: z.string(),
  /** The release's own classification (`marking` is its banner), for portion marks on a printed release. */
  classification: classificationSchema,
  incidentNumber: z.string(),
  unclassifiedTitle: z.string(),
  countries: z.array(z.string()),
  occurredOn: isoDateSchema.nullable(),
  discoveredOn: isoDateSchema,
  exposure: z.strictObject({ from: isoDateSchema.nullable(), to: isoDateSchema.nullable() }),
  material: z.array(
    z.strictObject({
      description: z.string(),
      marking: z.string(),
      originator: z.string(),
      materialDate: isoDateSchema.nullable(),
      materialType: z.string(),
    }),
  ),
  determination: z.enum(DETERMINATIONS).nullable(),
  circumstances: z.string(),
  findings: z.string(),
  csaNotifiedOn: isoDateSchema.nullable(),
  preparedOn: isoDateSchema,
});
export type ForeignReleaseView = z.infer<typeof foreignReleaseViewSchema>;
