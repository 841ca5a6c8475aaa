import { describe, expect, it } from 'vitest';
import { UNCLASSIFIED } from '../../../electron/common/classification/index.js';
import { errorMessage, fieldSentence, issuesToFields } from '../../../renderer/src/format/errors.js';
import { describeEntry } from '../../../renderer/src/format/history.js';

describe('error wording', () => {
  it('turns schema fragments into sentences about the field', () => {
    expect(fieldSentence('Control number', 'is required')).toBe('Control number is required');
    expect(fieldSentence('Method of transmission', 'must be one of: registered_mail, hand_carry')).toBe('Choose the method of transmission');
    expect(fieldSentence('Countries of origin', 'name at least one country of origin')).toBe('Name at least one country of origin');
  });

  it('puts each issue on the nearest known field, and keeps the rest apart', () => {
    const known = new Set(['copyNumbers', 'classification.foreign', 'sender.organisation']);
    const { fields, other } = issuesToFields(
      [
        { path: ['changes', 'copyNumbers', 2], message: 'is required' },
        { path: ['changes', 'classification', 'foreign', 'kind'], message: 'bad kind' },
        { path: ['changes', 'sender', 'organisation'], message: 'first' },
        { path: ['changes', 'sender', 'organisation'], message: 'second' },
        { path: ['expectedVersion'], message: 'must be an integer' },
      ],
      known,
      'changes',
    );
    expect(Object.fromEntries(fields)).toEqual({ copyNumbers: 'is required', 'classification.foreign': 'bad kind', 'sender.organisation': 'first' });
    expect(other).toEqual(['must be an integer']);
  });

  it('says what a version conflict means', () => {
    expect(errorMessage({ code: 'CONFLICT', message: 'receipt is at version 3' })).toMatch(/^Someone else changed this record/);
  });
});

describe('history wording', () => {
  it('summarises a reclassification and keeps the record behind it', () => {
    const { summary, record } = describeEntry({
      record: { controlNumber: 'CN-1', classification: { ...UNCLASSIFIED, level: 'SECRET' }, sender: { organisation: 'Acme', address: '', pointOfContact: '' } },
      reason: 'Originator upgraded it',
      changed: ['classification'],
      securityRelevant: true,
      classificationChange: { from: 'CONFIDENTIAL', to: 'SECRET' },
      workstation: 'ws-7',
    });
    expect(summary).toEqual([
      { label: 'Reason', value: 'Originator upgraded it' },
      { label: 'Fields changed', value: 'Classification' },
      { label: 'Security-relevant', value: 'Yes' },
      { label: 'Classification changed', value: 'CONFIDENTIAL → SECRET' },
      { label: 'Workstation', value: 'ws-7' },
    ]);
    expect(record).toContainEqual({ label: 'Classification', value: 'SECRET' });
    expect(record).toContainEqual({ label: 'Sender organisation', value: 'Acme' });
  });

  it('lists a workflow action’s inputs', () => {
    const { summary } = describeEntry({ action: { type: 'acknowledge', signedBy: 'Maj. Weber', returnedOn: '2026-03-01' } });
    expect(summary).toEqual([
      { label: 'Signed by', value: 'Maj. Weber' },
      { label: 'Returned on', value: '2026-03-01' },
    ]);
  });
});
