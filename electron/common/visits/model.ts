// International visits (DOMAIN.md, "International visits"; MISWG Document 7; 32 CFR 117.19).
// A visit request is one record; each visitor named on it is a record of its own under it, so a
// visitor's identity, clearance and daily log have their own history and their identifiers can
// be masked and revealed one person at a time.
import { z } from 'zod';
import { UNCLASSIFIED, US_LEVELS, classificationSchema, trigraphSchema } from '../classification/model.js';
import { isoDateSchema, isoTimestampSchema, requiredText, siteIdSchema, text, ulidSchema } from '../primitives.js';
import { nationalitySchema } from './identifiers.js';

export const VISIT_DIRECTIONS = ['incoming', 'outgoing'] as const;
export type VisitDirection = (typeof VISIT_DIRECTIONS)[number];

export const VISIT_TYPES = ['one_time', 'recurring', 'long_term', 'emergency'] as const;
export type VisitType = (typeof VISIT_TYPES)[number];

export const VISIT_TYPE_LABELS: Record<VisitType, string> = {
  one_time: 'One-time',
  recurring: 'Recurring',
  long_term: 'Long-term / extended',
  emergency: 'Emergency',
};

/** Level of access requested: unclassified (and foreign RESTRICTED) only, or CONFIDENTIAL and above. */
export const ACCESS_LEVELS = US_LEVELS;
export type AccessLevel = (typeof ACCESS_LEVELS)[number];
export const ACCESS_LEVEL_LABELS: Record<AccessLevel, string> = {
  UNCLASSIFIED: 'Unclassified / RESTRICTED only',
  CONFIDENTIAL: 'CONFIDENTIAL',
  SECRET: 'SECRET',
  'TOP SECRET': 'TOP SECRET',
};

/** A visitor's personnel security clearance, national or NATO level in its English form. */
export const CLEARANCE_LEVELS = ['NONE', 'RESTRICTED', 'CONFIDENTIAL', 'SECRET', 'TOP SECRET'] as const;
export type ClearanceLevel = (typeof CLEARANCE_LEVELS)[number];

export const IDENTITY_DOCUMENTS = ['passport', 'national_id', 'other'] as const;

const timeOfDaySchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time as HH:MM (24-hour)');

export const visitorDraftSchema = z.strictObject({
  fullName: requiredText(200),
  dateOfBirth: isoDateSchema,
  placeOfBirth: requiredText(200),
  /** Nationality / citizenship. */
  nationality: nationalitySchema,
  document: z.strictObject({
    type: z.enum(IDENTITY_DOCUMENTS),
    /** Passport or ID number: masked in every normal read. */
    number: requiredText(40),
    issuingCountry: nationalitySchema,
  }),
  clearance: z.strictObject({
    level: z.enum(CLEARANCE_LEVELS),
    /** The government authority that granted the clearance; required unless the level is NONE. */
    grantingAuthority: text(200).default(''),
  }),
  position: requiredText(200),
  employer: requiredText(200),
});
export type VisitorDraft = z.infer<typeof visitorDraftSchema>;
export type VisitorDraftInput = z.input<typeof visitorDraftSchema>;

export const facilitySchema = z.strictObject({
  name: requiredText(200),
  address: text(500).default(''),
  pointOfContact: requiredText(200),
  securityOfficer: requiredText(200),
});

export const securityAssuranceSchema = z.strictObject({
  /** The government (or its agency) that assures the visitors' clearances. */
  providedBy: requiredText(200),
  on: isoDateSchema,
  reference: text(100).default(''),
});

