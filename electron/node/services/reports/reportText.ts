// A report as plain text for a terminal (the CLI): the banner first and last, then each section
// with its marking, one tab-separated line per row in the report's column order, so the text
// carries the same rows and markings as the screen and the CSV.
import type { Report } from '../../../common/reports/model.js';

export function reportText(report: Report): string {
  const lines = [report.marking, report.title, `${report.parameters}. Site ${report.siteId}, made ${report.generatedAt}. ${report.rowCount} rows.`, ...report.notes];
  if (report.truncated) lines.push('More rows matched than a report holds; narrow the parameters.');
  for (const section of report.sections) {
    lines.push('', `${section.heading} (${section.rows.length}) ${section.marking}`, ['Marking', ...report.columns].join('\t'));
    for (const row of section.rows) lines.push([row.marking, ...row.cells].join('\t'));
  }
  lines.push('', report.marking);
  return lines.join('\n');
}
