// How visits are read: identifiers masked, the disclosure scope only for the roles that need it,
// retention and "current/upcoming" computed from today.
import { bannerMarking } from '../../../common/classification/index.js';
import { DISCLOSURE_READERS } from '../../../common/contract/visits.js';
import type { Role } from '../../../common/roles.js';
import type { Visitor, VisitorPass, VisitorView, VisitListItem, VisitRequest, VisitView } from '../../../common/visits/model.js';
import { maskDateOfBirth, maskIdentifier } from '../../../common/visits/identifiers.js';
import { disposeAfter, retentionYears, visitDurationDays, visitEnd } from '../../../common/visits/rules.js';
import { isAmendable } from '../../../common/visits/transitions.js';

export function canSeeDisclosure(roles: readonly Role[]): boolean {
  return roles.some((role) => DISCLOSURE_READERS.includes(role));
}

export function toVisitorView(visitor: Visitor, request: Pick<VisitRequest, 'completedOn' | 'endDate' | 'natoVisit'>): VisitorView {
  const { dateOfBirth, document, ...rest } = visitor;
  return {
    ...rest,
    dateOfBirthMasked: maskDateOfBirth(dateOfBirth),
    document: { type: document.type, numberMasked: maskIdentifier(document.number), issuingCountry: document.issuingCountry },
    onSite: visitor.log.some((entry) => entry.departedAt === null),
    disposeAfter: disposeAfter(visitEnd(request), request.natoVisit),
  };
}

export function toVisitListItem(request: VisitRequest, counts: { active: number; onSite: number }, today: string, roles: readonly Role[]): VisitListItem {
  const seesDisclosure = canSeeDisclosure(roles);
  const { status, startDate, endDate } = request;
  return {
    ...request,
    disclosure: seesDisclosure ? request.disclosure : null,
    durationDays: visitDurationDays(startDate, endDate),
    retentionYears: retentionYears(request.natoVisit),
    disposeAfter: disposeAfter(visitEnd(request), request.natoVisit),
    publicDomainOnly: request.decision !== null && request.decision.outcome !== 'approved' && request.authority.exportLicence === '',
    disclosureWithheld: request.disclosure !== null && !seesDisclosure,
    upcoming: (status === 'requested' || status === 'approved') && startDate > today,
    current: status === 'in_progress' || (status === 'approved' && startDate <= today && endDate >= today),
    activeVisitorCount: counts.active,
    onSiteCount: counts.onSite,
    amendable: isAmendable(request.type, status),
  };
}

export function toVisitView(request: VisitRequest, visitors: readonly Visitor[], today: string, roles: readonly Role[]): VisitView {
  const views = visitors.map((v) => toVisitorView(v, request));
  const counts = { active: views.filter((v) => v.status === 'active').length, onSite: views.filter((v) => v.onSite).length };
  return { ...toVisitListItem(request, counts, today, roles), visitors: views };
}

/** For the visitor: who, where, when, badge. Never the disclosure scope, access level or identifiers. */
export function toVisitorPass(visitor: Visitor, request: VisitRequest, today: string): VisitorPass {
  const open = visitor.log.find((entry) => entry.departedAt === null);
  return {
    marking: bannerMarking(request.classification),
    visitorId: visitor.id,
    fullName: visitor.fullName,
    employer: visitor.employer,
    nationality: visitor.nationality,
    requestNumber: request.requestNumber,
    facilities: request.facilities.map((f) => f.name),
    startDate: request.startDate,
    endDate: request.endDate,
    host: request.host,
    escort: request.escort,
    badgeNumber: open?.badgeNumber ?? null,
    issuedOn: today,
  };
}
