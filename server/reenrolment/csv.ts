/**
 * CSV as French Excel opens it: UTF-8 with a byte-order mark (or accents are garbled), `;` between
 * cells (the comma is the decimal separator there), CRLF between lines, every cell quoted.
 * A cell that starts with = + - @ tab or CR would be run as a formula by a spreadsheet (CSV
 * injection, OWASP): it is prefixed with an apostrophe, which the spreadsheet shows as text.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | boolean | null | undefined): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (FORMULA_START.test(text)) text = "'" + text;
  return '"' + text.replace(/"/g, '""') + '"';
}

export function toCsv(rows: Array<Array<string | number | boolean | null | undefined>>): string {
  return '\uFEFF' + rows.map((row) => row.map(csvCell).join(';')).join('\r\n') + '\r\n';
}
