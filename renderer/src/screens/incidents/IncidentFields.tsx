// An incident's facts, the material involved with its linked receipts (each opens), the
// determination, the findings split into internal and releasable to the foreign government,
// notifications and corrective actions.
import { Button } from '@trussworks/react-uswds';
import { observer } from 'mobx-react-lite';
import { bannerMarking } from '../../../../electron/common/classification/index.js';
import type { IncidentView } from '../../../../electron/common/incidents/model.js';
import { DETERMINATION_LABELS } from '../../../../electron/common/incidents/model.js';
import { STATUS_LABELS } from '../../../../electron/common/receipts/model.js';
import { FieldSection } from '../../components/FieldSection.js';
import { useStores } from '../../components/StoresContext.js';
import { formatDate, listOrDash, yesNo } from '../../format/labels.js';

const join = (...parts: string[]) => parts.filter((p) => p !== '').join(' · ');

const LinkedReceipts = observer(function LinkedReceipts({ incident }: { incident: IncidentView }) {
  const { ui } = useStores();
  if (incident.linkedReceipts.length === 0) return <p>No receipts linked.</p>;
  return (
    <ul className="usa-list linked-receipts">
      {incident.linkedReceipts.map((r) => (
        <li key={r.id}>
          <Button type="button" unstyled onClick={() => ui.navigate({ name: 'receipt', id: r.id })}>
            Open receipt {r.controlNumber}
          </Button>{' '}
          ({STATUS_LABELS[r.status as keyof typeof STATUS_LABELS] ?? r.status})
        </li>
      ))}
    </ul>
  );
});

export function IncidentFields({ incident: i }: { incident: IncidentView }) {
  const v = i.classificationValidation;
  const fg = i.foreignGovernment;
  return (
    <div className="receipt-fields">
      <FieldSection
        id="incident-facts"
        title="What happened"
        items={[
          ['Incident number', i.incidentNumber],
          ['Unclassified short title', i.unclassifiedTitle],
          ['Marking of this record', bannerMarking(i.classification)],
          ['What happened', i.description],
          ['Where', i.location],
          ['Date it happened', formatDate(i.occurredOn)],
          ['Date discovered', i.discoveredOn],
          ['Reported by', i.reportedBy],
          ['Reported to', i.reportedTo],
          ['Reported to the security office on', i.reportedOn],
          ['Exposure period', `${formatDate(i.exposure.from)} to ${i.exposure.to ?? 'unknown'}`],
          ['Circumstances of the exposure', i.exposure.circumstances],
          ['Unauthorised persons with possible access', listOrDash(i.unauthorisedPersons.map((p) => join(p.name, p.affiliation, p.nationality ?? '', p.notes)))],
          ['Classification validated', v.validated ? join(`Yes, ${formatDate(v.on)}`, `by ${v.by}`, v.notes) : 'Not yet'],
          ['Notes', i.notes],
        ]}
      />
      <FieldSection id="incident-material" title="Material involved">
        <ul className="usa-list">
          {i.material.map((m, n) => (
            <li key={n}>
              <strong>{bannerMarking(m.classification)}</strong> {join(m.description, m.originator && `originator ${m.originator}`, m.materialDate ? `dated ${m.materialDate}` : '', m.materialType)}
            </li>
          ))}
        </ul>
        <h3>Linked receipts</h3>
        <LinkedReceipts incident={i} />
      </FieldSection>
      <FieldSection
        id="incident-determination"
        title="Determination"
        items={i.determination ? [['Determination', DETERMINATION_LABELS[i.determination.outcome]], ['Reasons', i.determination.reasons], ['Date', i.determination.on]] : [['Determination', 'Not made yet']]}
      />
      <section className="receipt-section" aria-labelledby="incident-findings-heading">
        <h2 id="incident-findings-heading">Findings</h2>
        <FieldSection id="incident-internal" title="Internal findings (never released)" headingLevel="h3" items={[['Internal findings', i.internalFindings]]} />
        <FieldSection
          id="incident-releasable"
          title="Releasable to the foreign government"
          headingLevel="h3"
          items={[
            ['Marking of the release', bannerMarking(i.foreignRelease.classification)],
            ['Circumstances', i.foreignRelease.circumstances],
            ['Findings', i.foreignRelease.findings],
          ]}
        />
      </section>
      <FieldSection
        id="incident-notifications"
        title="Notifications"
        items={[
          ['CSA notified on', formatDate(i.csaNotifiedOn)],
          ['Foreign government or NATO involved', fg.involved ? `Yes: ${listOrDash(fg.countries)}` : yesNo(false)],
          fg.involved && ['Foreign government notified', fg.notifiedOn ? join(fg.notifiedOn, fg.notifiedVia) : 'Not yet'],
          ['CSA review reference', i.csaReviewReference],
          ['CSA determination at closing', i.csaClosure],
          i.voidReason !== '' && ['Void reason', i.voidReason],
        ]}
      />
      <FieldSection
        id="incident-corrective"
        title="Corrective actions"
        items={
          i.correctiveActions.length > 0
            ? i.correctiveActions.map((a, n) => [`Action ${n + 1}`, join(a.description, a.dueOn ? `due ${a.dueOn}` : '', a.completedOn ? `completed ${a.completedOn}` : 'open')])
            : [['Corrective actions', 'None recorded']]
        }
      />
    </div>
  );
}
