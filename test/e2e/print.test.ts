// Printable forms end to end: the real print views in Chromium, made into PDFs with the page
// setup the desktop app uses (banner top and bottom of every page, Page X of Y), read back with
// pdftotext. One story, in order: a receipt, a witnessed TOP SECRET destruction certificate, a
// visit request summary, and an incident's final report in its internal and foreign-releasable
// versions (and the browser-dialog fallback of the same report).
import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IncidentView } from '../../electron/common/incidents/model.js';
import type { ReceiptView } from '../../electron/common/receipts/model.js';
import type { VisitView } from '../../electron/common/visits/model.js';
import { launchChromium, type LaunchedChromium } from '../harness/browser.js';
import { SEED_SITE, SEED_USERS, seedDatabase, type SeededDb } from '../harness/seed.js';
import { startHarness, type Harness } from '../harness/server.js';
import { asUser, browserDialogPdf, lines, pdfPageOnePng, pdfPages, printViewPdf } from './printSupport.js';
import { expectNoAxeViolations, screenshot, UI_TIMEOUT_MS } from './support.js';

const ADMIN = SEED_USERS.admin;
const RECEIPT = { controlNumber: 'OUT-2026-0101', title: 'Bilateral radar interface control document' };
const DESTROYED = { controlNumber: 'IN-2026-0202', title: 'Sonar performance annex', certificate: 'DC-2026-0007', witnesses: ['Wanda Witness', 'Walter Witness'] };
const PASSPORT = 'C01X00T47';
const INTERNAL_ONLY = 'Intrusion alarm zone 3 was never tested';
const RELEASABLE = 'No evidence that anyone opened the container';