/** The fields a user enters when recording a request; everything else is set by actions. */
export const visitRequestDraftSchema = z.strictObject({
  direction: z.enum(VISIT_DIRECTIONS),
  type: z.enum(VISIT_TYPES),
  requestNumber: requiredText(60),
  /** Visit requests must themselves be unclassified: a short title fit for any list. */
  unclassifiedTitle: requiredText(200),
  /** The record's marking: unclassified, and CUI by default because it names people. */
  classification: classificationSchema.default({ ...UNCLASSIFIED, cui: true }),
  /** The foreign government concerned: the sponsor of an incoming visit, the host of an outgoing one. */
  country: trigraphSchema,
  /** A NATO visit: records kept 3 years instead of 1. */
  natoVisit: z.boolean().default(false),
  requester: z.strictObject({
    government: requiredText(200),
    agency: text(200).default(''),
    company: text(200).default(''),
  }),
  facilities: z.array(facilitySchema).min(1, 'name at least one facility').max(20),
  startDate: isoDateSchema,
  endDate: isoDateSchema,
  authority: z
    .strictObject({
      program: text(200).default(''),
      contractNumber: text(60).default(''),
      fmsCase: text(60).default(''),
      exportLicence: text(60).default(''),
    })
    .default({ program: '', contractNumber: '', fmsCase: '', exportLicence: '' }),
  purpose: requiredText(2000),
  accessLevel: z.enum(ACCESS_LEVELS),
  securityAssurance: securityAssuranceSchema.nullable().default(null),
  /** The date the request was submitted (by the sponsoring government, or by us to the CSA). */
  submittedOn: isoDateSchema,
  /** Outgoing visits: the host country's lead time in working days (we add 5). */
  hostLeadTimeWorkingDays: z.number().int().min(0).max(120).nullable().default(null),
  /** Long-term / extended visits: the Technology Control Plan that governs them. */
  technologyControlPlanRef: text(100).default(''),
  /** Emergency visits: the person visited, the foreign-government point of contact and why it cannot wait. */
  personVisited: text(200).default(''),
  foreignGovernmentPoc: text(200).default(''),
  emergencyJustification: text(2000).default(''),
  escort: text(200).default(''),
  host: text(200).default(''),
  notes: text(2000).default(''),
});
export type VisitRequestDraft = z.infer<typeof visitRequestDraftSchema>;
export type VisitRequestDraftInput = z.input<typeof visitRequestDraftSchema>;

export const VISIT_STATUSES = ['requested', 'approved', 'denied', 'non_sponsored', 'cancelled', 'in_progress', 'completed', 'void'] as const;
export type VisitStatus = (typeof VISIT_STATUSES)[number];

export const VISIT_STATUS_LABELS: Record<VisitStatus, string> = {
  requested: 'Requested',
  approved: 'Approved',
  denied: 'Denied',
  non_sponsored: 'Non-sponsored',
  cancelled: 'Cancelled',
  in_progress: 'In progress',
  completed: 'Completed',
  void: 'Void',
};

/** What the approval authorises for disclosure. The visitor is never told this. */
export const disclosureSchema = z.strictObject({
  level: z.enum(US_LEVELS),
  scope: requiredText(4000),
  limitations: text(4000).default(''),
});
export type Disclosure = z.infer<typeof disclosureSchema>;

export const tripSchema = z.strictObject({
  from: isoDateSchema,
  to: isoDateSchema,
  /** When the host was notified of this trip: at least 5 working days before it. */
  notifiedOn: isoDateSchema,
  purpose: text(500).default(''),
});
export type Trip = z.infer<typeof tripSchema>;

const nameRef = z.strictObject({ id: ulidSchema, fullName: z.string() });

/** The request as it stood at one version: dates and the names on it. */
export const visitVersionSchema = z.strictObject({ startDate: isoDateSchema, endDate: isoDateSchema, visitors: z.array(nameRef) });
export type VisitVersion = z.infer<typeof visitVersionSchema>;

export const amendmentSchema = z.strictObject({
  number: z.number().int().min(1),
  on: isoDateSchema,
  by: z.string(),
  reference: z.string(),
  reason: z.string(),
  previous: visitVersionSchema,
  current: visitVersionSchema,
  added: z.array(nameRef),
  changed: z.array(nameRef.extend({ fields: z.array(z.string()) })),
  removed: z.array(nameRef),
});
export type Amendment = z.infer<typeof amendmentSchema>;

export const visitRequestSchema = visitRequestDraftSchema.extend({
  id: ulidSchema,
  siteId: siteIdSchema,
  status: z.enum(VISIT_STATUSES),
  version: z.number().int().min(1),
  /** 0 for the original request; each amendment adds one. */
  amendmentNumber: z.number().int().min(0),
  amendments: z.array(amendmentSchema),
  decision: z
    .strictObject({ outcome: z.enum(['approved', 'denied', 'non_sponsored']), on: isoDateSchema, reference: z.string(), reason: z.string() })
    .nullable(),
  disclosure: disclosureSchema.nullable(),
  trips: z.array(tripSchema),
  cancellation: z.strictObject({ on: isoDateSchema, reason: z.string() }).nullable(),
  startedOn: isoDateSchema.nullable(),
  completedOn: isoDateSchema.nullable(),
  voidReason: z.string(),
  createdAt: isoTimestampSchema,
  createdBy: z.string(),
  updatedAt: isoTimestampSchema,
  updatedBy: z.string(),
});
export type VisitRequest = z.infer<typeof visitRequestSchema>;

