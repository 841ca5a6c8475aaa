import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from '../../../electron/node/export/csv.js';

describe('CSV', () => {
  const cells: [unknown, string][] = [
    ['plain', 'plain'],
    ['with, comma', '"with, comma"'],
    ['with "quotes"', '"with ""quotes"""'],
    ['two\nlines', '"two\nlines"'],
    ['=1+2', "'=1+2"],
    ['+49 261 1234', "'+49 261 1234"],
    ['-5', "'-5"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=cmd', "'\t=cmd"],
    ['=HYPERLINK("http://x")', '"\'=HYPERLINK(""http://x"")"'],
    [' padded ', '" padded "'],
    [42, '42'],
    [null, ''],
  ];
  it.each(cells)('%j -> %s', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it('writes a BOM, a header and CRLF line ends', () => {
    expect(toCsv(['a', 'b'], [[1, 'x'], [2, 'y']])).toBe('\uFEFFa,b\r\n1,x\r\n2,y\r\n');
  });
});
