// Business rules on a receipt's fields that a schema alone cannot state: they depend on the
// site (system-high), on each other, or on today's date. Each broken rule names its field.
import type { ReceiptDraft } from '../../../common/receipts/model.js';
import type { FieldIssue } from '../../../common/result.js';
import { LedgerError } from '../../../common/result.js';
import { isAtOrBelow, isNato } from '../../../common/classification/model.js';
import type { SiteConfig } from '../../../common/site.js';
import type { Classification } from '../../../common/classification/model.js';

/** TOP SECRET and NATO material carries serial copy numbers (DOMAIN.md; 32 CFR 117.15(e)). */
export function needsCopyNumbers(c: Classification): boolean {
  return c.level === 'TOP SECRET' || isNato(c);
}

/** Witnessed destruction: U.S. TOP SECRET and foreign TOP SECRET (COSMIC TOP SECRET included). */
export function needsWitnessedDestruction(c: Classification): boolean {
  return c.level === 'TOP SECRET' || c.foreign?.level === 'TOP SECRET' || c.foreign?.level === 'COSMIC TOP SECRET';
}

/**
 * Foreign government material received outside government-to-government channels is an improper
 * receipt and must be reported to the CSA (32 CFR 117.8(c)(13)).
 */
export function isImproperReceipt(draft: Pick<ReceiptDraft, 'direction' | 'classification' | 'transmission'>): boolean {
  return draft.direction === 'incoming' && draft.classification.foreign !== null && draft.transmission !== 'government_to_government';
}

export function receiptRuleIssues(draft: ReceiptDraft, site: SiteConfig, today: string): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const c = draft.classification;
  if (!isAtOrBelow(c.level, site.systemHigh)) {
    issues.push({ path: ['classification', 'level'], message: `is above this workstation's system-high level (${site.systemHigh})` });
  }
  if (needsCopyNumbers(c) && draft.copyNumbers.length === 0) {
    issues.push({ path: ['copyNumbers'], message: 'serial copy numbers are required for TOP SECRET and NATO material' });
  }
  if (new Set(draft.copyNumbers).size !== draft.copyNumbers.length) {
    issues.push({ path: ['copyNumbers'], message: 'lists a copy number twice' });
  }
  if (draft.transmission === 'government_to_government' && draft.dgr === '') {
    issues.push({ path: ['dgr'], message: 'name the Designated Government Representative for a government-to-government transfer' });
  }
  if (draft.direction === 'incoming' && draft.receivedOn === null) {
    issues.push({ path: ['receivedOn'], message: 'is required for incoming material' });
  }
  if (draft.direction === 'outgoing' && draft.receivedOn !== null) {
    issues.push({ path: ['receivedOn'], message: 'applies only to incoming material; outgoing material is dated when dispatched' });
  }
  if (draft.receivedOn !== null && draft.receivedOn > today) issues.push({ path: ['receivedOn'], message: 'cannot be in the future' });
  if (draft.materialDate !== null && draft.materialDate > today) issues.push({ path: ['materialDate'], message: 'cannot be in the future' });
  if (draft.materialDate !== null && draft.receivedOn !== null && draft.receivedOn < draft.materialDate) {
    issues.push({ path: ['receivedOn'], message: 'is earlier than the date of the material' });
  }
  return issues;
}

export function assertReceiptRules(draft: ReceiptDraft, site: SiteConfig, today: string): void {
  const issues = receiptRuleIssues(draft, site, today);
  if (issues.length > 0) {
    throw new LedgerError('INVALID_INPUT', `invalid receipt: ${issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`, { issues });
  }
}

export function assertNotFuture(date: string, today: string, field: string[]): void {
  if (date > today) {
    throw new LedgerError('INVALID_INPUT', `${field.join('.')} cannot be in the future`, { issues: [{ path: field, message: 'cannot be in the future' }] });
  }
}
