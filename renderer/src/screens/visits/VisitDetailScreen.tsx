// One visit request: its marking, state, workflow actions (from availableVisitActions), the
// amend action, the fields, the visitors with their daily log, the amendment versions, history.
import { Alert, Button, Tag } from '@trussworks/react-uswds';
import { observer } from 'mobx-react-lite';
import { useEffect } from 'react';
import { portionMarking } from '../../../../electron/common/classification/index.js';
import type { JournalEntry } from '../../../../electron/common/journal.js';
import { VISIT_STATUS_LABELS } from '../../../../electron/common/visits/model.js';
import type { VisitActionType } from '../../../../electron/common/visits/transitions.js';
import { VISIT_ACTION_TYPES, VISIT_TRANSITIONS } from '../../../../electron/common/visits/transitions.js';
import { ClassificationBanner } from '../../components/ClassificationBanner.js';
import { VisitPrintButtons } from '../../print/PrintButtons.js';
import { JournalTimeline } from '../../components/JournalTimeline.js';
import { SmallFormView } from '../../components/SmallFormView.js';
import { useStores } from '../../components/StoresContext.js';
import { usePage } from '../../components/usePage.js';
import { humanise } from '../../format/labels.js';
import { VisitAmendForm } from './VisitAmendForm.js';
import { VisitAmendments } from './VisitAmendments.js';
import { VisitFields } from './VisitFields.js';
import { visitKind } from './visitLabels.js';
import { VisitVisitors } from './VisitVisitors.js';

const TITLES: Record<string, string> = {
  create: 'Recorded',
  amend: 'Amended',
  add_visitor: 'Visitor added',
  change_visitor: 'Visitor changed',
  remove_visitor: 'Visitor removed',
  arrival: 'Arrival logged',
  departure: 'Departure logged',
  reveal_identifiers: 'Identifiers revealed',
};

function entryTitle(entry: JournalEntry): string {
  const base = TITLES[entry.action] ?? ((VISIT_ACTION_TYPES as readonly string[]).includes(entry.action) ? VISIT_TRANSITIONS[entry.action as VisitActionType].label : humanise(entry.action));
  return entry.kind === 'visitor' && entry.action === 'create' ? 'Visitor recorded' : base;
}

const Actions = observer(function Actions() {
  const { visits, ui } = useStores();
  const { detail } = visits;
  return (
    <div className="button-row receipt-actions" role="group" aria-label="Visit request actions">
      <Button type="button" outline onClick={() => ui.navigate({ name: 'visits' })}>
        Back to visits
      </Button>
      {detail.actions.map((action) => (
        <Button key={action.type} type="button" secondary={action.type === 'void'} onClick={() => detail.startAction(action.type)}>
          {action.label}
        </Button>
      ))}
      {detail.canOfferAmend && (
        <Button type="button" outline onClick={() => detail.amend.open()}>
          Amend request
        </Button>
      )}
    </div>
  );
});

export const VisitDetailScreen = observer(function VisitDetailScreen({ id }: { id: string }) {
  const { detail } = useStores().visits;
  const visit = detail.visit?.id === id ? detail.visit : null;
  const heading = usePage(visit ? `Visit request ${visit.requestNumber}` : 'Visit request');
  useEffect(() => {
    void detail.open(id);
  }, [detail, id]);
  if (!visit) {
    return (
      <div>
        <h1 ref={heading} tabIndex={-1}>
          Visit request
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
    <article className="receipt-detail" aria-labelledby="visit-heading">
      <ClassificationBanner classification={visit.classification} position="record" />
      <h1 id="visit-heading" ref={heading} tabIndex={-1}>
        Visit request {visit.requestNumber}
      </h1>
      <p className="receipt-detail__lead">
        <span className="receipt-detail__portion">{portionMarking(visit.classification)}</span> {visit.unclassifiedTitle}
      </p>
      <p className="receipt-detail__state">
        <Tag className="tag-status">{VISIT_STATUS_LABELS[visit.status]}</Tag> {visitKind(visit)} · {visit.country} · version {visit.version}
        {visit.amendmentNumber > 0 ? ` · amendment ${visit.amendmentNumber}` : ''}
      </p>
      {detail.error && (
        <Alert type="error" headingLevel="h2" slim>
          {detail.error}
        </Alert>
      )}
      <Actions />
      <VisitPrintButtons visit={visit} />
      <SmallFormView form={detail.form} reloadLabel="Reload visit request" onReload={() => void detail.reload()} />
      <VisitAmendForm />
      <VisitFields visit={visit} />
      <VisitVisitors visit={visit} />
      <VisitAmendments visit={visit} />
      <JournalTimeline entries={detail.history} error={detail.historyError} titleOf={entryTitle} />
      <ClassificationBanner classification={visit.classification} position="record" />
    </article>
  );
});
