// One incident: its marking, state and overdue steps (in words), the steps the user's roles may
// take (availableIncidentActions), the changes the inquiry records, each with its small form;
// the step timeline, facts, linked receipts, findings, personnel and history.
import { Alert, Button, Tag } from '@trussworks/react-uswds';
import { observer } from 'mobx-react-lite';
import { useEffect } from 'react';
import { portionMarking } from '../../../../electron/common/classification/index.js';
import type { IncidentView } from '../../../../electron/common/incidents/model.js';
import { INCIDENT_STATUS_LABELS } from '../../../../electron/common/incidents/steps.js';
import type { IncidentActionType } from '../../../../electron/common/incidents/transitions.js';
import { INCIDENT_ACTION_TYPES, INCIDENT_TRANSITIONS } from '../../../../electron/common/incidents/transitions.js';
import type { JournalEntry } from '../../../../electron/common/journal.js';
import { ClassificationBanner } from '../../components/ClassificationBanner.js';
import { IncidentPrintButtons } from '../../print/PrintButtons.js';
import { JournalTimeline } from '../../components/JournalTimeline.js';
import { SmallFormView } from '../../components/SmallFormView.js';
import { useStores } from '../../components/StoresContext.js';
import { usePage } from '../../components/usePage.js';
import { humanise } from '../../format/labels.js';
import { IncidentFields } from './IncidentFields.js';
import { IncidentPersonnel } from './IncidentPersonnel.js';
import { IncidentSteps } from './IncidentSteps.js';
import { overdueDays } from './stepText.js';

const TITLES: Record<string, string> = { create: 'Opened', update: 'Changed', reclassify: 'Reclassified', personnel: 'Personnel change', foreign_release: 'Foreign-releasable version prepared' };

function entryTitle(entry: JournalEntry): string {
  const known = TITLES[entry.action];
  if (known) return known;
  if ((INCIDENT_ACTION_TYPES as readonly string[]).includes(entry.action)) return INCIDENT_TRANSITIONS[entry.action as IncidentActionType].label;
  return humanise(entry.action);
}

function OverdueAlert({ incident }: { incident: IncidentView }) {
  const overdue = incident.steps.filter((s) => s.state === 'overdue');
  if (overdue.length === 0) return null;
  return (
    <Alert type="warning" headingLevel="h2" heading={`${overdue.length} ${overdue.length === 1 ? 'step is' : 'steps are'} overdue`}>
      <ul className="usa-list">
        {overdue.map((s) => (
          <li key={s.step}>
            {s.label}: due {s.dueOn}, {overdueDays(s.daysOverdue).toLowerCase()}
          </li>
        ))}
      </ul>
    </Alert>
  );
}

const Actions = observer(function Actions({ incident }: { incident: IncidentView }) {
  const { incidents, ui } = useStores();
  const { detail } = incidents;
  return (
    <div className="button-row receipt-actions" role="group" aria-label="Incident actions">
      <Button type="button" outline onClick={() => ui.navigate({ name: 'incidents' })}>
        Back to incidents
      </Button>
      {detail.steps.map((step) => (
        <Button key={step.type} type="button" secondary={step.type === 'void'} onClick={() => detail.startStep(step.type)}>
          {step.label}
        </Button>
      ))}
      {detail.updates.map((u) => (
        <Button key={u.kind} type="button" outline onClick={() => detail.startUpdate(u.kind)}>
          {u.label}
        </Button>
      ))}
      {incident.foreignGovernment.involved && (
        <Button type="button" outline onClick={() => ui.navigate({ name: 'incidentRelease', id: incident.id })}>
          Foreign-releasable version
        </Button>
      )}
    </div>
  );
});

export const IncidentDetailScreen = observer(function IncidentDetailScreen({ id }: { id: string }) {
  const { detail } = useStores().incidents;
  const incident = detail.incident?.id === id ? detail.incident : null;
  const heading = usePage(incident ? `Incident ${incident.incidentNumber}` : 'Incident');
  useEffect(() => {
    void detail.open(id);
  }, [detail, id]);
  if (!incident) {
    return (
      <div>
        <h1 ref={heading} tabIndex={-1}>
          Incident
        </h1>
        {detail.error ? (
          <Alert type="error" headingLevel="h2" slim>
            {detail.error}
          </Alert>
        ) : (
          <p>Loading…</p>
        )}
      </div>
    );
  }
  return (
    <article className="receipt-detail" aria-labelledby="incident-heading">
      <ClassificationBanner classification={incident.classification} position="record" />
      <h1 id="incident-heading" ref={heading} tabIndex={-1}>
        Incident {incident.incidentNumber}
      </h1>
      <p className="receipt-detail__lead">
        <span className="receipt-detail__portion">{portionMarking(incident.classification)}</span> {incident.unclassifiedTitle}
      </p>
      <p className="receipt-detail__state">
        <Tag className="tag-status">{INCIDENT_STATUS_LABELS[incident.status]}</Tag>
        {incident.nextStep ? ` Next: ${incident.nextStep.label}${incident.nextStep.dueOn ? `, due ${incident.nextStep.dueOn}` : ''}` : ''} · version {incident.version}
      </p>
      <OverdueAlert incident={incident} />
      {detail.error && (
        <Alert type="error" headingLevel="h2" slim>
          {detail.error}
        </Alert>
      )}
      <Actions incident={incident} />
      <IncidentPrintButtons incident={incident} />
      <SmallFormView form={detail.form} reloadLabel="Reload incident" onReload={() => void detail.reload()} />
      <IncidentSteps incident={incident} />
      <IncidentFields incident={incident} />
      <IncidentPersonnel incident={incident} />
      <JournalTimeline entries={detail.history} error={detail.historyError} titleOf={entryTitle} />
      <ClassificationBanner classification={incident.classification} position="record" />
    </article>
  );
});
