import fs from 'node:fs';
import { LineFile } from '../storage/line-file';

/**
 * A query's result rows on disk, one per line, already in the wire form GetQueryResults sends
 * (`[{"column":"cell"},...]`), so a page is served by splicing lines without parsing them; and the
 * byte offset of every INDEX_STEP-th row, so any page is read without scanning the rows before it.
 */
export const INDEX_STEP = 100;

/** Files written before rows were kept in wire form hold `["cell",...]` lines; records say which. */
export type RowsFormat = 'wire' | 'cells';

export class ResultsWriter {
  private out: LineFile;
  readonly index: number[] = [];
  /** `{"<column>":` for each column, escaped once. */
  private prefixes: string[] = [];

  constructor(file: string) {
    this.out = new LineFile(file);
  }

  get rows(): number {
    return this.out.lines;
  }

  set columns(names: string[]) {
    this.prefixes = names.map((n) => `{${JSON.stringify(n)}:`);
  }

  append(cells: (string | null)[]): void {
    const parts = new Array<string>(cells.length);
    for (let i = 0; i < cells.length; i++) parts[i] = this.prefixes[i] + JSON.stringify(cells[i]) + '}';
    this.appendLine('[' + parts.join(',') + ']');
  }

  /** A row already in wire form. */
  appendLine(row: string): void {
    if (this.rows % INDEX_STEP === 0) this.index.push(this.out.size);
    this.out.write(row);
  }

  close(): void {
    this.out.close();
  }
}

/** Rows start..start+count-1 as their wire-form JSON text, one string per row. */
export function readRowLines(file: string, index: number[], start: number, count: number, columns: string[], format: RowsFormat = 'cells'): string[] {
  const lines = readLines(file, index, start, count);
  if (format === 'wire') return lines;
  return lines.map((l) => JSON.stringify((JSON.parse(l) as string[]).map((cell, i) => ({ [columns[i]]: cell }))));
}

/**
 * Rows start..start+count-1 as one JSON array in wire form, and how many rows it holds: the
 * page's bytes with line breaks turned into commas, not split into rows and joined again. A NULL
 * cell, stored as `{"column":null}`, becomes `nullCell` (JSON text): `""` on the public wire.
 */
export function readRowsJson(
  file: string,
  index: number[],
  start: number,
  count: number,
  columns: string[],
  format: RowsFormat = 'cells',
  nullCell = '""',
): { json: string; rows: number } {
  if (format !== 'wire') {
    const lines = readRowLines(file, index, start, count, columns, format);
    return { json: `[${lines.join(',')}]`, rows: lines.length };
  }
  const page = readWireJson(file, index, start, count);
  // `{"column":null}` cannot occur inside a JSON string (its quotes would be escaped), so this replaces NULL cells only.
  if (page.json.includes(':null}'))
    for (const c of columns) page.json = page.json.replaceAll(`{${JSON.stringify(c)}:null}`, `{${JSON.stringify(c)}:${nullCell}}`);
  return page;
}

function readWireJson(file: string, index: number[], start: number, count: number): { json: string; rows: number } {
  const range = readRange(file, index, start, count);
  if (!range) return { json: '[]', rows: 0 };
  const { buf, skip } = range;
  let from = 0;
  for (let i = 0; i < skip && from < buf.length; i++) from = buf.indexOf(10, from) + 1 || buf.length;
  let to = from;
  let rows = 0;
  while (rows < count && to < buf.length) {
    const nl = buf.indexOf(10, to);
    to = nl < 0 ? buf.length : nl + 1;
    rows++;
  }
  const text = buf.toString('utf8', from, to > from && buf[to - 1] === 10 ? to - 1 : to);
  return { json: `[${text.replaceAll('\n', ',')}]`, rows };
}

/** Rows as arrays of cell strings, NULL as '' as on the wire (for callers inside the lake that want values, not wire text). */
export function readRowCells(file: string, index: number[], start: number, count: number, format: RowsFormat = 'cells'): string[][] {
  return readLines(file, index, start, count).map((l) => {
    const row = JSON.parse(l) as (string | null | Record<string, string | null>)[];
    return row.map((cell) => (format === 'wire' ? Object.values(cell as Record<string, string | null>)[0] : (cell as string | null)) ?? '');
  });
}

function readLines(file: string, index: number[], start: number, count: number): string[] {
  const range = readRange(file, index, start, count);
  if (!range) return [];
  const lines = range.buf.toString('utf8').split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines.slice(range.skip, range.skip + count);
}

/** The bytes from the indexed row at or before `start` to the indexed row after the page (or the end); `skip` rows precede `start`. */
function readRange(file: string, index: number[], start: number, count: number): { buf: Buffer; skip: number } | undefined {
  if (count <= 0) return undefined;
  const slot = Math.floor(start / INDEX_STEP);
  if (slot >= index.length) return undefined;
  const endSlot = Math.ceil((start + count) / INDEX_STEP);
  const fd = fs.openSync(file, 'r');
  try {
    const from = index[slot];
    const to = endSlot < index.length ? index[endSlot] : fs.fstatSync(fd).size;
    const buf = Buffer.allocUnsafe(to - from);
    let got = 0;
    while (got < buf.length) {
      const n = fs.readSync(fd, buf, got, buf.length - got, from + got);
      if (n === 0) break;
      got += n;
    }
    return { buf: buf.subarray(0, got), skip: start - slot * INDEX_STEP };
  } finally {
    fs.closeSync(fd);
  }
}
