// Inventory of accountable items by level and country. U.S. material is grouped by level; FGI is
// kept apart from it and grouped by country of origin (117.19(c)), NATO on its own.
import { US_LEVELS } from '../../../common/classification/index.js';
import type { Receipt } from '../../../common/receipts/model.js';
import { STATUS_LABELS } from '../../../common/receipts/model.js';
import type { ReportRequest } from '../../../common/reports/model.js';
import { MAX_REPORT_ROWS } from '../../../common/reports/model.js';
import { heldItems } from '../../../../db/queries/reports.js';
import type { HandlerContext } from '../../context.js';
import type { MarkedRow, MarkedSection, ReportParts } from './reportTable.js';
import { foreignLevelText, markedRow, orDash } from './reportTable.js';

export const INVENTORY_COLUMNS = [
  'Control number',
  'Copy numbers',
  'Unclassified title',
  'U.S. level',
  'Foreign level',
  'Status',
  'Date received',
  'Custodian',
  'Storage container',
  'Last inventoried',
];

export function itemRow(r: Receipt): MarkedRow {
  return markedRow('receipt', r, [
    r.controlNumber,
    r.copyNumbers.join(', '),
    r.unclassifiedTitle,
    r.classification.level,
    foreignLevelText(r.classification),
    STATUS_LABELS[r.status],
    orDash(r.receivedOn),
    r.custodian,
    r.storageContainer,
    orDash(r.inventoriedOn.at(-1)),
  ]);
}

type InventoryRequest = Extract<ReportRequest, { report: 'inventory' }>;

export function inventoryReport(ctx: HandlerContext, request: InventoryRequest): ReportParts {
  const { items, total } = heldItems(ctx.db, MAX_REPORT_ROWS);
  const us = new Map<string, MarkedRow[]>();
  const byCountry = new Map<string, MarkedRow[]>();
  let joint = false;
  for (const item of items) {
    const foreign = item.classification.foreign;
    if (foreign === null) {
      if (request.fgi !== 'only' && request.country === undefined) push(us, item.classification.level, itemRow(item));
      continue;
    }
    if (request.fgi === 'exclude') continue;
    const origins = foreign.kind === 'nato' ? ['NATO'] : foreign.countries;
    if (origins.length > 1) joint = true;
    for (const origin of origins) {
      if (request.country === undefined || request.country === origin) push(byCountry, origin, itemRow(item));
    }
  }
  const sections: MarkedSection[] = [
    ...[...US_LEVELS].reverse().flatMap((level) => (us.has(level) ? [{ heading: `U.S. ${level}`, rows: us.get(level)! }] : [])),
    ...[...byCountry.keys()].sort().map((origin) => ({ heading: origin === 'NATO' ? 'NATO' : `FGI ${origin}`, rows: byCountry.get(origin)! })),
  ];
  const scope = request.country ? `FGI of ${request.country} only` : request.fgi === 'only' ? 'FGI only' : request.fgi === 'exclude' ? 'U.S. material only' : 'U.S. material and FGI';
  return {
    parameters: `Material held on ${ctx.today()}: ${scope}`,
    columns: INVENTORY_COLUMNS,
    sections,
    truncated: total > items.length,
    notes: joint ? ['A joint product of several governments is listed under each country of origin.'] : [],
  };
}

function push(map: Map<string, MarkedRow[]>, key: string, row: MarkedRow): void {
  const rows = map.get(key) ?? [];
  rows.push(row);
  map.set(key, rows);
}
