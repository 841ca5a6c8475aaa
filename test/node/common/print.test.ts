// The shared PDF page setup (electron/common/print): every marking the app makes is accepted as a
// banner and nothing else is; the banner is escaped into the header and footer templates; the
// app's printToPDF options and the test's page.pdf options describe the same page.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Classification } from '../../../electron/common/classification/index.js';
import { FOREIGN_LEVELS, NATO_LEVELS, US_LEVELS, bannerMarking, classificationSchema, highestClassification } from '../../../electron/common/classification/index.js';
import { escapeHtml, isBannerText } from '../../../electron/common/print/bannerText.js';
import { isSafePdfName, pdfFileName } from '../../../electron/common/print/pdfFileName.js';
import { electronPdfOptions, footerTemplate, headerTemplate, pdfPageSetup, playwrightPdfOptions } from '../../../electron/common/print/pdfOptions.js';
import { savePdfRequestProblem } from '../../../electron/common/print/savePdf.js';

const codes = ['AUS', 'CAN', 'DEU', 'GBR', 'NATO'];
const anyClassification: fc.Arbitrary<Classification> = fc
  .record({
    level: fc.constantFrom(...US_LEVELS),
    cui: fc.boolean(),
    foreign: fc.option(
      fc.oneof(
        fc.record({ kind: fc.constant('country' as const), countries: fc.shuffledSubarray(codes.slice(0, 4), { minLength: 1 }), level: fc.constantFrom(...FOREIGN_LEVELS) }),
        fc.record({ kind: fc.constant('nato' as const), level: fc.constantFrom(...NATO_LEVELS), atomal: fc.boolean() }),
      ),
      { nil: null },
    ),
    whollyForeign: fc.boolean(),
    concealSource: fc.boolean(),
    noforn: fc.boolean(),
    relTo: fc.shuffledSubarray(codes),
  })
  .map((c) => classificationSchema.safeParse(c))
  .filter((parsed) => parsed.success)
  .map((parsed) => parsed.data);

describe('banner text', () => {
  it('accepts every banner bannerMarking makes, alone or as the highest of a page', () => {
    fc.assert(
      fc.property(fc.array(anyClassification, { minLength: 1, maxLength: 5 }), (list) => {
        for (const c of list) expect(isBannerText(bannerMarking(c))).toBe(true);
        expect(isBannerText(bannerMarking(highestClassification(list)))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('refuses anything else', () => {
    for (const text of ['', 'secret', 'SECRET<b>', 'SECRET//', '//', 'HELLO', 'SECRET//FGI DEU//<script>', 'SECRET\nTOP SECRET', 'SECRET//REL TO USA, GBR ', 42, null]) {
      expect(isBannerText(text), JSON.stringify(text)).toBe(false);
    }
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});

describe('the page setup', () => {
  it('puts the banner at the top and bottom of every page, with Page X of Y', () => {
    const setup = pdfPageSetup('SECRET//REL TO USA, GBR');
    expect(headerTemplate(setup)).toContain('>SECRET//REL TO USA, GBR</div>');
    expect(footerTemplate(setup)).toContain('Page <span class="pageNumber"></span> of <span class="totalPages"></span>');
    expect(footerTemplate(setup)).toContain('>SECRET//REL TO USA, GBR</div>');
    expect(() => pdfPageSetup('<img src=x>')).toThrow();
  });

  it('gives Electron and Playwright the same page: Letter, the same margins and templates', () => {
    const setup = pdfPageSetup('CUI');
    const electron = electronPdfOptions(setup);
    const playwright = playwrightPdfOptions(setup);
    expect(electron.pageSize).toBe('Letter');
    expect(playwright.format).toBe('Letter');
    expect(playwright.margin).toEqual({
      top: `${electron.margins.top}in`,
      bottom: `${electron.margins.bottom}in`,
      left: `${electron.margins.left}in`,
      right: `${electron.margins.right}in`,
    });
    for (const key of ['displayHeaderFooter', 'headerTemplate', 'footerTemplate', 'printBackground', 'preferCSSPageSize', 'landscape'] as const) {
      expect(playwright[key]).toEqual(electron[key]);
    }
  });
});

describe('file names and requests', () => {
  it('accepts only plain .pdf names, and pdfFileName makes them', () => {
    fc.assert(fc.property(fc.string(), fc.string(), (a, b) => isSafePdfName(pdfFileName(a, b))));
    for (const name of ['../x.pdf', '.hidden.pdf', 'a/b.pdf', 'a\\b.pdf', 'x.exe', `${'x'.repeat(200)}.pdf`]) expect(isSafePdfName(name)).toBe(false);
  });

  it('wants exactly a banner and a suggested name', () => {
    expect(savePdfRequestProblem({ banner: 'SECRET', suggestedName: 'a.pdf' })).toBeNull();
    expect(savePdfRequestProblem({ banner: 'SECRET', suggestedName: 'a.pdf', html: '<b>' })).not.toBeNull();
    expect(savePdfRequestProblem([])).not.toBeNull();
  });
});
