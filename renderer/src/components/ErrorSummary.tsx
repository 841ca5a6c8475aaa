// The list of problems at the top of a form (USWDS/GOV.UK pattern). It takes focus after a
// refused save so a screen reader announces it; each entry moves focus to its field.
import { useEffect, useRef } from 'react';

export interface SummaryItem {
  id: string;
  message: string;
}

export function ErrorSummary({
  items,
  general,
  focusKey,
  headingLevel = 'h2',
  idPrefix = 'form',
}: {
  items: readonly SummaryItem[];
  general?: string | null;
  focusKey: number;
  headingLevel?: 'h2' | 'h3';
  idPrefix?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const visible = items.length > 0 || Boolean(general);
  useEffect(() => {
    if (focusKey > 0) ref.current?.focus();
  }, [focusKey]);
  if (!visible) return null;
  const Heading = headingLevel;
  const headingId = `${idPrefix}-error-summary-heading`;
  return (
    <div ref={ref} tabIndex={-1} className="usa-alert usa-alert--error error-summary" role="alert" aria-labelledby={headingId}>
      <div className="usa-alert__body">
        <Heading className="usa-alert__heading" id={headingId}>
          There is a problem
        </Heading>
        {general && <p className="usa-alert__text">{general}</p>}
        {items.length > 0 && (
          <ul className="usa-list error-summary__list">
            {items.map((item) => (
              <li key={item.id}>
                <a
                  href={`#${item.id}`}
                  onClick={(event) => {
                    event.preventDefault();
                    document.getElementById(item.id)?.focus();
                  }}
                >
                  {item.message}
                </a>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
