import { LedgerError } from '../../../common/result.js';
import type { Receipt, ReceiptDraft } from '../../../common/receipts/model.js';
import { findLiveByControlNumber, getReceipt } from '../../../../db/queries/receipts.js';
import type { HandlerContext } from '../../context.js';

export function loadReceipt(ctx: HandlerContext, id: string): Receipt {
  const receipt = getReceipt(ctx.db, id);
  if (!receipt) throw new LedgerError('NOT_FOUND', `no receipt with id ${id}`);
  return receipt;
}

/** Load for a change: the caller must have seen the current version (no lost updates). */
export function loadForChange(ctx: HandlerContext, id: string, expectedVersion: number): Receipt {
  const receipt = loadReceipt(ctx, id);
  if (receipt.siteId !== ctx.site.siteId) {
    throw new LedgerError('FORBIDDEN', `receipt ${id} belongs to site ${receipt.siteId}: only its origin site changes it`);
  }
  if (receipt.version !== expectedVersion) {
    throw new LedgerError('CONFLICT', `receipt ${receipt.controlNumber} was changed by someone else (version ${receipt.version}, you had ${expectedVersion}): reload it`, {
      details: { currentVersion: receipt.version },
    });
  }
  return receipt;
}

export function assertControlNumberFree(ctx: HandlerContext, draft: Pick<ReceiptDraft, 'direction' | 'controlNumber'>, exceptId?: string): void {
  const existing = findLiveByControlNumber(ctx.db, ctx.site.siteId, draft.direction, draft.controlNumber);
  if (existing !== undefined && existing !== exceptId) {
    throw new LedgerError('CONFLICT', `control number ${draft.controlNumber} is already used by another ${draft.direction} receipt`, {
      issues: [{ path: ['controlNumber'], message: 'is already used by another receipt' }],
    });
  }
}

/** The user-editable part of a stored receipt. */
export function draftOf(receipt: Receipt): ReceiptDraft {
  return {
    direction: receipt.direction,
    controlNumber: receipt.controlNumber,
    copyNumbers: receipt.copyNumbers,
    unclassifiedTitle: receipt.unclassifiedTitle,
    classification: receipt.classification,
    materialDate: receipt.materialDate,
    sender: receipt.sender,
    addressee: receipt.addressee,
    transmission: receipt.transmission,
    dgr: receipt.dgr,
    international: receipt.international,
    natoReference: receipt.natoReference,
    natoShortTitle: receipt.natoShortTitle,
    contractNumber: receipt.contractNumber,
    custodian: receipt.custodian,
    storageContainer: receipt.storageContainer,
    receivedOn: receipt.receivedOn,
    notes: receipt.notes,
  };
}
