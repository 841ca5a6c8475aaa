// How a step's state reads: in words, never by colour alone ("Overdue 3 days").
import { Tag } from '@trussworks/react-uswds';
import type { StepView } from '../../../../electron/common/incidents/steps.js';

export function overdueDays(days: number): string {
  return `Overdue ${days} ${days === 1 ? 'day' : 'days'}`;
}

export function stepStateText(step: StepView): string {
  switch (step.state) {
    case 'done':
      return 'Done';
    case 'pending':
      return 'Pending';
    case 'overdue':
      return overdueDays(step.daysOverdue);
    case 'skipped':
      return 'Skipped';
  }
}

export function StepBadge({ step }: { step: StepView }) {
  if (step.state !== 'overdue') return null;
  return <Tag className="tag-overdue">{overdueDays(step.daysOverdue)}</Tag>;
}
