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

/**
 * A NULL cell (null) is an empty field and an empty string a quoted one (`""`), the convention
 * spreadsheets and database loaders read as NULL and '' respectively.
 */
export function toCsv(rows: (string | null)[][], opts: { formulaGuard: boolean }): string {
  const guarded = opts.formulaGuard ? rows.map((r) => r.map((v) => (v === null ? v : guardCell(v)))) : rows;
  // per cell, so that only an empty string is quoted (the global quoted_empty would quote NULL too)
  return stringify(guarded, {
    record_delimiter: 'windows',
    quoted_match: /[\r\n]/,
    cast: { string: (v) => (v === '' ? { value: v, quoted_empty: true } : v) },
  });
}
