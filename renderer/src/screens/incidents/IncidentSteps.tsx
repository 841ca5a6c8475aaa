// The step timeline of 117.8(d): each step's due date, done date, state in words and days
// overdue. Which periods are regulation and which common practice is said under the table.
import type { IncidentView } from '../../../../electron/common/incidents/model.js';
import { StepBadge, stepStateText } from './stepText.js';

export function IncidentSteps({ incident }: { incident: IncidentView }) {
  const d = incident.stepDays;
  return (
    <section className="receipt-section" aria-labelledby="incident-steps-heading">
      <h2 id="incident-steps-heading">Steps</h2>
      <table className="usa-table usa-table--compact incident-steps">
        <caption>Steps of the incident, with due dates counted from the report on {incident.reportedOn}</caption>
        <thead>
          <tr>
            <th scope="col">Step</th>
            <th scope="col">Due</th>
            <th scope="col">Done</th>
            <th scope="col">State</th>
            <th scope="col">Days overdue</th>
          </tr>
        </thead>
        <tbody>
          {incident.steps.map((step) => (
            <tr key={step.step} className={step.state === 'overdue' ? 'incident-steps__overdue' : undefined}>
              <th scope="row">{step.label}</th>
              <td>{step.dueOn ?? (step.step === 'closed' ? 'When the CSA closes it' : 'After the final report')}</td>
              <td>{step.doneOn ?? '—'}</td>
              <td>
                {step.state === 'overdue' ? <StepBadge step={step} /> : stepStateText(step)}
              </td>
              <td>{step.state === 'overdue' ? step.daysOverdue : 0}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="usa-hint">
        Periods fixed when the incident was opened: preliminary inquiry {d.preliminaryInquiry} day(s) (117.8(d)(1): immediately), initial report {d.initialReport}{' '}
        day(s) (117.8(d): promptly), investigation {d.investigation} day(s) (local practice), final report {d.finalReport} days (common practice, not
        regulation), CSA follow-up {d.csaReviewFollowUp} days after the final report (local practice).
      </p>
    </section>
  );
}
