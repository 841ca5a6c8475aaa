// The print views' content: the banner on screen top and bottom is the highest marking on the page
// (computed by the project's one marking code), each field starts with its portion mark, and the
// blocks to sign are there. The releasable incident report shows only the core's release view.
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ForeignReleaseView, IncidentDraftInput, IncidentView } from '../../../electron/common/incidents/model.js';
import { classificationSchema } from '../../../electron/common/classification/index.js';
import { visitCreateSchema } from '../../../electron/common/contract/visits.js';
import { DestructionCertificate } from '../../../renderer/src/print/DestructionCertificate.js';
import { IncidentReport, ReleasableIncidentReport } from '../../../renderer/src/print/IncidentReport.js';
import type { PrintOrigin } from '../../../renderer/src/print/printContext.js';
import { ReceiptForm } from '../../../renderer/src/print/ReceiptForm.js';
import { VisitRequestSummary } from '../../../renderer/src/print/VisitRequestSummary.js';
import { createFakeApi } from '../fakeApi.js';
import { recordsRig } from '../visits/fakeVisitsApi.js';

afterEach(() => {
  cleanup();
});

const ORIGIN: PrintOrigin = { siteName: 'Site Alpha', siteId: 'SITE-A', preparedBy: 'Carl Custodian', today: '2026-03-10' };
const noop = () => undefined;

function banners(): [string | null, string | null] {
  return [screen.getByTestId('print-banner-top').textContent, screen.getByTestId('print-banner-bottom').textContent];
}

/** Each printed field row as "portion label: value". */
function rows(): string[] {
  return [...document.querySelectorAll('.print-fields__row')].map((row) => `${row.querySelector('dt')?.textContent ?? ''}: ${row.querySelector('dd')?.textContent ?? ''}`);
}

const GERMAN_SECRET = classificationSchema.parse({ level: 'SECRET', foreign: { kind: 'country', countries: ['DEU'], level: 'SECRET' } });

describe('the receipt form', () => {
  it('is unclassified throughout, states the material’s marking as a fact, and has a block to sign and date', () => {
    const receipt = createFakeApi().addReceipt(
      { controlNumber: 'RC-2026-017', copyNumbers: ['1', '2'], classification: GERMAN_SECRET, international: true, notes: 'INTERNAL NOTE 42', sender: { organisation: 'Alpha Works', address: '1 Main St', pointOfContact: '' } },
      { status: 'dispatched', dispatchedOn: '2026-03-01', suspenseDueOn: '2026-04-15' },
    );
    render(<ReceiptForm receipt={receipt} origin={ORIGIN} onBack={noop} />);
    expect(screen.getByRole('heading', { level: 1, name: 'Receipt for classified material' })).toBeTruthy();
    expect(banners()).toEqual(['UNCLASSIFIED', 'UNCLASSIFIED']);
    const fields = rows();
    expect(fields.every((row) => row.startsWith('(U) '))).toBe(true);
    expect(fields).toContain('(U) Control number: RC-2026-017');
    expect(fields).toContain('(U) Copy numbers: 1, 2');
    expect(fields).toContain('(U) Classification of the material: SECRET//FGI DEU');
    expect(fields).toContain('(U) Return the signed receipt by: 2026-04-15');
    const block = screen.getByRole('group', { name: 'Received by (addressee)' });
    expect(within(block).getByText('Signature')).toBeTruthy();
    expect(within(block).getByText('Date')).toBeTruthy();
    expect(document.body.textContent).toContain('return this receipt to the sender: Alpha Works, 1 Main St.');
    expect(document.body.textContent).not.toContain('INTERNAL NOTE 42');
  });
});