export const visitLogEntrySchema = z.strictObject({
  date: isoDateSchema,
  arrivedAt: timeOfDaySchema,
  departedAt: timeOfDaySchema.nullable(),
  badgeNumber: requiredText(40),
  /** Positive identification: who checked the visitor's identity document at arrival. */
  identityCheckedBy: requiredText(200),
  escort: text(200).default(''),
  badgeReturned: z.boolean().nullable(),
});
export type VisitLogEntry = z.infer<typeof visitLogEntrySchema>;

export const arrivalSchema = z.strictObject({
  date: isoDateSchema,
  arrivedAt: timeOfDaySchema,
  badgeNumber: requiredText(40),
  identityCheckedBy: requiredText(200),
  /** Positive identification against the passport or ID document named on the request. */
  positiveIdentification: z.literal(true, 'confirm the visitor was positively identified'),
  escort: text(200).default(''),
});

export const departureSchema = z.strictObject({
  date: isoDateSchema,
  departedAt: timeOfDaySchema,
  badgeReturned: z.boolean(),
});

export const VISITOR_STATUSES = ['active', 'removed'] as const;

export const visitorSchema = visitorDraftSchema.extend({
  id: ulidSchema,
  siteId: siteIdSchema,
  requestId: ulidSchema,
  status: z.enum(VISITOR_STATUSES),
  version: z.number().int().min(1),
  addedInAmendment: z.number().int().min(0),
  removedInAmendment: z.number().int().min(1).nullable(),
  log: z.array(visitLogEntrySchema),
  createdAt: isoTimestampSchema,
  createdBy: z.string(),
  updatedAt: isoTimestampSchema,
  updatedBy: z.string(),
});
export type Visitor = z.infer<typeof visitorSchema>;

/** A visitor as every normal read shows it: passport/ID number and date of birth masked. */
export const visitorViewSchema = visitorSchema.omit({ dateOfBirth: true, document: true }).extend({
  dateOfBirthMasked: z.string(),
  document: z.strictObject({ type: z.enum(IDENTITY_DOCUMENTS), numberMasked: z.string(), issuingCountry: z.string() }),
  /** Arrived today (or earlier) without a departure logged. */
  onSite: z.boolean(),
  disposeAfter: isoDateSchema,
});
export type VisitorView = z.infer<typeof visitorViewSchema>;

/** What `visits.revealVisitor` returns; the call is journalled. */
export const revealedVisitorSchema = z.strictObject({
  visitorId: ulidSchema,
  fullName: z.string(),
  dateOfBirth: isoDateSchema,
  document: visitorDraftSchema.shape.document,
});

const visitComputed = {
  /** Calendar days from start to end, both included. */
  durationDays: z.number().int(),
  /** Records of foreign visits are kept 1 year after the visit ends, NATO visits 3 years. */
  retentionYears: z.number().int(),
  disposeAfter: isoDateSchema,
  /** Denied or non-sponsored without an export licence on the request: public-domain information only. */
  publicDomainOnly: z.boolean(),
  /** The disclosure scope exists but this caller's role may not see it. */
  disclosureWithheld: z.boolean(),
  upcoming: z.boolean(),
  current: z.boolean(),
  activeVisitorCount: z.number().int(),
  onSiteCount: z.number().int(),
  /** Amendments are possible in this state (emergency requests never). */
  amendable: z.boolean(),
};

export const visitListItemSchema = visitRequestSchema.extend(visitComputed);
export type VisitListItem = z.infer<typeof visitListItemSchema>;

export const visitViewSchema = visitListItemSchema.extend({ visitors: z.array(visitorViewSchema) });
export type VisitView = z.infer<typeof visitViewSchema>;

/** What may be handed to the visitor (a pass or welcome sheet): never the disclosure scope. */
export const visitorPassSchema = z.strictObject({
  marking: z.string(),
  visitorId: ulidSchema,
  fullName: z.string(),
  employer: z.string(),
  nationality: z.string(),
  requestNumber: z.string(),
  facilities: z.array(z.string()),
  startDate: isoDateSchema,
  endDate: isoDateSchema,
  host: z.string(),
  escort: z.string(),
  badgeNumber: z.string().nullable(),
  issuedOn: isoDateSchema,
});
export type VisitorPass = z.infer<typeof visitorPassSchema>;
