import type { ReceiptDraftInput } from '../../../electron/common/receipts/model.js';

/** An outgoing SECRET receipt for German FGI sent through government channels. */
export function outgoingFgiDraft(overrides: Partial<ReceiptDraftInput> = {}): ReceiptDraftInput {
  return {
    direction: 'outgoing',
    controlNumber: 'OUT-2026-0001',
    unclassifiedTitle: 'Radar cross-section test report',
    classification: { level: 'SECRET', foreign: { kind: 'country', countries: ['DEU'], level: 'SECRET' } },
    materialDate: '2026-02-20',
    sender: { organisation: 'Alpha Works', address: '1 Industrial Way', pointOfContact: 'F. Officer' },
    addressee: { organisation: 'BAAINBw', address: 'Koblenz, Germany', pointOfContact: 'Dr. K. Weber' },
    transmission: 'government_to_government',
    dgr: 'J. Smith (DGR)',
    international: true,
    ...overrides,
  };
}

export function incomingDraft(overrides: Partial<ReceiptDraftInput> = {}): ReceiptDraftInput {
  return {
    direction: 'incoming',
    controlNumber: 'IN-2026-0001',
    unclassifiedTitle: 'Sonar array drawings',
    classification: { level: 'SECRET' },
    sender: { organisation: 'Naval Systems Command' },
    addressee: { organisation: 'Alpha Works' },
    transmission: 'registered_mail',
    receivedOn: '2026-03-01',
    ...overrides,
  };
}
