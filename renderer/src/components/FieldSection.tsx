// A titled region of label/value pairs (a record's fields), as on the receipt screen.
import type { ReactNode } from 'react';

export type FieldItem = [label: string, value: ReactNode];

export function FieldSection({
  id,
  title,
  items = [],
  headingLevel = 'h2',
  children,
}: {
  id: string;
  title: string;
  items?: readonly (FieldItem | false | null)[];
  headingLevel?: 'h2' | 'h3';
  children?: ReactNode;
}) {
  const Heading = headingLevel;
  const shown = items.filter((item): item is FieldItem => Array.isArray(item));
  return (
    <section className="receipt-section" aria-labelledby={`${id}-heading`}>
      <Heading id={`${id}-heading`}>{title}</Heading>
      {shown.length > 0 && (
        <dl className="field-list">
          {shown.map(([label, value]) => (
            <div key={label} className="field-list__item">
              <dt>{label}</dt>
              <dd>{value === '' || value === null || value === undefined ? '—' : value}</dd>
            </div>
          ))}
        </dl>
      )}
      {children}
    </section>
  );
}
