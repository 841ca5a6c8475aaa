// A visit request's fields, grouped as an FSO reads them. The disclosure scope shows only when
// the core returned it (roles that may not see it get a note instead); it is never on the pass.
import { Alert } from '@trussworks/react-uswds';
import { bannerMarking } from '../../../../electron/common/classification/index.js';
import type { VisitView } from '../../../../electron/common/visits/model.js';
import { ACCESS_LEVEL_LABELS, VISIT_STATUS_LABELS, VISIT_TYPE_LABELS } from '../../../../electron/common/visits/model.js';
import { FieldSection } from '../../components/FieldSection.js';
import { DIRECTION_LABELS, formatDate, yesNo } from '../../format/labels.js';
import { visitDates } from './visitLabels.js';

const join = (...parts: string[]) => parts.filter((p) => p !== '').join(' · ');

function Disclosure({ visit }: { visit: VisitView }) {
  if (visit.disclosure) {
    return (
      <FieldSection
        id="visit-disclosure"
        title="Disclosure authorised (never given to the visitor)"
        headingLevel="h3"
        items={[
          ['Level authorised for disclosure', visit.disclosure.level],
          ['Scope', visit.disclosure.scope],
          ['Limitations', visit.disclosure.limitations],
        ]}
      />
    );
  }
  if (visit.disclosureWithheld) return <p>A disclosure scope was recorded with the approval; your role does not see it.</p>;
  return null;
}

export function VisitFields({ visit: v }: { visit: VisitView }) {
  const emergency = v.type === 'emergency';
  return (
    <div className="receipt-fields">
      <FieldSection
        id="visit-request"
        title="Request"
        items={[
          ['Request number', v.requestNumber],
          ['Direction', DIRECTION_LABELS[v.direction]],
          ['Type of visit', VISIT_TYPE_LABELS[v.type]],
          ['Unclassified short title', v.unclassifiedTitle],
          ['Marking', bannerMarking(v.classification)],
          ['Foreign government concerned', v.country],
          ['NATO visit', yesNo(v.natoVisit)],
          ['Requesting government, agency, company', join(v.requester.government, v.requester.agency, v.requester.company)],
          ['Purpose and justification', v.purpose],
          ['Level of access requested', ACCESS_LEVEL_LABELS[v.accessLevel]],
          ['Program', v.authority.program],
          ['Contract number', v.authority.contractNumber],
          ['FMS case', v.authority.fmsCase],
          ['Export licence', v.authority.exportLicence],
          ['Date submitted', v.submittedOn],
          v.direction === 'outgoing' && ["Host country's lead time", v.hostLeadTimeWorkingDays === null ? '' : `${v.hostLeadTimeWorkingDays} working days (+5)`],
          v.type === 'long_term' && ['Technology Control Plan', v.technologyControlPlanRef],
          emergency && ['Person visited', v.personVisited],
          emergency && ['Foreign-government point of contact', v.foreignGovernmentPoc],
          emergency && ['Emergency justification', v.emergencyJustification],
          ['Host', v.host],
          ['Escort', v.escort],
          ['Notes', v.notes],
        ]}
      >
        <h3>Facilities visited</h3>
        <ul className="usa-list">
          {v.facilities.map((f, i) => (
            <li key={i}>{join(f.name, f.address, `POC: ${f.pointOfContact}`, `Security officer: ${f.securityOfficer}`)}</li>
          ))}
        </ul>
      </FieldSection>
      <FieldSection
        id="visit-dates"
        title="Dates"
        items={[
          ['Dates', visitDates(v)],
          ['Started', formatDate(v.startedOn)],
          ['Completed', formatDate(v.completedOn)],
          ['Now', v.current ? 'Current' : v.upcoming ? 'Upcoming' : '—'],
          ['Visitors on site now', String(v.onSiteCount)],
        ]}
      />
      <FieldSection
        id="visit-decision"
        title="Decision and disclosure"
        items={[
          ['Status', VISIT_STATUS_LABELS[v.status]],
          ['Decision', v.decision ? join(VISIT_STATUS_LABELS[v.decision.outcome], v.decision.on, v.decision.reference, v.decision.reason) : 'Not decided yet'],
          ['Security assurance', v.securityAssurance ? join(v.securityAssurance.providedBy, v.securityAssurance.on, v.securityAssurance.reference) : 'Not received'],
          v.cancellation && ['Cancelled', `${v.cancellation.on}: ${v.cancellation.reason}`],
          v.voidReason !== '' && ['Void reason', v.voidReason],
        ]}
      >
        {v.publicDomainOnly && (
          <Alert type="warning" headingLevel="h3" slim>
            Public-domain information only: the request was {VISIT_STATUS_LABELS[v.decision?.outcome ?? v.status].toLowerCase()} and no export licence is recorded.
          </Alert>
        )}
        <Disclosure visit={v} />
      </FieldSection>
      {v.type === 'recurring' && (
        <FieldSection id="visit-trips" title="Trips" items={v.trips.length > 0 ? v.trips.map((t, i) => [`Trip ${i + 1}`, join(`${t.from} to ${t.to}`, `host notified ${t.notifiedOn}`, t.purpose)]) : [['Trips', 'None logged']]} />
      )}
      <FieldSection
        id="visit-retention"
        title="Retention"
        items={[
          ['Records kept', `${v.retentionYears} ${v.retentionYears === 1 ? 'year' : 'years'} after the visit${v.natoVisit ? ' (NATO visit)' : ''}`],
          ['May be disposed of after', v.disposeAfter],
        ]}
      />
    </div>
  );
}
