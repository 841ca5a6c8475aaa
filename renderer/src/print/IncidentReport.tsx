// The incident's initial and final reports to the CSA (32 CFR 117.8(d)), each in two versions.
// Internal: the whole record as incidents.get returns it to this role; the record's marking marks
// its facts and findings, the release's marking the findings releasable to the foreign
// government; personnel matters only when the core returned them. Releasable: only what
// incidents.foreignRelease returns (32 CFR 2001.48(b)), under the banner the core gave it.
import type { ForeignReleaseView, IncidentView } from '../../../electron/common/incidents/model.js';
import { CULPABILITY_LABELS, DETERMINATION_LABELS } from '../../../electron/common/incidents/model.js';
import { INCIDENT_STATUS_LABELS } from '../../../electron/common/incidents/steps.js';
import { bannerMarking } from '../../../electron/common/classification/index.js';
import { formatDate, listOrDash, yesNo } from '../format/labels.js';
import { UNCLASSIFIED, UNCLASSIFIED_PORTION as U, pageBanner, portionOf } from './pageMarking.js';
import type { PrintOrigin } from './printContext.js';
import { originLine } from './printContext.js';
import type { IncidentReportKind } from './printForms.js';
import { PrintDocument } from './PrintDocument.js';
import { PrintFields, PrintParagraph, PrintSection, SignatureBlock } from './PrintParts.js';

const REPORT_TITLES: Record<IncidentReportKind, string> = { initial: 'Initial report', final: 'Final report' };

function join(...parts: string[]): string {
  return parts.filter((p) => p !== '').join(', ');
}

interface MaterialRow {
  description: string;
  marking: string;
  originator: string;
  materialDate: string | null;
  materialType: string;
}

