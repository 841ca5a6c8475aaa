// Rules on a visit request that a schema alone cannot state (DOMAIN.md "International visits",
// MISWG Document 7). Each broken rule names its field; the caller refuses the whole change.
import type { FieldIssue } from '../../../common/result.js';
import { LedgerError } from '../../../common/result.js';
import { daysBetween } from '../../../common/primitives.js';
import type { AccessLevel, VisitorDraft, VisitRequestDraft } from '../../../common/visits/model.js';
import { VISIT_TYPE_LABELS } from '../../../common/visits/model.js';
import { normaliseIdentifier } from '../../../common/visits/identifiers.js';
import {
  MAX_DAYS_AHEAD,
  MAX_VISITORS_PER_REQUEST,
  clearanceCovers,
  durationLimitText,
  latestEndDate,
  latestSubmissionDate,
  visitDurationDays,
} from '../../../common/visits/rules.js';

type Path = (string | number)[];

export function assertNoIssues(issues: FieldIssue[], what: string): void {
  if (issues.length > 0) {
    throw new LedgerError('INVALID_INPUT', `${what}: ${issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`, { issues });
  }
}

/** Dates and type limits: shared by a new request and an amendment of its dates. */
export function dateIssues(type: VisitRequestDraft['type'], startDate: string, endDate: string, path: { start: Path; end: Path }): FieldIssue[] {
  if (endDate < startDate) return [{ path: path.end, message: 'is before the start date' }];
  const latest = latestEndDate(type, startDate);
  if (endDate > latest) {
    return [
      {
        path: path.end,
        message: `a ${VISIT_TYPE_LABELS[type].toLowerCase()} visit lasts at most ${durationLimitText(type)}: end by ${latest} (this covers ${visitDurationDays(startDate, endDate)} days)`,
      },
    ];
  }
  return [];
}

/** Submission no more than 90 days ahead of the start. */
export function windowIssues(submittedOn: string, startDate: string, path: Path): FieldIssue[] {
  const ahead = daysBetween(submittedOn, startDate);
  if (ahead > MAX_DAYS_AHEAD) {
    return [{ path, message: `is ${ahead} days before the start: a request may be submitted no more than ${MAX_DAYS_AHEAD} days ahead` }];
  }
  return [];
}

export function requestIssues(draft: VisitRequestDraft, today: string): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const add = (path: Path, message: string) => issues.push({ path, message });

  if (draft.classification.level !== 'UNCLASSIFIED') add(['classification', 'level'], 'visit requests must themselves be unclassified');
  issues.push(...dateIssues(draft.type, draft.startDate, draft.endDate, { start: ['startDate'], end: ['endDate'] }));

  if (draft.submittedOn > today) add(['submittedOn'], 'cannot be in the future');
  else if (draft.submittedOn > draft.startDate) add(['submittedOn'], 'is after the start of the visit');
  else issues.push(...windowIssues(draft.submittedOn, draft.startDate, ['submittedOn']));

  if (draft.securityAssurance && draft.securityAssurance.on > today) add(['securityAssurance', 'on'], 'cannot be in the future');

  if (draft.type === 'long_term' && draft.technologyControlPlanRef === '') {
    add(['technologyControlPlanRef'], 'is required for a long-term / extended visit');
  }
  if (draft.type === 'emergency') {
    if (draft.personVisited === '') add(['personVisited'], 'is required for an emergency visit');
    if (draft.foreignGovernmentPoc === '') add(['foreignGovernmentPoc'], 'is required for an emergency visit');
    if (draft.authority.contractNumber === '') add(['authority', 'contractNumber'], 'is required for an emergency visit');
    if (draft.emergencyJustification === '') add(['emergencyJustification'], 'is required for an emergency visit: say why it cannot wait');
  }

  if (draft.direction === 'incoming' && draft.hostLeadTimeWorkingDays !== null) {
    add(['hostLeadTimeWorkingDays'], 'applies only to outgoing visits (the host country is foreign)');
  }
  if (draft.direction === 'outgoing' && draft.type !== 'emergency') {
    if (draft.hostLeadTimeWorkingDays === null) {
      add(['hostLeadTimeWorkingDays'], "is required for an outgoing visit: give the host country's lead time");
    } else {
      const latest = latestSubmissionDate(draft.startDate, draft.hostLeadTimeWorkingDays);
      if (draft.submittedOn > latest) {
        add(
          ['submittedOn'],
          `is too late: the host country's ${draft.hostLeadTimeWorkingDays} working days plus 5 mean submitting by ${latest} (or request an emergency visit)`,
        );
      }
    }
  }
  return issues;
}

/** Requests naming more than 30 visitors are split. */
export function visitorCountIssues(count: number, path: Path): FieldIssue[] {
  if (count > MAX_VISITORS_PER_REQUEST) {
    return [
      {
        path,
        message: `a request may name at most ${MAX_VISITORS_PER_REQUEST} visitors: split it into separate requests (this one would name ${count})`,
      },
    ];
  }
  return [];
}

export function visitorIssues(visitor: VisitorDraft, accessLevel: AccessLevel, today: string, path: Path): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (visitor.dateOfBirth >= today) issues.push({ path: [...path, 'dateOfBirth'], message: 'must be in the past' });
  if (visitor.clearance.level !== 'NONE' && visitor.clearance.grantingAuthority === '') {
    issues.push({ path: [...path, 'clearance', 'grantingAuthority'], message: 'name the authority that granted the clearance' });
  }
  if (!clearanceCovers(visitor.clearance.level, accessLevel)) {
    issues.push({ path: [...path, 'clearance', 'level'], message: `is below the level of access requested (${accessLevel})` });
  }
  return issues;
}

/** The same passport or ID must not appear twice among the active visitors of one request. */
export function duplicateDocumentIssues(visitors: readonly { document: VisitorDraft['document'] }[], path: (index: number) => Path): FieldIssue[] {
  const seen = new Set<string>();
  const issues: FieldIssue[] = [];
  visitors.forEach((v, i) => {
    const key = `${v.document.issuingCountry}/${normaliseIdentifier(v.document.type, v.document.number)}`;
    if (seen.has(key)) issues.push({ path: [...path(i), 'document', 'number'], message: 'names the same document as another visitor on this request' });
    seen.add(key);
  });
  return issues;
}

export function assertNotFuture(date: string, today: string, path: Path): void {
  if (date > today) throw new LedgerError('INVALID_INPUT', `${path.join('.')} cannot be in the future`, { issues: [{ path, message: 'cannot be in the future' }] });
}

export function refuse(path: Path, message: string): never {
  throw new LedgerError('INVALID_INPUT', `${path.join('.')} ${message}`, { issues: [{ path, message }] });
}