describe('the destruction certificate', () => {
  it('has a block for the destroying official and one per witness', () => {
    const receipt = createFakeApi({ systemHigh: 'TOP SECRET' }).addReceipt(
      { direction: 'incoming', controlNumber: 'TS-9', copyNumbers: ['3'], classification: classificationSchema.parse({ level: 'TOP SECRET' }), custodian: 'Carl Custodian', receivedOn: '2026-01-05' },
      { status: 'destroyed', destruction: { date: '2026-03-09', method: 'Cross-cut shredding', witnesses: ['Wanda Witness', 'Walter Witness'], certificateNumber: 'DC-2026-004' } },
    );
    if (!receipt.destruction) throw new Error('no destruction');
    render(<DestructionCertificate receipt={receipt} destruction={receipt.destruction} origin={ORIGIN} onBack={noop} />);
    expect(banners()).toEqual(['UNCLASSIFIED', 'UNCLASSIFIED']);
    expect(rows()).toEqual(
      expect.arrayContaining(['(U) Certificate number: DC-2026-004', '(U) Classification of the material: TOP SECRET', '(U) Method of destruction: Cross-cut shredding']),
    );
    for (const [title, name] of [['Destroying official', 'Carl Custodian'], ['Witness 1', 'Wanda Witness'], ['Witness 2', 'Walter Witness']] as const) {
      const block = screen.getByRole('group', { name: title });
      expect(within(block).getByText('Signature')).toBeTruthy();
      expect(within(block).getByText('Date')).toBeTruthy();
      expect(within(block).getByText(name)).toBeTruthy();
    }
    expect(document.body.textContent).toContain('keep this certificate for 2 years');
  });
});

describe('the visit request summary', () => {
  it('marks the record’s portions with its own marking (CUI by default) and the banner with the highest', async () => {
    const { root } = await recordsRig();
    const input = visitCreateSchema.parse({
      direction: 'incoming',
      type: 'one_time',
      requestNumber: 'DEU-2026-031',
      unclassifiedTitle: 'Radar working group',
      country: 'DEU',
      requester: { government: 'Embassy of Germany' },
      facilities: [{ name: 'Alpha Works', pointOfContact: 'P. Host', securityOfficer: 'F. Officer' }],
      startDate: '2026-03-16',
      endDate: '2026-03-20',
      purpose: 'Design review',
      accessLevel: 'SECRET',
      submittedOn: '2026-03-01',
      visitors: [{ fullName: 'Klaus Weber', dateOfBirth: '1975-06-15', placeOfBirth: 'Koblenz', nationality: 'DEU', document: { type: 'passport', number: 'C01X00T47', issuingCountry: 'DEU' }, clearance: { level: 'SECRET', grantingAuthority: 'BMVg' }, position: 'Engineer', employer: 'BAAINBw' }],
    });
    const created = await root.api['visits.create'](input);
    if (!created.ok) throw new Error(created.error.message);
    const visit = created.value;
    render(<VisitRequestSummary visit={visit} origin={ORIGIN} onBack={noop} />);
    expect(banners()).toEqual(['CUI', 'CUI']);
    const fields = rows();
    expect(fields).toContain('(U) Request number: DEU-2026-031');
    expect(fields).toContain('(U) Unclassified short title: Radar working group');
    expect(fields).toContain('(CUI) Requesting government: Embassy of Germany');
    const table = screen.getByRole('table', { name: /Visitors on the request/ });
    const row = within(table).getByRole('rowheader', { name: 'Klaus Weber' }).closest('tr');
    expect(row?.textContent).toContain('(CUI)');
    expect(row?.textContent).not.toContain('C01X00T47');

    cleanup();
    render(<VisitRequestSummary visit={{ ...visit, classification: { ...visit.classification, cui: false, level: 'CONFIDENTIAL', relTo: ['DEU'] } }} origin={ORIGIN} onBack={noop} />);
    expect(banners()).toEqual(['CONFIDENTIAL//REL TO USA, DEU', 'CONFIDENTIAL//REL TO USA, DEU']);
    expect(rows()).toContain('(C//REL TO USA, DEU) Requesting government: Embassy of Germany');
  });
});

