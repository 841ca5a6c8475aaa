// The generic Save as PDF action and the print route: the platform gets the page's banner and a
// safe file name; the browser fallback marks the document while its print dialog is open; the
// record screens' Print buttons open the print view, which reads the record through the api.
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeApi } from '../../../electron/common/api.js';
import type { LedgerApi } from '../../../electron/common/api.js';
import type { MethodName } from '../../../electron/common/contract/index.js';
import type { ForeignReleaseView } from '../../../electron/common/incidents/model.js';
import type { SavePdfRequest, SavePdfResult } from '../../../electron/common/print/savePdf.js';
import type { Result } from '../../../electron/common/result.js';
import type { PdfSaver } from '../../../renderer/src/print/pdfPlatform.js';
import { browserPrintDialog, platformPdf } from '../../../renderer/src/print/pdfPlatform.js';
import { SavePdfButton } from '../../../renderer/src/print/SavePdfButton.js';
import { pdfFileName } from '../../../electron/common/print/pdfFileName.js';
import { renderWithStores } from '../render.js';
import { signedInRig } from '../support.js';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

function fakeSaver(native: boolean, answer: SavePdfResult) {
  const requests: SavePdfRequest[] = [];
  const saver: PdfSaver = {
    native,
    save: (request) => {
      requests.push(request);
      return Promise.resolve(answer);
    },
  };
  return { saver, requests };
}

describe('SavePdfButton', () => {
  it('asks the platform with the banner and a safe .pdf name, then says where the file went', async () => {
    const { saver, requests } = fakeSaver(true, { ok: true, value: { path: '/media/usb/Receipt RC-1.pdf' } });
    render(<SavePdfButton banner="SECRET//FGI DEU" fileName="Receipt RC/1" saver={saver} />);
    fireEvent.click(screen.getByRole('button', { name: 'Save as PDF' }));
    expect(await screen.findByText('Saved as /media/usb/Receipt RC-1.pdf')).toBeTruthy();
    expect(requests).toEqual([{ banner: 'SECRET//FGI DEU', suggestedName: 'Receipt RC-1.pdf' }]);
  });

  it('shows a refusal as an alert, and the print dialog hint in a browser', async () => {
    const refused = fakeSaver(true, { ok: false, error: { code: 'INTERNAL', message: 'the PDF could not be saved: disk full' } });
    render(<SavePdfButton banner="SECRET" fileName="x" saver={refused.saver} />);
    fireEvent.click(screen.getByRole('button', { name: 'Save as PDF' }));
    expect((await screen.findByRole('alert')).textContent).toContain('disk full');
    cleanup();
    const browser = fakeSaver(false, { ok: true, value: null });
    render(<SavePdfButton banner="SECRET" fileName="x" saver={browser.saver} label="Print report" />);
    fireEvent.click(screen.getByRole('button', { name: 'Print report' }));
    expect((await screen.findByRole('status')).textContent).toContain('choose "Save as PDF"');
  });
});

describe('pdfPlatform', () => {
  it('without the preload uses the browser’s print dialog, the page’s banners running on every page meanwhile', async () => {
    expect(platformPdf().native).toBe(false);
    const seen: boolean[] = [];
    vi.spyOn(window, 'print').mockImplementation(() => void seen.push(document.documentElement.hasAttribute('data-print-fallback')));
    expect(await browserPrintDialog.save({ banner: 'SECRET', suggestedName: 'x.pdf' })).toEqual({ ok: true, value: null });
    expect(seen).toEqual([true]);
    expect(document.documentElement.hasAttribute('data-print-fallback')).toBe(false);
  });

  it('makes file names safe', () => {
    expect(pdfFileName('Receipt', 'RC/2026:001')).toBe('Receipt RC-2026-001.pdf');
    expect(pdfFileName('../../etc/passwd')).toBe('etc-passwd.pdf');
    expect(pdfFileName('')).toBe('document.pdf');
    expect(pdfFileName('x'.repeat(300))).toHaveLength(120);
  });
});

describe('the print route', () => {
  it('opens from the receipt screen, reads the receipt, and goes back', async () => {
    const rig = await signedInRig();
    const receipt = rig.fake.addReceipt({ controlNumber: 'RC-77' });
    rig.root.ui.navigate({ name: 'receipt', id: receipt.id });
    renderWithStores(rig.root);
    const print = within(await screen.findByRole('group', { name: 'Print' }));
    expect(print.queryByRole('button', { name: 'Print destruction certificate' })).toBeNull();
    fireEvent.click(print.getByRole('button', { name: 'Print receipt' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Receipt for classified material' })).toBeTruthy();
    expect(rig.root.ui.section).toBe('receipts');
    expect(rig.fake.callsOf('receipts.get')).toContainEqual({ id: receipt.id });
    expect(screen.getByTestId('print-banner-top').textContent).toBe('UNCLASSIFIED');
    fireEvent.click(screen.getByRole('button', { name: 'Back to receipt' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Receipt RC-77' })).toBeTruthy();
  });

  it('says so when a destruction certificate is asked for a receipt without a destruction', async () => {
    const rig = await signedInRig();
    const receipt = rig.fake.addReceipt({ controlNumber: 'RC-78' });
    rig.root.ui.navigate({ name: 'print', form: { kind: 'destruction', id: receipt.id } });
    renderWithStores(rig.root);
    expect((await screen.findByRole('alert')).textContent).toBe('Receipt RC-78 has no destruction recorded.');
  });

  it('prints the releasable report from incidents.foreignRelease alone, never from the internal record', async () => {
    const release: ForeignReleaseView = {
      marking: 'CONFIDENTIAL//REL TO USA, DEU',
      classification: { level: 'CONFIDENTIAL', cui: false, foreign: null, whollyForeign: false, concealSource: false, noforn: false, relTo: ['DEU'] },
      incidentNumber: 'INC-2026-0009',
      unclassifiedTitle: 'Courier pouch delayed',
      countries: ['DEU'],
      occurredOn: null,
      discoveredOn: '2026-03-01',
      exposure: { from: null, to: null },
      material: [],
      determination: null,
      circumstances: 'The pouch arrived a day late.',
      findings: '',
      csaNotifiedOn: null,
      preparedOn: '2026-03-10',
    };
    const asked: MethodName[] = [];
    const wrap = (api: LedgerApi): LedgerApi =>
      makeApi((method, input): Promise<Result<unknown>> => {
        asked.push(method);
        if (method === 'incidents.foreignRelease') return Promise.resolve({ ok: true, value: release });
        return (api[method] as (input: unknown) => Promise<Result<unknown>>)(input);
      });
    const rig = await signedInRig({ wrap });
    const id = '01JTESTINCIDENT0000000000Z';
    rig.root.ui.navigate({ name: 'print', form: { kind: 'incident', id, report: 'initial', version: 'releasable' } });
    renderWithStores(rig.root);
    expect(await screen.findByRole('heading', { level: 1, name: /foreign-releasable version/ })).toBeTruthy();
    expect(screen.getByTestId('print-banner-top').textContent).toBe('CONFIDENTIAL//REL TO USA, DEU');
    expect(asked).toContain('incidents.foreignRelease');
    expect(asked).not.toContain('incidents.get');
    expect(rig.root.ui.section).toBe('incidents');
  });
});
