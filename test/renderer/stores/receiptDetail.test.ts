import { describe, expect, it } from 'vitest';
import { TODAY } from '../fakeApi.js';
import { signedInRig } from '../support.js';

describe('ReceiptDetailStore', () => {
  it('loads the receipt with its history and offers the actions of its state', async () => {
    const rig = await signedInRig();
    const receipt = rig.fake.addReceipt({ direction: 'outgoing' });
    const detail = rig.root.receipts.detail;
    await detail.open(receipt.id);
    expect(detail.receipt?.id).toBe(receipt.id);
    expect(detail.history.map((e) => e.action)).toEqual(['create']);
    expect(detail.actions.map((a) => a.label)).toEqual(['Dispatch', 'Void']);
  });

  it('dispatches with today as the default date and the version it saw', async () => {
    const rig = await signedInRig();
    const receipt = rig.fake.addReceipt({ direction: 'outgoing', international: true });
    const detail = rig.root.receipts.detail;
    await detail.open(receipt.id);
    detail.startAction('dispatch');
    expect(detail.actionValues).toEqual({ dispatchedOn: TODAY });
    expect(await detail.submitAction()).toBe(true);
    expect(rig.fake.callsOf('receipts.transition')).toEqual([{ id: receipt.id, expectedVersion: 1, action: { type: 'dispatch', dispatchedOn: TODAY } }]);
    expect(detail.receipt?.status).toBe('dispatched');
    expect(detail.receipt?.suspenseDays).toBe(45);
    expect(detail.history.map((e) => e.action)).toEqual(['create', 'dispatch']);
    expect(detail.activeAction).toBeNull();
    expect(detail.actions.map((a) => a.label)).toContain('Record signed receipt');
  });

  it('checks an action’s inputs with the schema before sending', async () => {
    const rig = await signedInRig();
    const receipt = rig.fake.addReceipt({ direction: 'incoming' });
    const detail = rig.root.receipts.detail;
    await detail.open(receipt.id);
    detail.startAction('inspect');
    expect(await detail.submitAction()).toBe(false);
    expect(rig.fake.callsOf('receipts.transition')).toEqual([]);
    expect(detail.actionErrors.get('inspection.tamperingFound')).toBe('Signs of tampering found is required');
    detail.setActionValue('inspection.tamperingFound', 'no');
    detail.setActionValue('inspection.contentsMatch', 'yes');
    expect(await detail.submitAction()).toBe(true);
    expect(rig.fake.callsOf('receipts.transition')[0]).toMatchObject({
      action: { type: 'inspect', inspection: { inspectedOn: TODAY, tamperingFound: false, contentsMatch: true, notes: '' } },
    });
  });

  it('shows a version conflict, applies nothing, and succeeds after a reload', async () => {
    const rig = await signedInRig();
    const receipt = rig.fake.addReceipt({ direction: 'outgoing' });
    const detail = rig.root.receipts.detail;
    await detail.open(receipt.id);
    await rig.fake.api['receipts.update']({ id: receipt.id, expectedVersion: 1, changes: { notes: 'changed elsewhere' }, reason: 'other user' });

    detail.startAction('dispatch');
    expect(await detail.submitAction()).toBe(false);
    expect(detail.conflict).toBe(true);
    expect(detail.actionError).toMatch(/Someone else changed this record/);
    expect(detail.receipt?.status).toBe('prepared');
    expect(detail.activeAction).toBe('dispatch');

    await detail.reload();
    expect(detail.receipt?.version).toBe(2);
    expect(await detail.submitAction()).toBe(true);
    expect(rig.fake.callsOf('receipts.transition').at(-1)).toMatchObject({ expectedVersion: 2 });
  });

  it('shows INVALID_TRANSITION from the core in the action form', async () => {
    const rig = await signedInRig();
    const receipt = rig.fake.addReceipt({ direction: 'outgoing' });
    const detail = rig.root.receipts.detail;
    await detail.open(receipt.id);
    rig.fake.failNext('receipts.transition', { code: 'INVALID_TRANSITION', message: 'a TOP SECRET dispatch needs copy numbers' });
    detail.startAction('dispatch');
    expect(await detail.submitAction()).toBe(false);
    expect(detail.conflict).toBe(false);
    expect(detail.actionError).toBe("This action is not allowed in the record's current state: a TOP SECRET dispatch needs copy numbers");
  });
});