/** The material involved: unclassified descriptions, each with the material's own marking as a fact. */
function MaterialTable({ material }: { material: readonly MaterialRow[] }) {
  return (
    <table className="print-table">
      <caption>Material involved</caption>
      <thead>
        <tr>
          <th scope="col">Marking</th>
          <th scope="col">Description</th>
          <th scope="col">Classification of the material</th>
          <th scope="col">Originator</th>
          <th scope="col">Date, type</th>
        </tr>
      </thead>
      <tbody>
        {material.map((m, i) => (
          <tr key={i}>
            <td>{U}</td>
            <th scope="row">{m.description}</th>
            <td>{m.marking}</td>
            <td>{m.originator || '—'}</td>
            <td>{join(m.materialDate ?? '', m.materialType) || '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The portions of the internal report: the final one adds the releasable findings. */
export function internalPortions(incident: IncidentView, report: IncidentReportKind) {
  return report === 'final' ? [UNCLASSIFIED, incident.classification, incident.foreignRelease.classification] : [UNCLASSIFIED, incident.classification];
}

interface InternalProps {
  incident: IncidentView;
  report: IncidentReportKind;
  origin: PrintOrigin;
  onBack: () => void;
}

export function IncidentReport({ incident: i, report, origin, onBack }: InternalProps) {
  const P = portionOf(i.classification);
  const final = report === 'final';
  return (
    <PrintDocument
      title={`${REPORT_TITLES[report]} of loss or compromise: internal version`}
      subtitle={`Incident ${i.incidentNumber} · ${originLine(origin)}`}
      banner={pageBanner(internalPortions(i, report))}
      fileName={`Incident ${i.incidentNumber} ${report} report internal`}
      onBack={onBack}
      backLabel="Back to incident"
    >
      <p className="print-note">Internal version: not for release to a foreign government.</p>
      <PrintSection title="Incident">
        <PrintFields
          items={[
            [U, 'Incident number', i.incidentNumber],
            [U, 'Unclassified short title', i.unclassifiedTitle],
            [P, 'Status', INCIDENT_STATUS_LABELS[i.status]],
            [P, 'Date it happened', formatDate(i.occurredOn)],
            [P, 'Date discovered', i.discoveredOn],
            [P, 'Reported by', i.reportedBy],
            [P, 'Reported to', i.reportedTo],
            [P, 'Reported to the security office on', i.reportedOn],
            [P, 'Location', i.location],
          ]}
        />
        <PrintParagraph portion={P}>What happened: {i.description}</PrintParagraph>
      </PrintSection>
      <PrintSection title="Material">
        <MaterialTable material={i.material.map((m) => ({ ...m, marking: bannerMarking(m.classification) }))} />
      </PrintSection>
      <PrintSection title="Exposure">
        <PrintFields
          items={[
            [P, 'Exposure period', `${formatDate(i.exposure.from)} to ${i.exposure.to ?? 'unknown'}`],
            [P, 'Unauthorised persons with possible access', listOrDash(i.unauthorisedPersons.map((p) => join(p.name, p.affiliation, p.nationality ?? '')))],
            [P, 'Classification validated', i.classificationValidation.validated ? join('Yes', i.classificationValidation.on ?? '', i.classificationValidation.by) : 'Not yet'],
            [P, 'Foreign government involved', i.foreignGovernment.involved ? join('Yes', listOrDash(i.foreignGovernment.countries)) : 'No'],
            i.foreignGovernment.involved && [P, 'Foreign government notified', i.foreignGovernment.notifiedOn ? join(i.foreignGovernment.notifiedOn, i.foreignGovernment.notifiedVia) : 'Not yet'],
            [P, 'CSA notified on', formatDate(i.csaNotifiedOn)],
          ]}
        />
        <PrintParagraph portion={P}>Circumstances: {i.exposure.circumstances}</PrintParagraph>
      </PrintSection>
      <PrintSection title={final ? 'Determination' : 'Preliminary determination'}>
        <PrintFields
          items={[
            [P, 'Determination', i.determination ? `${DETERMINATION_LABELS[i.determination.outcome]} (${i.determination.on})` : 'Not made yet'],
          ]}
        />
        {i.determination && <PrintParagraph portion={P}>Reasons: {i.determination.reasons}</PrintParagraph>}
      </PrintSection>
      {final && <FinalSections incident={i} />}
      <PrintSection title="Submitted by">
        <SignatureBlock title="Facility Security Officer" />
      </PrintSection>
    </PrintDocument>
  );
}

function FinalSections({ incident: i }: { incident: IncidentView }) {
  const P = portionOf(i.classification);
  const R = portionOf(i.foreignRelease.classification);
  const personnel = i.personnel;
  return (
    <>
      <PrintSection title="Findings for internal use">
        <PrintParagraph portion={P}>{i.internalFindings}</PrintParagraph>
      </PrintSection>
      <PrintSection title="Findings releasable to the foreign government">
        <PrintParagraph portion={R}>Circumstances: {i.foreignRelease.circumstances}</PrintParagraph>
        <PrintParagraph portion={R}>Findings: {i.foreignRelease.findings}</PrintParagraph>
      </PrintSection>
      <PrintSection title="Corrective actions">
        <PrintFields
          items={
            i.correctiveActions.length > 0
              ? i.correctiveActions.map((a, n) => [P, `Action ${n + 1}`, join(a.description, a.dueOn ? `due ${a.dueOn}` : '', a.completedOn ? `completed ${a.completedOn}` : 'open')])
              : [[P, 'Actions', 'None recorded']]
          }
        />
      </PrintSection>
      <PrintSection title="Responsible individuals">
        {personnel === null ? (
          <p className="print-note">Personnel matters are not shown to your role.</p>
        ) : (
          <PrintFields
            items={[
              ...personnel.responsible.map((p, n): [string, string, string] => [
                P,
                `Person ${n + 1}`,
                join(p.name, p.identifierMasked, CULPABILITY_LABELS[p.culpability], p.priorIncidents.length > 0 ? `${p.priorIncidents.length} prior incidents` : ''),
              ]),
              ...personnel.disciplinaryActions.map((a, n): [string, string, string] => [
                P,
                `Disciplinary action ${n + 1}`,
                join(a.action, a.on, personnel.responsible.find((p) => p.id === a.personId)?.name ?? ''),
              ]),
              personnel.responsible.length === 0 ? ([P, 'Responsible individuals', 'None named'] as [string, string, string]) : null,
              [P, 'Pattern of incidents', yesNo(personnel.patternAlert)],
            ]}
          />
        )}
      </PrintSection>
    </>
  );
}

interface ReleasableProps {
  release: ForeignReleaseView;
  report: IncidentReportKind;
  origin: PrintOrigin;
  onBack: () => void;
}

export function ReleasableIncidentReport({ release: r, report, origin, onBack }: ReleasableProps) {
  const P = portionOf(r.classification);
  const final = report === 'final';
  return (
    <PrintDocument
      title={`${REPORT_TITLES[report]} of loss or compromise: foreign-releasable version`}
      subtitle={`Incident ${r.incidentNumber} · ${originLine(origin)}`}
      banner={r.marking}
      fileName={`Incident ${r.incidentNumber} ${report} report releasable`}
      onBack={onBack}
      backLabel="Back to foreign-releasable version"
    >
      <p className="print-note">For release to: {listOrDash(r.countries)}. Circumstances and releasable findings only.</p>
      <PrintSection title="Incident">
        <PrintFields
          items={[
            [U, 'Incident number', r.incidentNumber],
            [U, 'Unclassified short title', r.unclassifiedTitle],
            [P, 'Governments concerned', listOrDash(r.countries)],
            [P, 'Date it happened', formatDate(r.occurredOn)],
            [P, 'Date discovered', r.discoveredOn],
            [P, 'Exposure period', `${formatDate(r.exposure.from)} to ${r.exposure.to ?? 'unknown'}`],
            [U, 'Prepared on', r.preparedOn],
          ]}
        />
      </PrintSection>
      <PrintSection title="Material">
        <MaterialTable material={r.material} />
      </PrintSection>
      <PrintSection title="Circumstances">
        <PrintParagraph portion={P}>{r.circumstances}</PrintParagraph>
      </PrintSection>
      {final && (
        <PrintSection title="Determination and findings">
          <PrintFields
            items={[
              [P, 'Determination', r.determination ? DETERMINATION_LABELS[r.determination] : 'Not made yet'],
              [P, 'CSA notified on', formatDate(r.csaNotifiedOn)],
            ]}
          />
          <PrintParagraph portion={P}>Findings: {r.findings}</PrintParagraph>
        </PrintSection>
      )}
      <PrintSection title="Released by">
        <SignatureBlock title="Disclosure official" />
      </PrintSection>
    </PrintDocument>
  );
}