const INCIDENT: IncidentDraftInput = {
  unclassifiedTitle: 'Container found open after hours',
  classification: { level: 'SECRET' },
  description: 'GSA container 3 found open',
  location: 'Building 2',
  discoveredOn: '2026-03-01',
  reportedBy: 'Night guard',
  reportedTo: 'F. Officer',
  reportedOn: '2026-03-01',
  material: [{ description: 'Sonar drawings', classification: GERMAN_SECRET }],
  foreignGovernment: { involved: true, countries: ['DEU'] },
  foreignRelease: { classification: { level: 'CONFIDENTIAL', relTo: ['DEU'] }, circumstances: 'Found open by the guard', findings: 'No evidence of access' },
  internalFindings: 'Alarm zone 3 was never tested',
};

async function incident(): Promise<IncidentView> {
  const { root } = await recordsRig('admin');
  const result = await root.api['incidents.create'](INCIDENT);
  if (!result.ok) throw new Error(result.error.message);
  return { ...result.value, status: 'investigation' };
}

describe('the internal incident reports', () => {
  it('initial: the record’s marking on its facts, no findings; the banner is the record’s', async () => {
    render(<IncidentReport incident={await incident()} report="initial" origin={ORIGIN} onBack={noop} />);
    expect(banners()).toEqual(['SECRET', 'SECRET']);
    expect(rows()).toEqual(expect.arrayContaining(['(U) Incident number: INC-2026-0001', '(S) Location: Building 2']));
    expect(screen.getByText('Sonar drawings').closest('tr')?.textContent).toContain('SECRET//FGI DEU');
    expect(document.body.textContent).not.toContain('Alarm zone 3 was never tested');
    expect(screen.getByRole('group', { name: 'Facility Security Officer' })).toBeTruthy();
  });

  it('final: internal findings under the record’s marking, releasable findings under the release’s', async () => {
    render(<IncidentReport incident={await incident()} report="final" origin={ORIGIN} onBack={noop} />);
    // SECRET with no REL TO and CONFIDENTIAL//REL TO DEU: the page may not carry REL TO.
    expect(banners()).toEqual(['SECRET', 'SECRET']);
    const paragraphs = [...document.querySelectorAll('.print-paragraph')].map((p) => p.textContent);
    expect(paragraphs).toContain('(S) Alarm zone 3 was never tested');
    expect(paragraphs).toContain('(C//REL TO USA, DEU) Findings: No evidence of access');
  });
});

describe('the foreign-releasable incident report', () => {
  const release: ForeignReleaseView = {
    marking: 'CONFIDENTIAL//REL TO USA, DEU',
    classification: { level: 'CONFIDENTIAL', cui: false, foreign: null, whollyForeign: false, concealSource: false, noforn: false, relTo: ['DEU'] },
    incidentNumber: 'INC-2026-0001',
    unclassifiedTitle: 'Container found open after hours',
    countries: ['DEU'],
    occurredOn: null,
    discoveredOn: '2026-03-01',
    exposure: { from: '2026-02-27', to: '2026-03-01' },
    material: [{ description: 'Sonar drawings', marking: 'SECRET//FGI DEU', originator: 'DEU', materialDate: null, materialType: 'Drawings' }],
    determination: 'suspected_compromise',
    circumstances: 'Found open by the guard',
    findings: 'No evidence of access',
    csaNotifiedOn: '2026-03-02',
    preparedOn: '2026-03-10',
  };

  it('carries the core’s banner and the release’s portion marks; the initial report leaves out findings', () => {
    render(<ReleasableIncidentReport release={release} report="initial" origin={ORIGIN} onBack={noop} />);
    expect(banners()).toEqual(['CONFIDENTIAL//REL TO USA, DEU', 'CONFIDENTIAL//REL TO USA, DEU']);
    expect(rows()).toContain('(C//REL TO USA, DEU) Governments concerned: DEU');
    expect(document.body.textContent).toContain('Found open by the guard');
    expect(document.body.textContent).not.toContain('No evidence of access');
    cleanup();
    render(<ReleasableIncidentReport release={release} report="final" origin={ORIGIN} onBack={noop} />);
    expect(document.body.textContent).toContain('(C//REL TO USA, DEU) Findings: No evidence of access');
    expect(screen.getByRole('group', { name: 'Disclosure official' })).toBeTruthy();
  });
});
