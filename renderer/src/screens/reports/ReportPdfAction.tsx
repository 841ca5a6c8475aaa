// "Save as PDF" for a report: the shared action of the printable views (renderer/src/print/),
// given the report's own banner (the highest marking it shows) and a file name with its level.
// The print stylesheet (overview.css, @media print) lays the report out alone.
import type { Report } from '../../../../electron/common/reports/model.js';
import { fileLevelWord } from '../../../../electron/common/reports/model.js';
import { SavePdfButton } from '../../print/SavePdfButton.js';

export interface ReportPdfActionProps {
  report: Report;
  today: string;
}

/** `report openReceipts SITE-A 2026-03-02 SECRET`: the CSV's name in words (SavePdfButton adds .pdf). */
export function reportPdfName(report: Report, today: string): string {
  return `report ${report.report} ${report.siteId} ${today} ${fileLevelWord(report.classification)}`;
}

export function ReportPdfAction({ report, today }: ReportPdfActionProps) {
  return <SavePdfButton banner={report.marking} fileName={reportPdfName(report, today)} />;
}
