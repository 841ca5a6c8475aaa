// The one "Save as PDF" action of every printable view (forms here; reports may use it too).
// Give it the banner of the page (the highest marking shown, from electron/common/classification
// or a marking the core returned) and a file name; it asks the platform (pdfPlatform.ts) and says
// what happened. The page itself must be on screen: the PDF is made from what the window shows.
import { Alert, Button } from '@trussworks/react-uswds';
import { useState } from 'react';
import { pdfFileName } from '../../../electron/common/print/pdfFileName.js';
import type { PdfSaver } from './pdfPlatform.js';
import { platformPdf } from './pdfPlatform.js';

export interface SavePdfButtonProps {
  /** The banner line for the top and bottom of every page, e.g. bannerMarking(highestClassification(portions)). */
  banner: string;
  /** Words for the suggested file name, e.g. `Receipt RC-2026-001`; made safe and given .pdf. */
  fileName: string;
  /** The button's text; default "Save as PDF". */
  label?: string;
  /** Tests pass a fake; default: the preload's ledgerPrint, else the browser's print dialog. */
  saver?: PdfSaver;
}

type State = { step: 'idle' } | { step: 'saving' } | { step: 'saved'; path: string } | { step: 'dialog' } | { step: 'failed'; message: string };

export function SavePdfButton({ banner, fileName, label = 'Save as PDF', saver }: SavePdfButtonProps) {
  const [state, setState] = useState<State>({ step: 'idle' });
  const save = async () => {
    const platform = saver ?? platformPdf();
    setState({ step: 'saving' });
    const result = await platform.save({ banner, suggestedName: pdfFileName(fileName) });
    if (!result.ok) setState({ step: 'failed', message: result.error.message });
    else if (result.value) setState({ step: 'saved', path: result.value.path });
    else setState({ step: platform.native ? 'idle' : 'dialog' });
  };
  return (
    <>
      <Button type="button" onClick={() => void save()} disabled={state.step === 'saving'}>
        {state.step === 'saving' ? 'Saving PDF…' : label}
      </Button>
      <span role="status" className="print-toolbar__status">
        {state.step === 'saved' && `Saved as ${state.path}`}
        {state.step === 'dialog' && 'In the print dialog, choose "Save as PDF" as the destination.'}
      </span>
      <div role="alert" className="print-toolbar__error">
        {state.step === 'failed' && (
          <Alert type="error" headingLevel="h2" slim>
            The PDF was not saved: {state.message}
          </Alert>
        )}
      </div>
    </>
  );
}
