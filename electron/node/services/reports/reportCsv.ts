// A report as CSV for spreadsheets: one header line, then one line per row with the section and
// the row's own marking first, so a sorted or filtered sheet still says what each line is. The
// file name carries the report's level, as a bundle's name does. Cells that look like formulas
// are neutralised by toCsv (electron/node/export/csv.ts).
import type { Report } from '../../../common/reports/model.js';
import { fileLevelWord } from '../../../common/reports/model.js';
import { toCsv } from '../../export/csv.js';

export const CSV_LEAD_COLUMNS = ['Section', 'Marking'];

export function reportCsv(report: Report): string {
  const rows = report.sections.flatMap((section) => section.rows.map((row) => [section.heading, row.marking, ...row.cells]));
  return toCsv([...CSV_LEAD_COLUMNS, ...report.columns], rows);
}

/** `report_openReceipts_SITE-A_2026-03-02_SECRET.csv`: the level in words, no caveats (file names stay simple). */
export function reportFileName(report: Report, today: string): string {
  return `report_${report.report}_${report.siteId}_${today}_${fileLevelWord(report.classification)}.csv`;
}
