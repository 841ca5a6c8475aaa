// Builds the one report shape (electron/common/reports/model.ts) from rows that still carry their
// classification, so every section and the whole report are marked at the highest level shown.
import type { Classification } from '../../../common/classification/index.js';
import { bannerMarking, highestClassification, portionMarking } from '../../../common/classification/index.js';
import type { Report, ReportName, ReportRow } from '../../../common/reports/model.js';
import { REPORT_TITLES } from '../../../common/reports/model.js';
import type { HandlerContext } from '../../context.js';

export interface MarkedRow {
  kind: ReportRow['kind'];
  id: string;
  classification: Classification;
  cells: string[];
}

/** A record's row: the record's own marking travels with its cells. */
export function markedRow(kind: ReportRow['kind'], record: { id: string; classification: Classification }, cells: string[]): MarkedRow {
  return { kind, id: record.id, classification: record.classification, cells };
}

export interface MarkedSection {
  heading: string;
  rows: MarkedRow[];
}

export interface ReportParts {
  parameters: string;
  columns: string[];
  sections: MarkedSection[];
  truncated: boolean;
  notes?: string[];
}

export function buildReport(ctx: HandlerContext, report: ReportName, parts: ReportParts): Report {
  const all = parts.sections.flatMap((s) => s.rows);
  const classification = highestClassification(all.map((r) => r.classification));
  return {
    report,
    title: REPORT_TITLES[report],
    parameters: parts.parameters,
    siteId: ctx.site.siteId,
    generatedAt: ctx.nowIso(),
    classification,
    marking: bannerMarking(classification),
    columns: parts.columns,
    sections: parts.sections.map((section) => ({
      heading: section.heading,
      marking: bannerMarking(highestClassification(section.rows.map((r) => r.classification))),
      rows: section.rows.map((row) => ({ kind: row.kind, id: row.id, marking: portionMarking(row.classification), cells: row.cells })),
    })),
    rowCount: all.length,
    truncated: parts.truncated,
    notes: parts.notes ?? [],
  };
}

/** The foreign level in words: `DEU SECRET`, `NATO SECRET`, or empty for U.S. material. */
export function foreignLevelText(c: Classification): string {
  if (c.foreign === null) return '';
  return c.foreign.kind === 'nato' ? c.foreign.level : `${c.foreign.countries.join(' ')} ${c.foreign.level}`;
}

export const orDash = (value: string | null | undefined): string => (value === null || value === undefined || value === '' ? '—' : value);
