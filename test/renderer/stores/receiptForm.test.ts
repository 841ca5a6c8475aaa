import { describe, expect, it } from 'vitest';
import { flush, signedInRig } from '../support.js';
import type { TestRig } from '../support.js';

function fillValidDraft({ root }: TestRig): void {
  const form = root.receipts.form;
  form.setValue('direction', 'outgoing');
  form.setText('controlNumber', 'OUT-2026-001');
  form.setText('unclassifiedTitle', 'Radar test plan');
  form.setText('classification.level', 'SECRET');
  form.setText('sender.organisation', 'Acme Corp');
  form.setText('addressee.organisation', 'Bundeswehr BAAINBw');
  form.setText('transmission', 'cleared_courier');
}

describe('ReceiptFormStore', () => {
  it('sends nothing while the draft fails the schema, and names each field', async () => {
    const rig = await signedInRig();
    const form = rig.root.receipts.form;
    form.openCreate();
    expect(form.errors).toEqual([]); // nothing shown before the first attempt
    expect(await form.submit()).toBeNull();
    expect(rig.fake.callsOf('receipts.create')).toEqual([]);
    expect(form.refusedSaves).toBe(1);
    expect(form.errorFor('controlNumber')).toBe('Control number is required');
    expect(form.errorFor('unclassifiedTitle')).toBe('Unclassified short title is required');
    expect(form.errorFor('classification.level')).toBeDefined();
    expect(form.errorFor('sender.organisation')).toBe('Sender organisation is required');
    expect(form.errorFor('transmission')).toBeDefined();
    // Errors follow the typing once shown.
    form.setText('controlNumber', 'CN-1');
    expect(form.errorFor('controlNumber')).toBeUndefined();
  });

  it('checks the classification rules of the schema and the system-high level', async () => {
    const rig = await signedInRig({ systemHigh: 'SECRET' });
    const form = rig.root.receipts.form;
    form.openCreate();
    fillValidDraft(rig);
    form.setValue('classification.noforn', true);
    form.setText('classification.relTo', 'gbr');
    expect(await form.submit()).toBeNull();
    expect(form.errorFor('classification.relTo')).toBe('NOFORN and REL TO cannot be combined');
    form.setValue('classification.noforn', false);
    form.setText('classification.foreign', 'country');
    expect(form.errorFor('classification.foreign.countries')).toBe('Name at least one country of origin');
    form.setText('classification.foreign.countries', 'deu');
    form.setText('classification.foreign.level', 'SECRET');
    form.setText('classification.level', 'TOP SECRET');
    expect(form.errorFor('classification.level')).toMatch(/system-high level \(SECRET\)/);
    form.setText('classification.level', 'SECRET');
    expect(form.errors).toEqual([]);
    expect(form.markingPreview).toBe('SECRET//FGI DEU//REL TO USA, GBR');
    expect(rig.fake.callsOf('receipts.create')).toEqual([]);
  });

  it('creates a valid receipt, shows it and keeps the list in step', async () => {
    const rig = await signedInRig();
    const form = rig.root.receipts.form;
    form.openCreate();
    fillValidDraft(rig);
    form.setText('copyNumbers', '1, 2; 3');
    const saved = await form.submit();
    expect(saved?.controlNumber).toBe('OUT-2026-001');
    expect(rig.fake.callsOf('receipts.create')).toHaveLength(1);
    expect(rig.fake.callsOf('receipts.create')[0]).toMatchObject({ copyNumbers: ['1', '2', '3'], receivedOn: null, classification: { level: 'SECRET' } });
    expect(rig.root.ui.route).toEqual({ name: 'receipt', id: saved?.id });
    expect(rig.root.ui.toasts.at(-1)?.message).toBe('Receipt OUT-2026-001 created.');
    expect(form.mode).toBeNull();
  });

  it('puts the core’s field issues next to the fields', async () => {
    const rig = await signedInRig();
    const form = rig.root.receipts.form;
    form.openCreate();
    fillValidDraft(rig);
    rig.fake.failNext('receipts.create', {
      code: 'INVALID_INPUT',
      message: 'invalid input',
      issues: [
        { path: ['controlNumber'], message: 'is already used by another receipt' },
        { path: ['classification', 'foreign', 'kind'], message: 'is not accepted here' },
        { path: ['somethingElse'], message: 'unknown field: somethingElse' },
      ],
    });
    expect(await form.submit()).toBeNull();
    expect(form.errorFor('controlNumber')).toBe('Control number is already used by another receipt');
    expect(form.errorFor('classification.foreign')).toBe('Foreign government information is not accepted here');
    expect(form.generalError).toMatch(/unknown field: somethingElse/);
    // Typing in the field clears the core's complaint about it.
    form.setText('controlNumber', 'OUT-2026-002');
    expect(form.errorFor('controlNumber')).toBeUndefined();
  });

  it('keeps an unsaved draft when the user leaves the screen and comes back', async () => {
    const rig = await signedInRig();
    const form = rig.root.receipts.form;
    form.openCreate();
    form.setText('controlNumber', 'DRAFT-1');
    rig.root.ui.navigate({ name: 'receipts' });
    form.openCreate();
    expect(form.values.controlNumber).toBe('DRAFT-1');
    expect(form.isDirty).toBe(true);
  });

  it('edits with a reason, sends only what changed, and maps issues under `changes`', async () => {
    const rig = await signedInRig();
    const receipt = rig.fake.addReceipt({ controlNumber: 'CN-EDIT' });
    const form = rig.root.receipts.form;
    await form.openEdit(receipt.id);
    expect(form.values.controlNumber).toBe('CN-EDIT');
    form.setText('classification.level', 'CONFIDENTIAL');
    expect(form.classificationChanged).toBe(true);
    expect(await form.submit()).toBeNull();
    expect(form.errorFor('reason')).toBe('Reason for the change is required');
    expect(rig.fake.callsOf('receipts.update')).toEqual([]);

    form.setReason('Downgraded by the originator');
    rig.fake.failNext('receipts.update', {
      code: 'INVALID_INPUT',
      message: 'invalid input',
      issues: [{ path: ['changes', 'classification', 'level'], message: 'must be authorised by the originator' }],
    });
    expect(await form.submit()).toBeNull();
    expect(form.errorFor('classification.level')).toBe('U.S. classification level must be authorised by the originator');

    const saved = await form.submit();
    expect(saved?.classification.level).toBe('CONFIDENTIAL');
    const sent = rig.fake.callsOf('receipts.update').at(-1) as { changes: Record<string, unknown>; expectedVersion: number; reason: string };
    expect(Object.keys(sent.changes)).toEqual(['classification']);
    expect(sent.expectedVersion).toBe(1);
    expect(sent.reason).toBe('Downgraded by the originator');
    await flush();
  });

  it('shows a version conflict on save and offers the latest version', async () => {
    const rig = await signedInRig();
    const receipt = rig.fake.addReceipt({ controlNumber: 'CN-RACE' });
    const form = rig.root.receipts.form;
    await form.openEdit(receipt.id);
    form.setText('notes', 'Mine');
    form.setReason('Add a note');
    // Someone else saves first.
    await rig.fake.api['receipts.update']({ id: receipt.id, expectedVersion: 1, changes: { notes: 'Theirs' }, reason: 'Other user' });
    expect(await form.submit()).toBeNull();
    expect(form.conflict).toBe(true);
    expect(form.generalError).toMatch(/Someone else changed this record/);
    expect(form.values.notes).toBe('Mine');
  });
});
