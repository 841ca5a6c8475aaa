// CSV (RFC 4180) for exports that users open in spreadsheets. A cell beginning with = + - @ (or
// a tab or carriage return) is prefixed with an apostrophe so a spreadsheet shows it as text
// instead of running it as a formula (CSV injection, OWASP).

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: unknown): string {
  let text = value === null || value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(values: readonly unknown[]): string {
  return values.map(csvCell).join(',');
}

/** Header and rows, CRLF line ends as RFC 4180 asks, with a UTF-8 BOM so spreadsheets read accents right. */
export function toCsv(header: readonly string[], rows: Iterable<readonly unknown[]>): string {
  const lines = [csvLine(header)];
  for (const row of rows) lines.push(csvLine(row));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
