/**
 * When a run fires: the result has at least N rows, or some row's numeric column compares true
 * with a threshold, or always (a scheduled report: the result is sent every run, rows or none).
 * The rows that fired are all rows (row count, report) or the rows that matched.
 */
export type Comparison = '>' | '>=' | '<' | '<=' | '=' | '!=';
export const COMPARISONS: Comparison[] = ['>', '>=', '<', '<=', '=', '!='];

export type Condition = { kind: 'rows'; atLeast: number } | { kind: 'column'; column: string; op: Comparison; value: number } | { kind: 'report' };

export type Row = Record<string, string>;

function compare(a: number, op: Comparison, b: number): boolean {
  switch (op) {
    case '>':
      return a > b;
    case '>=':
      return a >= b;
    case '<':
      return a < b;
    case '<=':
      return a <= b;
    case '=':
      return a === b;
    case '!=':
      return a !== b;
  }
}

/** A cell as a number: plain decimal text only (an empty or non-numeric cell never matches). */
export function numericCell(v: string | undefined): number | undefined {
  if (v === undefined || !/^\s*[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?\s*$/.test(v)) return undefined;
  return Number(v);
}

export function matchingRows(c: Condition, rows: Row[]): Row[] {
  if (c.kind !== 'column') return rows;
  return rows.filter((r) => {
    const n = numericCell(r[c.column]);
    return n !== undefined && compare(n, c.op, c.value);
  });
}

/** Whether the rows that matched make the rule fire. */
export function fires(c: Condition, matched: Row[]): boolean {
  if (c.kind === 'report') return true;
  return c.kind === 'rows' ? matched.length >= c.atLeast : matched.length > 0;
}

/** A column the condition names that the result lacks: the run is an error, not silence. */
export function missingColumn(c: Condition, columns: string[]): string | undefined {
  return c.kind === 'column' && columns.length > 0 && !columns.includes(c.column) ? c.column : undefined;
}

export function describeCondition(c: Condition): string {
  if (c.kind === 'report') return 'every run (scheduled report)';
  return c.kind === 'rows' ? `${c.atLeast === 1 ? 'any row' : `at least ${c.atLeast} rows`}` : `a row where ${c.column} ${c.op} ${c.value}`;
}
