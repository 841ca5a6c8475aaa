// The frame of every print view: a toolbar for the screen (Back, Save as PDF) and the printed page
// itself, with its banner at the top and bottom. On paper the toolbar and the app's shell are not
// printed (print.css); in a PDF the app makes, the header and footer templates repeat the same
// banner on every page with "Page X of Y" (electron/common/print/pdfOptions.ts).
import { Button } from '@trussworks/react-uswds';
import type { ReactNode } from 'react';
import { usePage } from '../components/usePage.js';
import { SavePdfButton } from './SavePdfButton.js';
import './print.css';

export interface PrintDocumentProps {
  /** The form's title: the page's h1, the window title, and the PDF's title. */
  title: string;
  /** A line under the title (site, record number). */
  subtitle?: ReactNode;
  /** The page's banner: the highest marking on it (pageMarking.ts). */
  banner: string;
  /** Words for the PDF's file name. */
  fileName: string;
  /** The way back to where the print was asked from; no Back button without it. */
  onBack?: () => void;
  backLabel?: string;
  children: ReactNode;
}

export function PrintDocument({ title, subtitle, banner, fileName, onBack, backLabel, children }: PrintDocumentProps) {
  const heading = usePage(title);
  return (
    <div className="print-view">
      <div className="print-toolbar" role="group" aria-label="Print actions">
        {onBack && (
          <Button type="button" outline onClick={onBack}>
            {backLabel ?? 'Back'}
          </Button>
        )}
        <SavePdfButton banner={banner} fileName={fileName} />
      </div>
      <p className="print-toolbar__hint">Preview of the printed form. The banner is printed at the top and bottom of every page.</p>
      <article className="print-page" aria-labelledby="print-heading">
        <div className="print-page__banner print-page__banner--top" data-testid="print-banner-top">
          {banner}
        </div>
        <div className="print-page__body">
          <header className="print-page__head">
            <h1 id="print-heading" ref={heading} tabIndex={-1}>
              {title}
            </h1>
            {subtitle && <p className="print-page__subtitle">{subtitle}</p>}
          </header>
          {children}
        </div>
        <div className="print-page__banner print-page__banner--bottom" data-testid="print-banner-bottom">
          {banner}
        </div>
      </article>
    </div>
  );
}

/** The view while its record loads or when it cannot be read. */
export function PrintPlaceholder({ title, error, onBack, backLabel }: { title: string; error: string | null; onBack: () => void; backLabel: string }) {
  const heading = usePage(title);
  return (
    <div className="print-view">
      <h1 ref={heading} tabIndex={-1}>
        {title}
      </h1>
      <div className="print-toolbar" role="group" aria-label="Print actions">
        <Button type="button" outline onClick={onBack}>
          {backLabel}
        </Button>
      </div>
      {error ? <p role="alert">{error}</p> : <p>Loading…</p>}
    </div>
  );
}
