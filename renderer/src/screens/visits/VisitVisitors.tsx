// The visitors of a request: identity with the passport/ID number and date of birth masked (a
// "Reveal" asks a reason, and the core audits it), clearance, the daily arrival/departure log with
// badge numbers, and the per-visitor actions.
import { Button } from '@trussworks/react-uswds';
import { observer } from 'mobx-react-lite';
import type { VisitorView, VisitView } from '../../../../electron/common/visits/model.js';
import { FieldSection } from '../../components/FieldSection.js';
import { SmallFormView } from '../../components/SmallFormView.js';
import { useStores } from '../../components/StoresContext.js';
import { DOCUMENT_LABELS } from '../../stores/VisitorValues.js';

function LogTable({ visitor }: { visitor: VisitorView }) {
  if (visitor.log.length === 0) return <p>No arrivals logged.</p>;
  return (
    <table className="usa-table usa-table--compact">
      <caption>Daily log: {visitor.fullName}</caption>
      <thead>
        <tr>
          {['Date', 'Arrived', 'Departed', 'Badge number', 'Identity checked by', 'Escort', 'Badge returned'].map((h) => (
            <th key={h} scope="col">
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {visitor.log.map((e, i) => (
          <tr key={`${e.date}-${i}`}>
            <td>{e.date}</td>
            <td>{e.arrivedAt}</td>
            <td>{e.departedAt ?? 'On site'}</td>
            <td>{e.badgeNumber}</td>
            <td>{e.identityCheckedBy}</td>
            <td>{e.escort || '—'}</td>
            <td>{e.badgeReturned === null ? '—' : e.badgeReturned ? 'Yes' : 'No'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const Revealed = observer(function Revealed({ visitor }: { visitor: VisitorView }) {
  const { detail } = useStores().visits;
  const shown = detail.revealed.get(visitor.id);
  if (!shown) return null;
  return (
    <div className="usa-alert usa-alert--info usa-alert--slim revealed">
      <div className="usa-alert__body">
        <p className="usa-alert__text">
          Revealed (audited): date of birth <strong>{shown.dateOfBirth}</strong>, {DOCUMENT_LABELS[shown.document.type].toLowerCase()} number{' '}
          <strong>{shown.document.number}</strong> issued by {shown.document.issuingCountry}.{' '}
          <Button type="button" unstyled onClick={() => detail.hideRevealed(visitor.id)}>
            Hide <span className="usa-sr-only">the identifiers of {visitor.fullName}</span>
          </Button>
        </p>
      </div>
    </div>
  );
});

const VisitorCard = observer(function VisitorCard({ visit, visitor }: { visit: VisitView; visitor: VisitorView }) {
  const { visits, session, ui } = useStores();
  const { detail } = visits;
  const id = `visitor-${visitor.id}`;
  const active = visitor.status === 'active';
  const logging = active && session.canWrite && visit.status === 'in_progress';
  const sr = <span className="usa-sr-only">for {visitor.fullName}</span>;
  return (
    <FieldSection
      id={id}
      title={visitor.fullName}
      headingLevel="h3"
      items={[
        ['Nationality / citizenship', visitor.nationality],
        ['Date of birth', visitor.dateOfBirthMasked],
        ['Place of birth', visitor.placeOfBirth],
        [`${DOCUMENT_LABELS[visitor.document.type]} number`, visitor.document.numberMasked],
        ['Issuing country', visitor.document.issuingCountry],
        ['Clearance', visitor.clearance.grantingAuthority ? `${visitor.clearance.level}, granted by ${visitor.clearance.grantingAuthority}` : visitor.clearance.level],
        ['Position', visitor.position],
        ['Employer', visitor.employer],
        ['On site now', visitor.onSite ? 'Yes' : 'No'],
        visitor.addedInAmendment > 0 && ['Added in', `Amendment ${visitor.addedInAmendment}`],
        visitor.removedInAmendment !== null && ['Removed in', `Amendment ${visitor.removedInAmendment}`],
      ]}
    >
      <Revealed visitor={visitor} />
      {session.canWrite && (
        <div className="button-row" role="group" aria-label={`Actions for ${visitor.fullName}`}>
          {logging && !visitor.onSite && (
            <Button type="button" onClick={() => detail.startVisitorAction('arrival', visitor)}>
              Log arrival{' '}
              {sr}
            </Button>
          )}
          {logging && visitor.onSite && (
            <Button type="button" onClick={() => detail.startVisitorAction('departure', visitor)}>
              Log departure{' '}
              {sr}
            </Button>
          )}
          {!detail.revealed.has(visitor.id) && (
            <Button type="button" outline onClick={() => detail.startVisitorAction('reveal', visitor)}>
              Reveal identifiers{' '}
              {sr}
            </Button>
          )}
          {active && (
            <Button type="button" outline onClick={() => ui.navigate({ name: 'visitorPass', visitId: visit.id, visitorId: visitor.id })}>
              Visitor pass{' '}
              {sr}
            </Button>
          )}
        </div>
      )}
      <SmallFormView form={detail.form} target={visitor.id} headingLevel="h4" reloadLabel="Reload visit request" onReload={() => void detail.reload()} />
      <LogTable visitor={visitor} />
    </FieldSection>
  );
});

export const VisitVisitors = observer(function VisitVisitors({ visit }: { visit: VisitView }) {
  const { detail } = useStores().visits;
  const removed = detail.removedVisitors;
  return (
    <section className="receipt-section" aria-labelledby="visit-visitors-heading">
      <h2 id="visit-visitors-heading">Visitors ({visit.activeVisitorCount})</h2>
      <p className="usa-hint">Passport or ID numbers and dates of birth are masked; revealing them asks for a reason and is recorded in the audit trail.</p>
      {detail.activeVisitors.map((visitor) => (
        <VisitorCard key={visitor.id} visit={visit} visitor={visitor} />
      ))}
      {removed.length > 0 && (
        <>
          <h3>Removed by amendment</h3>
          {removed.map((visitor) => (
            <VisitorCard key={visitor.id} visit={visit} visitor={visitor} />
          ))}
        </>
      )}
    </section>
  );
});
