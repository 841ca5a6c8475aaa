// The amendments of a request, each a version kept beside the previous one: dates and names
// before and after, and who was added, changed or removed.
import type { Amendment, VisitView } from '../../../../electron/common/visits/model.js';
import { listOrDash } from '../../format/labels.js';

function Version({ amendment: a }: { amendment: Amendment }) {
  const names = (list: readonly { fullName: string }[]) => listOrDash(list.map((x) => x.fullName));
  return (
    <li className="usa-process-list__item">
      <h3 className="usa-process-list__heading">
        Amendment {a.number} ({a.on}, by {a.by})
      </h3>
      <p>
        Reason: {a.reason}
        {a.reference !== '' && <> · Reference: {a.reference}</>}
      </p>
      <table className="usa-table usa-table--borderless usa-table--compact">
        <caption>Amendment {a.number}: the previous version and this one</caption>
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">Previous version</th>
            <th scope="col">This version</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">First day</th>
            <td>{a.previous.startDate}</td>
            <td>{a.current.startDate}</td>
          </tr>
          <tr>
            <th scope="row">Last day</th>
            <td>{a.previous.endDate}</td>
            <td>{a.current.endDate}</td>
          </tr>
          <tr>
            <th scope="row">Visitors</th>
            <td>{names(a.previous.visitors)}</td>
            <td>{names(a.current.visitors)}</td>
          </tr>
        </tbody>
      </table>
      <p>
        Added: {names(a.added)} · Changed: {listOrDash(a.changed.map((c) => `${c.fullName} (${c.fields.join(', ')})`))} · Removed: {names(a.removed)}
      </p>
    </li>
  );
}

export function VisitAmendments({ visit }: { visit: VisitView }) {
  return (
    <section className="receipt-section" aria-labelledby="visit-amendments-heading">
      <h2 id="visit-amendments-heading">Amendments</h2>
      {visit.amendments.length === 0 ? (
        <p>None: this is the request as first recorded.</p>
      ) : (
        <ol className="usa-process-list">
          {[...visit.amendments].reverse().map((a) => (
            <Version key={a.number} amendment={a} />
          ))}
        </ol>
      )}
    </section>
  );
}
