// The foreign-releasable version of an incident: only what incidents.foreignRelease returns
// (circumstances and releasable findings, 32 CFR 2001.48(b)); nothing internal is read here.
// The core journals each preparation as an export.
import { Alert, Button } from '@trussworks/react-uswds';
import { observer } from 'mobx-react-lite';
import { useEffect } from 'react';
import { DETERMINATION_LABELS } from '../../../../electron/common/incidents/model.js';
import { FieldSection } from '../../components/FieldSection.js';
import { ReleasePrintButtons } from '../../print/PrintButtons.js';
import { useStores } from '../../components/StoresContext.js';
import { usePage } from '../../components/usePage.js';
import { formatDate, listOrDash } from '../../format/labels.js';

export const ForeignReleaseScreen = observer(function ForeignReleaseScreen({ id }: { id: string }) {
  const { incidents, ui } = useStores();
  const { detail } = incidents;
  const release = detail.releaseFor === id ? detail.release : null;
  const title = release ? `Foreign-releasable version: ${release.incidentNumber}` : 'Foreign-releasable version';
  const heading = usePage(title);
  useEffect(() => {
    void detail.loadRelease(id);
  }, [detail, id]);
  return (
    <article className="foreign-release" aria-labelledby="release-heading">
      {release && (
        <div className="classification-banner classification-banner--record release-marking" data-testid="release-marking">
          {release.marking}
        </div>
      )}
      <h1 id="release-heading" ref={heading} tabIndex={-1}>
        {title}
      </h1>
      <div className="button-row">
        <Button type="button" outline onClick={() => ui.navigate({ name: 'incident', id })}>
          Back to incident
        </Button>
      </div>
      {release && <ReleasePrintButtons id={id} status={detail.incident?.id === id ? detail.incident.status : null} />}
      <p className="usa-hint">What may be given to the foreign government: circumstances and releasable findings only. Preparing it is recorded in the audit trail.</p>
      {detail.releaseError && (
        <Alert type="error" headingLevel="h2" slim>
          {detail.releaseError}
        </Alert>
      )}
      {!release && !detail.releaseError && <p>Loading…</p>}
      {release && (
        <>
          <FieldSection
            id="release-incident"
            title="Incident"
            items={[
              ['Incident number', release.incidentNumber],
              ['Unclassified short title', release.unclassifiedTitle],
              ['Governments concerned', listOrDash(release.countries)],
              ['Date it happened', formatDate(release.occurredOn)],
              ['Date discovered', release.discoveredOn],
              ['Exposure period', `${formatDate(release.exposure.from)} to ${release.exposure.to ?? 'unknown'}`],
              ['Determination', release.determination ? DETERMINATION_LABELS[release.determination] : 'Not made yet'],
              ['CSA notified on', formatDate(release.csaNotifiedOn)],
              ['Prepared on', release.preparedOn],
            ]}
          />
          <FieldSection id="release-material" title="Material">
            <ul className="usa-list">
              {release.material.map((m, i) => (
                <li key={i}>
                  <strong>{m.marking}</strong> {[m.description, m.originator, m.materialDate ?? '', m.materialType].filter((s) => s !== '').join(' · ')}
                </li>
              ))}
            </ul>
          </FieldSection>
          <FieldSection id="release-text" title="Circumstances and findings" items={[['Circumstances', release.circumstances], ['Findings', release.findings]]} />
        </>
      )}
    </article>
  );
});
