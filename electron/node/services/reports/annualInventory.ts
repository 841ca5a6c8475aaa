// The annual inventory sheet of TOP SECRET (117.15(e)) and of COSMIC TOP SECRET and NATO SECRET
// material: every such item held, whether it was inventoried in the year, and room to check it off.
import type { Receipt } from '../../../common/receipts/model.js';
import type { ReportRequest } from '../../../common/reports/model.js';
import { MAX_REPORT_ROWS } from '../../../common/reports/model.js';
import { heldItems } from '../../../../db/queries/reports.js';
import type { HandlerContext } from '../../context.js';
import type { MarkedRow, ReportParts } from './reportTable.js';
import { foreignLevelText, markedRow, orDash } from './reportTable.js';

const NATO_ANNUAL = new Set(['COSMIC TOP SECRET', 'NATO SECRET']);

function isNatoAnnual(r: Receipt): boolean {
  const foreign = r.classification.foreign;
  return foreign !== null && foreign.kind === 'nato' && NATO_ANNUAL.has(foreign.level);
}

type AnnualRequest = Extract<ReportRequest, { report: 'annualInventory' }>;

export function annualInventoryReport(ctx: HandlerContext, request: AnnualRequest): ReportParts {
  const { items, total } = heldItems(ctx.db, MAX_REPORT_ROWS);
  const year = String(request.year);
  const row = (r: Receipt): MarkedRow => {
    const thisYear = r.inventoriedOn.filter((d) => d.startsWith(year));
    return markedRow('receipt', r, [
      r.controlNumber,
      r.copyNumbers.join(', '),
      r.unclassifiedTitle,
      foreignLevelText(r.classification) || r.classification.level,
      r.natoReference,
      r.custodian,
      r.storageContainer,
      orDash(thisYear.at(-1)),
      '',
    ]);
  };
  const nato = items.filter(isNatoAnnual);
  const topSecret = items.filter((r) => r.classification.level === 'TOP SECRET' && !isNatoAnnual(r));
  return {
    parameters: `Inventory year ${year}; material held on ${ctx.today()}`,
    columns: ['Control number', 'Copy numbers', 'Unclassified title', 'Level', 'NATO reference', 'Custodian', 'Storage container', `Inventoried in ${year}`, 'Checked by (initials)'],
    sections: [
      { heading: 'TOP SECRET', rows: topSecret.map(row) },
      { heading: 'COSMIC TOP SECRET and NATO SECRET', rows: nato.map(row) },
    ],
    truncated: total > items.length,
  };
}