describe('printable forms as PDF', () => {
  let seeded: SeededDb;
  let harness: Harness;
  let browser: LaunchedChromium;
  let page: Page;
  let pdfDir: string;
  let receipt: ReceiptView;
  let destroyed: ReceiptView;
  let incident: IncidentView;
  let visit: VisitView;

  beforeAll(async () => {
    // TOP SECRET system high: the destruction certificate is for TOP SECRET material.
    seeded = await seedDatabase({ site: { ...SEED_SITE, systemHigh: 'TOP SECRET' } });
    harness = await startHarness({ dbPath: seeded.dbPath, clock: seeded.clock });
    browser = await launchChromium();
    page = browser.page;
    page.setDefaultTimeout(UI_TIMEOUT_MS);
    pdfDir = await mkdtemp(path.join(os.tmpdir(), 'ledger-print-e2e-'));

    const custodian = await asUser(harness, 'custodian');
    receipt = await custodian<ReceiptView>('receipts.create', {
      direction: 'outgoing',
      controlNumber: RECEIPT.controlNumber,
      copyNumbers: ['1', '2'],
      unclassifiedTitle: RECEIPT.title,
      classification: { level: 'SECRET', foreign: { kind: 'country', countries: ['DEU'], level: 'SECRET' } },
      sender: { organisation: 'Site Alpha Security Office', address: '1 Industry Way, Springfield' },
      addressee: { organisation: 'BAAINBw', address: 'Koblenz, Germany', pointOfContact: 'K. Weber' },
      transmission: 'government_to_government',
      dgr: 'Maj. L. Hoffmann (DGR)',
      international: true,
    });
    receipt = await custodian<ReceiptView>('receipts.transition', { id: receipt.id, expectedVersion: 1, action: { type: 'dispatch', dispatchedOn: '2026-03-02' } });

    destroyed = await custodian<ReceiptView>('receipts.create', {
      direction: 'incoming',
      controlNumber: DESTROYED.controlNumber,
      copyNumbers: ['4'],
      unclassifiedTitle: DESTROYED.title,
      classification: { level: 'TOP SECRET' },
      sender: { organisation: 'Naval Sea Systems Command' },
      addressee: { organisation: 'Site Alpha Security Office' },
      transmission: 'cleared_courier',
      custodian: 'Carl Custodian',
      receivedOn: '2026-02-02',
    });
    const steps = [
      { type: 'inspect', inspection: { inspectedOn: '2026-02-02', tamperingFound: false, contentsMatch: true } },
      { type: 'sign', signedBy: 'Carl Custodian', returnedOn: '2026-02-03' },
      { type: 'destroy', destruction: { date: '2026-03-01', method: 'Cross-cut shredding', witnesses: DESTROYED.witnesses, certificateNumber: DESTROYED.certificate } },
    ];
    for (const action of steps) {
      destroyed = await custodian<ReceiptView>('receipts.transition', { id: destroyed.id, expectedVersion: destroyed.version, action });
    }

    visit = await custodian<VisitView>('visits.create', {
      direction: 'incoming',
      type: 'one_time',
      requestNumber: 'DEU-2026-0031',
      unclassifiedTitle: 'Radar working group',
      country: 'DEU',
      requester: { government: 'Embassy of the Federal Republic of Germany' },
      facilities: [{ name: 'Alpha Works', pointOfContact: 'P. Host', securityOfficer: 'F. Officer' }],
      startDate: '2026-03-16',
      endDate: '2026-03-20',
      purpose: 'Interface design review',
      accessLevel: 'SECRET',
      submittedOn: '2026-03-01',
      visitors: [
        {
          fullName: 'Klaus Weber',
          dateOfBirth: '1975-06-15',
          placeOfBirth: 'Koblenz',
          nationality: 'DEU',
          document: { type: 'passport', number: PASSPORT, issuingCountry: 'DEU' },
          clearance: { level: 'SECRET', grantingAuthority: 'BMVg' },
          position: 'Engineer',
          employer: 'BAAINBw',
        },
      ],
    });

    const officer = await asUser(harness, 'admin');
    incident = await officer<IncidentView>('incidents.create', {
      unclassifiedTitle: 'Container found open after hours',
      classification: { level: 'SECRET' },
      description: 'Security container 3 found unlocked at 22:10 by the guard.',
      location: 'Building 2, room 114',
      discoveredOn: '2026-02-26',
      reportedBy: 'Night guard',
      reportedTo: 'Ada Admin',
      reportedOn: '2026-02-26',
      material: [{ description: 'Sonar array drawings', classification: { level: 'SECRET', foreign: { kind: 'country', countries: ['DEU'], level: 'SECRET' } }, originator: 'DEU' }],
      foreignGovernment: { involved: true, countries: ['DEU'] },
      foreignRelease: { classification: { level: 'CONFIDENTIAL', relTo: ['DEU'] }, circumstances: 'The container was found unlocked after hours.', findings: RELEASABLE },
      classificationValidation: { validated: true, on: '2026-02-26', by: 'Ada Admin' },
      determination: { outcome: 'suspected_compromise', reasons: 'The container stood unlocked for up to ten hours.', on: '2026-02-27' },
      internalFindings: INTERNAL_ONLY,
    });
    for (const action of [
      { type: 'begin_inquiry', on: '2026-02-26' },
      { type: 'submit_initial_report', on: '2026-02-27' },
      { type: 'begin_investigation', on: '2026-02-27' },
    ]) {
      incident = await officer<IncidentView>('incidents.transition', { id: incident.id, expectedVersion: incident.version, action });
    }

    await page.goto(harness.url);
    await page.getByRole('button', { name: 'I agree' }).click();
    await page.getByLabel('User name').fill(ADMIN.username);
    await page.getByLabel('Password').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('navigation', { name: 'Primary' }).waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await harness?.close();
    await seeded?.cleanup();
    if (pdfDir) await rm(pdfDir, { recursive: true, force: true });
  });

  /** Opens a record from its list by the button holding its number. */
  async function openFromList(section: string, heading: string, number: string): Promise<void> {
    await page.getByRole('navigation', { name: 'Primary' }).getByRole('link', { name: section }).click();
    await page.getByRole('heading', { name: section, level: 1 }).waitFor();
    await page.getByRole('button', { name: number }).first().click();
    await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
  }

  async function printFrom(button: string, title: string | RegExp): Promise<void> {
    await page.getByRole('group', { name: 'Print' }).getByRole('button', { name: button }).click();
    await page.getByRole('heading', { name: title, level: 1 }).waitFor();
  }

  /** Every page starts and ends with the banner; the footer numbers the pages. */
  function expectBannersOnEveryPage(pages: string[], banner: string): void {
    expect(pages.length).toBeGreaterThan(0);
    pages.forEach((text, i) => {
      const l = lines(text);
      expect(l[0], `page ${i + 1} top`).toBe(banner);
      expect(l[l.length - 1], `page ${i + 1} bottom`).toBe(banner);
      expect(text).toContain(`Page ${i + 1} of ${pages.length}`);
    });
  }

  it('prints a receipt: banner top and bottom, control number, portion marks, signature and date blocks', async () => {
    await openFromList('Receipts', `Receipt ${RECEIPT.controlNumber}`, RECEIPT.controlNumber);
    await printFrom('Print receipt', 'Receipt for classified material');
    await expect.poll(() => page.getByTestId('print-banner-top').textContent()).toBe('UNCLASSIFIED');
    await expectNoAxeViolations(page, 'receipt print view');
    await screenshot(page, 'print-receipt-preview.png', { wholeMain: true });

    const { path: file, banner } = await printViewPdf(page, path.join(pdfDir, 'receipt.pdf'));
    expect(banner).toBe('UNCLASSIFIED');
    const pages = await pdfPages(file);
    expectBannersOnEveryPage(pages, 'UNCLASSIFIED');
    const text = pages.join('\n');
    // The print view's own toolbar and the app's shell are not printed.
    expect(text).not.toContain('Save as PDF');
    expect(text).not.toContain('Sign out');
    expect(text).toContain('Receipt for classified material');
    expect(text).toMatch(/\(U\) Control number\s+OUT-2026-0101/);
    expect(text).toMatch(/\(U\) Unclassified short title\s+Bilateral radar interface control document/);
    expect(text).toMatch(/\(U\) Classification of the material\s+SECRET\/\/FGI DEU/);
    expect(text).toMatch(/\(U\) Return the signed receipt by\s+2026-04-16/);
    expect(text).toContain('Received by (addressee)');
    expect(text).toContain('Signature');
    expect(text).toContain('Date');

    const png = await pdfPageOnePng(file, 'receipt-pdf-page1');
    expect((await stat(png)).size).toBeGreaterThan(5_000);
  });

  it('prints the destruction certificate of witnessed TOP SECRET destruction, one block per witness', async () => {
    await openFromList('Receipts', `Receipt ${DESTROYED.controlNumber}`, DESTROYED.controlNumber);
    await printFrom('Print destruction certificate', 'Certificate of destruction of classified material');
    await expectNoAxeViolations(page, 'destruction certificate print view');
    const { path: file } = await printViewPdf(page, path.join(pdfDir, 'certificate.pdf'));
    const pages = await pdfPages(file);
    expectBannersOnEveryPage(pages, 'UNCLASSIFIED');
    const text = pages.join('\n');
    expect(text).toMatch(/\(U\) Certificate number\s+DC-2026-0007/);
    expect(text).toMatch(/\(U\) Classification of the material\s+TOP SECRET/);
    for (const block of ['Destroying official', 'Witness 1', 'Witness 2', ...DESTROYED.witnesses]) expect(text).toContain(block);
    expect(text.match(/\bSignature\b/g)?.length).toBe(3);
    await pdfPageOnePng(file, 'destruction-certificate-pdf-page1');
  });

  it('prints the visit request summary under the record’s CUI marking, identifiers masked', async () => {
    await openFromList('Visits', `Visit request ${visit.requestNumber}`, visit.requestNumber);
    await printFrom('Print visit summary', 'Visit request summary');
    await expectNoAxeViolations(page, 'visit summary print view');
    const { path: file } = await printViewPdf(page, path.join(pdfDir, 'visit.pdf'));
    const pages = await pdfPages(file);
    expectBannersOnEveryPage(pages, 'CUI');
    const text = pages.join('\n');
    expect(text).toMatch(/\(U\) Request number\s+DEU-2026-0031/);
    expect(text).toMatch(/\(CUI\) Requesting government\s+Embassy of the Federal Republic of Germany/);
    expect(text).toContain('Klaus Weber');
    expect(text).not.toContain(PASSPORT);
    expect(text).toContain('Signature');
  });

  it('prints the incident’s final report: internal findings only in the internal version', async () => {
    await openFromList('Incidents', `Incident ${incident.incidentNumber}`, incident.incidentNumber);
    await printFrom('Print final report', /Final report of loss or compromise: internal version/);
    await expectNoAxeViolations(page, 'internal incident report print view');
    const internal = await printViewPdf(page, path.join(pdfDir, 'incident-internal.pdf'));
    expect(internal.banner).toBe('SECRET');
    const internalPages = await pdfPages(internal.path);
    expect(internalPages.length, 'the final report runs over more than one page').toBeGreaterThan(1);
    expectBannersOnEveryPage(internalPages, 'SECRET');
    const internalText = internalPages.join('\n').replace(/\s+/g, ' ');
    expect(internalText).toContain(`(S) ${INTERNAL_ONLY}`);
    expect(internalText).toContain(`(C//REL TO USA, DEU) Findings: ${RELEASABLE}`);

    // Where there is no desktop app, the browser's print dialog is the fallback: without the
    // templates, the page's own banners run on every page.
    const fallbackPages = await pdfPages(await browserDialogPdf(page, path.join(pdfDir, 'incident-browser.pdf')));
    expect(fallbackPages.length).toBe(internalPages.length);
    fallbackPages.forEach((text, i) => {
      const l = lines(text);
      expect([l[0], l[l.length - 1]], `browser print, page ${i + 1}`).toEqual(['SECRET', 'SECRET']);
    });

    await page.getByRole('button', { name: 'Back to incident' }).click();
    await page.getByRole('button', { name: 'Foreign-releasable version' }).click();
    await printFrom('Print final report (releasable)', /Final report of loss or compromise: foreign-releasable version/);
    await expectNoAxeViolations(page, 'releasable incident report print view');
    const releasable = await printViewPdf(page, path.join(pdfDir, 'incident-releasable.pdf'));
    expect(releasable.banner).toBe('CONFIDENTIAL//REL TO USA, DEU');
    const releasablePages = await pdfPages(releasable.path);
    expectBannersOnEveryPage(releasablePages, 'CONFIDENTIAL//REL TO USA, DEU');
    const releasableText = releasablePages.join('\n').replace(/\s+/g, ' ');
    expect(releasableText).toContain(`(C//REL TO USA, DEU) Findings: ${RELEASABLE}`);
    expect(releasableText).not.toContain(INTERNAL_ONLY);
    expect(releasableText).not.toContain('Building 2, room 114');
    await pdfPageOnePng(releasable.path, 'incident-releasable-pdf-page1');

    expect(browser.nonLoopbackRequests()).toEqual([]);
  });
});
