// Responsible individuals with culpability, their prior incidents (pattern alert, 117.8(e)) and
// disciplinary actions — shown only when the core returns them (security officer, HQ analyst);
// other roles see how many persons are named, not who.
import { Alert, Button } from '@trussworks/react-uswds';
import { observer } from 'mobx-react-lite';
import type { IncidentView } from '../../../../electron/common/incidents/model.js';
import { CULPABILITY_LABELS, DETERMINATION_LABELS } from '../../../../electron/common/incidents/model.js';
import { INCIDENT_STATUS_LABELS } from '../../../../electron/common/incidents/steps.js';
import { FieldSection } from '../../components/FieldSection.js';
import { SmallFormView } from '../../components/SmallFormView.js';
import { useStores } from '../../components/StoresContext.js';
import { listOrDash } from '../../format/labels.js';
import { IDENTIFIER_LABELS } from '../../stores/IncidentActionForms.js';

type Person = NonNullable<IncidentView['personnel']>['responsible'][number];

const PersonCard = observer(function PersonCard({ incident, person }: { incident: IncidentView; person: Person }) {
  const { incidents, ui } = useStores();
  const { detail } = incidents;
  const revealed = detail.revealed.get(person.id);
  const actions = incident.personnel?.disciplinaryActions.filter((a) => a.personId === person.id) ?? [];
  const sr = <span className="usa-sr-only">for {person.name}</span>;
  return (
    <FieldSection
      id={`person-${person.id}`}
      title={person.name}
      headingLevel="h3"
      items={[
        [IDENTIFIER_LABELS[person.identifierType], revealed ? `${revealed.identifier} (revealed, audited)` : person.identifierMasked],
        ['Culpability', CULPABILITY_LABELS[person.culpability]],
        ['Culpability notes', person.culpabilityNotes],
        ['Named on', person.namedOn],
        ['Disciplinary actions', listOrDash(actions.map((a) => `${a.on}: ${a.action}`))],
      ]}
    >
      {person.priorIncidents.length > 0 && (
        <Alert type="warning" headingLevel="h4" heading={`Pattern alert: ${person.priorIncidents.length} prior incident${person.priorIncidents.length === 1 ? '' : 's'}`}>
          <ul className="usa-list">
            {person.priorIncidents.map((p) => (
              <li key={p.incidentId}>
                <Button type="button" unstyled onClick={() => ui.navigate({ name: 'incident', id: p.incidentId })}>
                  {p.incidentNumber}
                </Button>{' '}
                discovered {p.discoveredOn}, {INCIDENT_STATUS_LABELS[p.status].toLowerCase()}, {p.determination ? DETERMINATION_LABELS[p.determination].toLowerCase() : 'no determination yet'};
                culpability: {CULPABILITY_LABELS[p.culpability].toLowerCase()}
              </li>
            ))}
          </ul>
        </Alert>
      )}
      <div className="button-row" role="group" aria-label={`Actions for ${person.name}`}>
        {detail.canWritePersonnel && (
          <>
            <Button type="button" onClick={() => detail.startPersonnel('culpability', person)}>
              Determine culpability{' '}
              {sr}
            </Button>
            <Button type="button" outline onClick={() => detail.startPersonnel('disciplinary', person)}>
              Record disciplinary action{' '}
              {sr}
            </Button>
            <Button type="button" outline onClick={() => detail.startPersonnel('remove', person)}>
              Remove (named in error){' '}
              {sr}
            </Button>
          </>
        )}
        {detail.canRevealIdentifiers && !revealed && (
          <Button type="button" outline onClick={() => detail.startPersonnel('reveal', person)}>
            Reveal identifier{' '}
              {sr}
          </Button>
        )}
        {revealed && (
          <Button type="button" outline onClick={() => detail.hideRevealed(person.id)}>
            Hide identifier{' '}
              {sr}
          </Button>
        )}
      </div>
      <SmallFormView form={detail.form} target={person.id} headingLevel="h4" reloadLabel="Reload incident" onReload={() => void detail.reload()} />
    </FieldSection>
  );
});

export const IncidentPersonnel = observer(function IncidentPersonnel({ incident }: { incident: IncidentView }) {
  const { detail } = useStores().incidents;
  const personnel = incident.personnel;
  return (
    <section className="receipt-section" aria-labelledby="incident-personnel-heading">
      <h2 id="incident-personnel-heading">Responsible individuals</h2>
      {personnel === null ? (
        <p>
          {incident.responsibleCount === 0 ? 'No one is named.' : `${incident.responsibleCount} named.`} Personnel matters are shown to the security officer and the headquarters analyst
          only.
        </p>
      ) : (
        <>
          {personnel.patternAlert && (
            <Alert type="warning" headingLevel="h3" heading="Pattern alert" slim={false}>
              Someone named here has prior incidents (32 CFR 117.8(e)): see below.
            </Alert>
          )}
          {personnel.responsible.length === 0 && <p>No one is named.</p>}
          {personnel.responsible.map((person) => (
            <PersonCard key={person.id} incident={incident} person={person} />
          ))}
        </>
      )}
      {detail.canWritePersonnel && (
        <div className="button-row">
          <Button type="button" outline onClick={() => detail.startPersonnel('name', null)}>
            Name a responsible individual
          </Button>
        </div>
      )}
      <SmallFormView form={detail.form} target="personnel" headingLevel="h3" reloadLabel="Reload incident" onReload={() => void detail.reload()} />
    </section>
  );
});
