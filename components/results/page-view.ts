/**
 * Sort and filter over the rows of the loaded page (never the whole result: the server pages),
 * and the text that Copy puts on the clipboard. Pure, so it is unit-tested.
 */
export type SortDirection = 'ascending' | 'descending';

export interface SortState {
  column: number;
  direction: SortDirection;
}

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Indices of the rows that contain `query` in any cell (case-insensitive); all rows when it is blank. */
export function filterRows(rows: (string | null)[][], query: string): number[] {
  const q = query.trim().toLowerCase();
  const out: number[] = [];
  for (let i = 0; i < rows.length; i++) {
    if (!q || rows[i].some((cell) => (cell ?? '').toLowerCase().includes(q))) out.push(i);
  }
  return out;
}

/** The indices ordered by one column: numbers numerically, other text naturally; empty cells last. */
export function sortRows(rows: (string | null)[][], indices: number[], sort: SortState | null): number[] {
  if (!sort) return indices;
  const { column, direction } = sort;
  const sign = direction === 'ascending' ? 1 : -1;
  const numeric = indices.every((i) => {
    const v = rows[i][column] ?? '';
    return v === '' || NUMBER.test(v);
  });
  return [...indices].sort((a, b) => {
    const x = rows[a][column] ?? '';
    const y = rows[b][column] ?? '';
    if (x === '' || y === '') return x === y ? a - b : x === '' ? 1 : -1;
    const c = numeric ? Number(x) - Number(y) : collator.compare(x, y);
    return c === 0 ? a - b : sign * c;
  });
}

/** The next sort when a column header is activated: ascending, descending, then none. */
export function nextSort(current: SortState | null, column: number): SortState | null {
  if (current?.column !== column) return { column, direction: 'ascending' };
  return current.direction === 'ascending' ? { column, direction: 'descending' } : null;
}

/** A field as a spreadsheet pastes it: quoted when it holds a tab, line break or quote. */
function tsvField(v: string): string {
  return /[\t\r\n"]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v;
}

/** A row with its header, tab-separated (pastes into a spreadsheet as two rows). */
export function rowText(columns: string[], row: (string | null)[]): string {
  return `${columns.map(tsvField).join('\t')}\n${columns.map((_, i) => tsvField(row[i] ?? '')).join('\t')}`;
}

/** A column's header and its values in the given row order, one per line. */
export function columnText(name: string, rows: (string | null)[][], indices: number[], column: number): string {
  return [name, ...indices.map((i) => rows[i][column] ?? '')].map(tsvField).join('\n');
}
