import { stringify } from 'csv-stringify/sync';

/**
 * CSV (RFC 4180, CRLF rows) that a spreadsheet opens as data. csv-stringify quotes a cell with the
 * separator, a quote or the record delimiter (CRLF) but not a lone CR or LF, which would then split
 * the row; so every cell with either is quoted too. The formula guard prefixes `'` to a cell a
 * spreadsheet would run (= + - @, or a leading tab or CR), also when the formula comes after
 * leading spaces or a line break (` =1+1`, `\n=1+1`), which spreadsheets skip.
 */
const FORMULA = /^(?:[\t\r]|[\s\u00a0\ufeff]*[=+\-@])/;

export const guardCell = (v: string) => (FORMULA.test(v) ? `'${v}` : v);

export function toCsv(rows: string[][], opts: { formulaGuard: boolean }): string {
  return stringify(opts.formulaGuard ? rows.map((r) => r.map(guardCell)) : rows, { record_delimiter: 'windows', quoted_match: /[\r\n]/ });
}
