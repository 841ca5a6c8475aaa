// The incident workflow and each step's due date (32 CFR 117.8(d); DOMAIN.md "Loss, compromise
// and suspected compromise"). Due dates are computed at read time from the dates stored in the
// record and the step periods frozen into it when it was opened, so a later change of local
// policy applies to later incidents only (like a receipt's suspense).
import { z } from 'zod';
import { addDays, daysBetween, isoDateSchema } from '../primitives.js';

export const INCIDENT_STATUSES = ['reported', 'preliminary_inquiry', 'initial_report', 'investigation', 'final_report', 'csa_review', 'closed', 'void'] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

/** The steps after `reported`, in order; each is done when the incident enters it. */
export const INCIDENT_STEPS = ['preliminary_inquiry', 'initial_report', 'investigation', 'final_report', 'csa_review', 'closed'] as const;
export type IncidentStep = (typeof INCIDENT_STEPS)[number];

export const INCIDENT_STATUS_LABELS: Record<IncidentStatus, string> = {
  reported: 'Reported',
  preliminary_inquiry: 'Preliminary inquiry',
  initial_report: 'Initial report to CSA',
  investigation: 'Investigation',
  final_report: 'Final report to CSA',
  csa_review: 'CSA review',
  closed: 'Closed',
  void: 'Void',
};

/**
 * Days allowed for each step, counted from the date the incident was reported to the security
 * office (the CSA follow-up: from the final report). Which are regulation and which practice:
 * - preliminaryInquiry 1: 117.8(d)(1) says "immediately"; 1-2 days is common practice.
 * - initialReport 2: 117.8(d) says "promptly" once loss/compromise is confirmed; 2 days (the
 *   inquiry's 1-2 days, then the report) is common practice.
 * - investigation 3: local practice, start the investigation right after the initial report.
 * - finalReport 30: common practice (the 30-day goal), not regulation.
 * - csaReviewFollowUp 30: local practice, follow up with the CSA if its review has not begun.
 * Closing has no due date of ours: the CSA closes the case.
 */
export const incidentStepDaysSchema = z
  .strictObject({
    preliminaryInquiry: z.number().int().min(0).max(2, 'may not exceed 2 days: 117.8(d)(1) says immediately'),
    initialReport: z.number().int().min(0).max(30),
    investigation: z.number().int().min(0).max(60),
    finalReport: z.number().int().min(1).max(365),
    csaReviewFollowUp: z.number().int().min(1).max(365),
  })
  .superRefine((d, ctx) => {
    const order: (keyof typeof d)[] = ['preliminaryInquiry', 'initialReport', 'investigation', 'finalReport'];
    for (let i = 1; i < order.length; i++) {
      const key = order[i]!;
      const before = order[i - 1]!;
      if (d[key] < d[before]) ctx.addIssue({ code: 'custom', path: [key], message: `may not be shorter than ${before} (${d[before]} days)` });
    }
  });
export type IncidentStepDays = z.infer<typeof incidentStepDaysSchema>;

export const DEFAULT_INCIDENT_STEP_DAYS: IncidentStepDays = {
  preliminaryInquiry: 1,
  initialReport: 2,
  investigation: 3,
  finalReport: 30,
  csaReviewFollowUp: 30,
};

export const STEP_STATES = ['done', 'pending', 'overdue', 'skipped'] as const;

export const stepViewSchema = z.strictObject({
  step: z.enum(INCIDENT_STEPS),
  label: z.string(),
  dueOn: z.string().nullable(),
  doneOn: z.string().nullable(),
  state: z.enum(STEP_STATES),
  daysOverdue: z.number().int(),
});
export type StepView = z.infer<typeof stepViewSchema>;

export const stepsDoneSchema = z.strictObject(
  Object.fromEntries(INCIDENT_STEPS.map((step) => [step, isoDateSchema.nullable()])) as Record<IncidentStep, z.ZodNullable<typeof isoDateSchema>>,
);

export const NO_STEPS_DONE: Record<IncidentStep, string | null> = {
  preliminary_inquiry: null,
  initial_report: null,
  investigation: null,
  final_report: null,
  csa_review: null,
  closed: null,
};

export interface StepFacts {
  status: IncidentStatus;
  reportedOn: string;
  stepDays: IncidentStepDays;
  /** The date each step was entered, or null. */
  stepsDone: Record<IncidentStep, string | null>;
}

export function stepDueOn(step: IncidentStep, facts: Pick<StepFacts, 'reportedOn' | 'stepDays' | 'stepsDone'>): string | null {
  const { reportedOn, stepDays } = facts;
  switch (step) {
    case 'preliminary_inquiry':
      return addDays(reportedOn, stepDays.preliminaryInquiry);
    case 'initial_report':
      return addDays(reportedOn, stepDays.initialReport);
    case 'investigation':
      return addDays(reportedOn, stepDays.investigation);
    case 'final_report':
      return addDays(reportedOn, stepDays.finalReport);
    case 'csa_review': {
      const finalReport = facts.stepsDone.final_report;
      return finalReport !== null ? addDays(finalReport, stepDays.csaReviewFollowUp) : null;
    }
    case 'closed':
      return null;
  }
}

/** Every step with its due date and state today. Overdue is a fact of today, never stored. */
export function incidentSteps(facts: StepFacts, today: string): StepView[] {
  const finished = facts.status === 'closed' || facts.status === 'void';
  return INCIDENT_STEPS.map((step) => {
    const dueOn = stepDueOn(step, facts);
    const doneOn = facts.stepsDone[step];
    let state: StepView['state'];
    if (doneOn !== null) state = 'done';
    else if (finished) state = 'skipped';
    else if (dueOn !== null && dueOn < today) state = 'overdue';
    else state = 'pending';
    return {
      step,
      label: INCIDENT_STATUS_LABELS[step],
      dueOn,
      doneOn,
      state,
      daysOverdue: state === 'overdue' && dueOn !== null ? daysBetween(dueOn, today) : 0,
    };
  });
}

/** The earliest due date among the steps not yet done, or null when nothing is due (for SQL filters). */
export function nextDueOn(facts: StepFacts): string | null {
  if (facts.status === 'closed' || facts.status === 'void') return null;
  const dues = INCIDENT_STEPS.filter((step) => facts.stepsDone[step] === null)
    .map((step) => stepDueOn(step, facts))
    .filter((d): d is string => d !== null)
    .sort();
  return dues[0] ?? null;
}
