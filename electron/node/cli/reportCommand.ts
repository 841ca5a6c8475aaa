// `enclave-ledger report NAME`: runs a report as a user, through the same methods as the app
// (each reading and export audited), printed as text or written as the app's CSV.
import { writeFileSync } from 'node:fs';
import type { Report, ReportName } from '../../common/reports/model.js';
import { REPORT_NAMES } from '../../common/reports/model.js';
import { reportText } from '../services/reports/reportText.js';
import { UsageError, parseCommandArgs } from './args.js';
import type { CliIo, CliOptions } from './main.js';
import { asUser, printResult } from './main.js';

export const REPORT_HELP = `Usage: enclave-ledger report NAME --db FILE --user USERNAME [parameters] [--csv FILE]

Runs a report (docs/reports.md) as USERNAME; reading and exporting are audited. Without --csv
the report is printed as text, marked first and last at the highest level it shows; with --csv
it is written as the desktop app exports it (a marking column on every row, formula-looking
cells neutralised) and a one-line Result says where. NAME is one of:

  inventory        accountable items held, U.S. by level, FGI by country   [--fgi all|only|exclude] [--country DEU]
  openReceipts     outgoing receipts awaiting the signed receipt, with suspense dates
  visits           visits overlapping a date range                          --from YYYY-MM-DD --to YYYY-MM-DD
  incidents        incidents with culpability (withheld from roles that may not read it)  [--from] [--to]
  annualInventory  the annual TOP SECRET / NATO inventory sheet              --year YYYY`;

function requestFrom(name: ReportName, values: Record<string, string | boolean | undefined>): Record<string, unknown> {
  const text = (key: string) => (typeof values[key] === 'string' ? values[key] : undefined);
  const defined = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
  switch (name) {
    case 'inventory':
      return defined({ report: name, fgi: text('fgi'), country: text('country') });
    case 'openReceipts':
      return { report: name };
    case 'visits':
    case 'incidents':
      return defined({ report: name, from: text('from'), to: text('to') });
    case 'annualInventory':
      return { report: name, year: Number(text('year') ?? Number.NaN) };
  }
}

export async function reportCommand(argv: string[], io: CliIo, options: CliOptions): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    argv,
    {
      db: { type: 'string' },
      user: { type: 'string' },
      csv: { type: 'string' },
      fgi: { type: 'string' },
      country: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      year: { type: 'string' },
    },
    1,
  );
  if (values.help || positionals.length === 0) {
    if (values.help) io.out(REPORT_HELP);
    else io.err(REPORT_HELP);
    return values.help ? 0 : 2;
  }
  const name = positionals[0] as ReportName;
  if (!REPORT_NAMES.includes(name)) throw new UsageError(`unknown report: ${positionals[0]} (one of ${REPORT_NAMES.join(', ')})`);
  const request = requestFrom(name, values);
  const csvFile = typeof values.csv === 'string' ? values.csv : undefined;
  if (csvFile === '') throw new UsageError('--csv needs a file name');

  const result = await asUser(values, options, (dispatch) => dispatch(csvFile ? 'reports.exportCsv' : 'reports.run', request));
  if (!result.ok) return printResult(io, result);
  if (csvFile) {
    const { csv, rows, marking } = result.value as { csv: string; rows: number; marking: string };
    // Owner-only: the file holds what the report shows.
    writeFileSync(csvFile, csv, { mode: 0o600 });
    return printResult(io, { ok: true, value: { file: csvFile, rows, marking } });
  }
  io.out(reportText(result.value as Report));
  return 0;
}
