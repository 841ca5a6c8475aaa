// The visit request summary: the request, its facilities, authority, decision and visitors, for
// the security office and the hosts. The record carries its own marking (CUI by default: it names
// people), which marks every portion but the short title and number; the banner is the highest.
// Identifiers are printed masked, as visits.get returns them; the disclosure scope only when the
// core returned it to this role, and labelled as never to be shown to the visitor.
import { ACCESS_LEVEL_LABELS, VISIT_STATUS_LABELS, type VisitView } from '../../../electron/common/visits/model.js';
import { formatDate, yesNo } from '../format/labels.js';
import { visitDates, visitKind } from '../screens/visits/visitLabels.js';
import { UNCLASSIFIED, UNCLASSIFIED_PORTION as U, pageBanner, portionOf } from './pageMarking.js';
import type { PrintOrigin } from './printContext.js';
import { originLine } from './printContext.js';
import { PrintDocument } from './PrintDocument.js';
import { PrintFields, PrintParagraph, PrintSection, SignatureBlock } from './PrintParts.js';

const DECISIONS = { approved: 'Approved', denied: 'Denied', non_sponsored: 'Non-sponsored' } as const;

export function visitPortions(visit: VisitView) {
  return [UNCLASSIFIED, visit.classification];
}

export function VisitRequestSummary({ visit, origin, onBack }: { visit: VisitView; origin: PrintOrigin; onBack: () => void }) {
  const P = portionOf(visit.classification);
  const visitors = visit.visitors.filter((v) => v.status === 'active');
  const { authority } = visit;
  return (
    <PrintDocument
      title="Visit request summary"
      subtitle={`Request ${visit.requestNumber} · ${originLine(origin)}`}
      banner={pageBanner(visitPortions(visit))}
      fileName={`Visit request ${visit.requestNumber}`}
      onBack={onBack}
      backLabel="Back to visit request"
    >
      <PrintSection title="Request">
        <PrintFields
          items={[
            [U, 'Request number', visit.requestNumber],
            [U, 'Unclassified short title', visit.unclassifiedTitle],
            [P, 'Kind', visitKind(visit)],
            [P, 'Status', VISIT_STATUS_LABELS[visit.status]],
            [P, 'Country', visit.country],
            [P, 'NATO visit', yesNo(visit.natoVisit)],
            [P, 'Requesting government', visit.requester.government],
            [P, 'Agency / company', [visit.requester.agency, visit.requester.company].filter((s) => s !== '').join(' / ')],
            [P, 'Dates', visitDates(visit)],
            [P, 'Submitted on', visit.submittedOn],
            visit.amendmentNumber > 0 && [P, 'Amendment', String(visit.amendmentNumber)],
            [P, 'Host', visit.host],
            [P, 'Escort', visit.escort],
          ]}
        />
      </PrintSection>
      <PrintSection title="Facilities">
        {visit.facilities.map((f, i) => (
          <PrintFields
            key={i}
            items={[
              [P, `Facility ${i + 1}`, f.name],
              [P, `Address of facility ${i + 1}`, f.address],
              [P, `Point of contact at facility ${i + 1}`, f.pointOfContact],
              [P, `Security officer at facility ${i + 1}`, f.securityOfficer],
            ]}
          />
        ))}
      </PrintSection>
      <PrintSection title="Authority and purpose">
        <PrintFields
          items={[
            [P, 'Program', authority.program],
            [P, 'Contract number', authority.contractNumber],
            authority.fmsCase !== '' && [P, 'FMS case', authority.fmsCase],
            authority.exportLicence !== '' && [P, 'Export licence', authority.exportLicence],
            [P, 'Level of access requested', ACCESS_LEVEL_LABELS[visit.accessLevel]],
            [P, 'Security assurance', visit.securityAssurance ? `${visit.securityAssurance.providedBy}, ${visit.securityAssurance.on}${visit.securityAssurance.reference ? `, ${visit.securityAssurance.reference}` : ''}` : 'Not received'],
            visit.technologyControlPlanRef !== '' && [P, 'Technology Control Plan', visit.technologyControlPlanRef],
            visit.type === 'emergency' && [P, 'Person visited', visit.personVisited],
            visit.type === 'emergency' && [P, 'Foreign-government point of contact', visit.foreignGovernmentPoc],
            visit.type === 'emergency' && [P, 'Why it cannot wait', visit.emergencyJustification],
          ]}
        />
        <PrintParagraph portion={P}>Purpose: {visit.purpose}</PrintParagraph>
      </PrintSection>
      <PrintSection title="Decision">
        <PrintFields
          items={[
            [P, 'Decision', visit.decision ? `${DECISIONS[visit.decision.outcome]} on ${visit.decision.on}` : 'Not decided yet'],
            visit.decision !== null && [P, 'Decision reference', visit.decision.reference],
            visit.publicDomainOnly && [P, 'Disclosure', 'Public-domain information only'],
          ]}
        />
        {visit.disclosure && (
          <>
            <p className="print-note">Disclosure authorised: never to be shown or told to the visitor.</p>
            <PrintFields
              items={[
                [P, 'Level authorised for disclosure', visit.disclosure.level],
                [P, 'Scope', visit.disclosure.scope],
                [P, 'Limitations', visit.disclosure.limitations],
              ]}
            />
          </>
        )}
        {visit.disclosureWithheld && <p className="print-note">The disclosure scope is not shown to your role.</p>}
      </PrintSection>
      <PrintSection title="Visitors">
        <table className="print-table">
          <caption>Visitors on the request (identifiers masked)</caption>
          <thead>
            <tr>
              <th scope="col">Marking</th>
              <th scope="col">Name</th>
              <th scope="col">Nationality</th>
              <th scope="col">Date of birth</th>
              <th scope="col">Document</th>
              <th scope="col">Clearance</th>
              <th scope="col">Position, employer</th>
            </tr>
          </thead>
          <tbody>
            {visitors.map((v) => (
              <tr key={v.id}>
                <td>{P}</td>
                <th scope="row">{v.fullName}</th>
                <td>{v.nationality}</td>
                <td>{v.dateOfBirthMasked}</td>
                <td>
                  {v.document.numberMasked} ({v.document.issuingCountry})
                </td>
                <td>{v.clearance.level === 'NONE' ? 'None' : `${v.clearance.level}${v.clearance.grantingAuthority ? `, ${v.clearance.grantingAuthority}` : ''}`}</td>
                <td>{`${v.position}, ${v.employer}`}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <PrintParagraph portion={U}>
          Records of this visit are kept until {formatDate(visit.disposeAfter)} ({visit.retentionYears} {visit.retentionYears === 1 ? 'year' : 'years'} after
          the visit).
        </PrintParagraph>
      </PrintSection>
      <PrintSection title="Prepared by">
        <SignatureBlock title="Facility Security Officer" />
      </PrintSection>
    </PrintDocument>
  );
}
