// A report as it shows and prints: marked top and bottom at the highest level it shows, each
// section marked, each row with its portion mark and a link to its record. `#report-print` is
// the element a PDF is made from.
import { Table } from '@trussworks/react-uswds';
import type { ReactNode } from 'react';
import type { Report } from '../../../../electron/common/reports/model.js';
import { ClassificationBanner } from '../../components/ClassificationBanner.js';
import { formatTimestamp, plural } from '../../format/labels.js';
import { RecordLink } from '../dashboard/RecordLink.js';

export const REPORT_PRINT_ID = 'report-print';

export function ReportView({ report, onOpen, actions }: { report: Report; onOpen: (kind: Report['sections'][number]['rows'][number]['kind'], id: string) => void; actions?: ReactNode }) {
  return (
    <article id={REPORT_PRINT_ID} className="printable-report" aria-labelledby="report-title">
      <ClassificationBanner classification={report.classification} position="record" />
      <h2 id="report-title">{report.title}</h2>
      <p className="report-meta">
        {report.parameters}. Site {report.siteId}, made {formatTimestamp(report.generatedAt)}. {plural(report.rowCount, 'row')}.
      </p>
      {actions && <div className="button-row no-print">{actions}</div>}
      {report.truncated && <p className="report-meta">More rows matched than a report holds; narrow the parameters.</p>}
      {report.notes.map((note) => (
        <p key={note} className="report-meta">
          {note}
        </p>
      ))}
      {report.sections.map((section, s) => (
        <section key={section.heading} className="report-section" aria-labelledby={`report-section-${s}`}>
          <h3 id={`report-section-${s}`}>
            {section.heading} ({plural(section.rows.length, 'row')}) — {section.marking}
          </h3>
          {section.rows.length === 0 ? (
            <p className="report-meta">Nothing to list.</p>
          ) : (
            <Table bordered compact fullWidth>
              <caption className="usa-sr-only">{`${report.title}: ${section.heading}`}</caption>
              <thead>
                <tr>
                  <th scope="col">Marking</th>
                  {report.columns.map((column) => (
                    <th key={column} scope="col">
                      {column}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {section.rows.map((row) => (
                  <tr key={`${row.id}-${s}`}>
                    <td>{row.marking}</td>
                    {row.cells.map((cell, c) =>
                      c === 0 ? (
                        <td key={c}>
                          <RecordLink label={cell} description={`open ${row.kind} ${cell}`} onOpen={() => onOpen(row.kind, row.id)} />
                        </td>
                      ) : (
                        <td key={c}>{cell}</td>
                      ),
                    )}
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
        </section>
      ))}
      <ClassificationBanner classification={report.classification} position="record" />
    </article>
  );
}
