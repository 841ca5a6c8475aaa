// The pieces printed forms are made of: titled sections, portion-marked fields, and blocks to sign.
// Every field row starts with its portion mark, "(U) Control number  RC-2026-001", as a
// printed portion does; the text stays selectable and readable by a PDF text extractor.
import type { ReactNode } from 'react';

/** One printed field: its portion mark, label and value (a dash when empty). */
export type PrintItem = [portion: string, label: string, value: ReactNode];

export function PrintSection({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="print-section">
      <h2 className="print-section__title">{title}</h2>
      {children}
    </section>
  );
}

export function PrintFields({ items }: { items: readonly (PrintItem | false | null)[] }) {
  const shown = items.filter((item): item is PrintItem => Array.isArray(item));
  return (
    <dl className="print-fields">
      {shown.map(([portion, label, value]) => (
        <div key={label} className="print-fields__row">
          <dt>
            <span className="print-portion">{portion}</span> {label}
          </dt>
          <dd>{value === '' || value === null || value === undefined ? '—' : value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** A paragraph that is one portion: "(S) text…". */
export function PrintParagraph({ portion, children }: { portion: string; children: ReactNode }) {
  return (
    <p className="print-paragraph">
      <span className="print-portion">{portion}</span> {children === '' ? '—' : children}
    </p>
  );
}

/** One line to write on, its label under it; a known value (a printed name) already on the line. */
function SignatureLine({ label, value, wide = false }: { label: string; value?: string; wide?: boolean }) {
  return (
    <div className={wide ? 'signature-line signature-line--wide' : 'signature-line'}>
      <div className="signature-line__blank">{value ?? ''}</div>
      <div className="signature-line__label">{label}</div>
    </div>
  );
}

/**
 * A block to sign by hand: who signs, then lines for the signature, the date, the printed name
 * (filled in when known) and the title. The labels are text, so "Signature" and "Date" are found
 * in the PDF's text.
 */
export function SignatureBlock({ title, name, role }: { title: string; name?: string; role?: string }) {
  return (
    <div className="signature-block" role="group" aria-label={title}>
      <p className="signature-block__title">{title}</p>
      <div className="signature-block__lines">
        <SignatureLine label="Signature" wide />
        <SignatureLine label="Date" />
        <SignatureLine label="Printed name" value={name} wide />
        <SignatureLine label={role ?? 'Title / organisation'} />
      </div>
    </div>
  );
}
