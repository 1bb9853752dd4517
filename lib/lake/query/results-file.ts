import fs from 'node:fs';

/**
 * A query's result rows on disk, one per line, already in the wire form GetQueryResults sends
 * (`[{"column":"cell"},...]`), so a page is served by splicing lines without parsing them; and the
 * byte offset of every INDEX_STEP-th row, so any page is read without scanning the rows before it.
 */
export const INDEX_STEP = 100;

/** Files written before rows were kept in wire form hold `["cell",...]` lines; records say which. */
export type RowsFormat = 'wire' | 'cells';

export class ResultsWriter {
  private fd: number;
  private offset = 0;
  rows = 0;
  readonly index: number[] = [];
  private buffer: string[] = [];
  private bufferedBytes = 0;
  /** `{"<column>":` for each column, escaped once. */
  private prefixes: string[] = [];

  constructor(private file: string) {
    this.fd = fs.openSync(file, 'w');
  }

  set columns(names: string[]) {
    this.prefixes = names.map((n) => `{${JSON.stringify(n)}:`);
  }

  append(cells: string[]): void {
    if (this.rows % INDEX_STEP === 0) this.index.push(this.offset + this.bufferedBytes);
    let line = '[';
    for (let i = 0; i < cells.length; i++) line += (i ? ',' : '') + this.prefixes[i] + jsonString(cells[i]) + '}';
    line += ']\n';
    this.buffer.push(line);
    this.bufferedBytes += Buffer.byteLength(line);
    this.rows++;
    if (this.bufferedBytes > 1 << 20) this.flush();
  }

  flush(): void {
    if (!this.buffer.length) return;
    fs.writeSync(this.fd, this.buffer.join(''));
    this.offset += this.bufferedBytes;
    this.buffer = [];
    this.bufferedBytes = 0;
  }

  close(): void {
    this.flush();
    fs.closeSync(this.fd);
  }
}

// Characters JSON must escape, and lone surrogates, which JSON.stringify escapes too.
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/u;

/** JSON.stringify for a string, without its cost for the common string that needs no escaping. */
function jsonString(s: string): string {
  return NEEDS_ESCAPE.test(s) ? JSON.stringify(s) : `"${s}"`;
}

/** Rows start..start+count-1 as their wire-form JSON text, one string per row. */
export function readRowLines(file: string, index: number[], start: number, count: number, columns: string[], format: RowsFormat = 'cells'): string[] {
  const lines = readLines(file, index, start, count);
  if (format === 'wire') return lines;
  return lines.map((l) => JSON.stringify((JSON.parse(l) as string[]).map((cell, i) => ({ [columns[i]]: cell }))));
}

/** Rows as arrays of cell strings (for callers inside the lake that want values, not wire text). */
export function readRowCells(file: string, index: number[], start: number, count: number, format: RowsFormat = 'cells'): string[][] {
  return readLines(file, index, start, count).map((l) => {
    const row = JSON.parse(l) as (string | Record<string, string>)[];
    return format === 'wire' ? row.map((cell) => Object.values(cell as Record<string, string>)[0]) : (row as string[]);
  });
}

function readLines(file: string, index: number[], start: number, count: number): string[] {
  if (count <= 0) return [];
  const slot = Math.floor(start / INDEX_STEP);
  if (slot >= index.length) return [];
  const skip = start - slot * INDEX_STEP;
  // the bytes from the page's first indexed row to the indexed row after its last (or the end)
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
    const lines = buf.toString('utf8', 0, got).split('\n');
    if (lines[lines.length - 1] === '') lines.pop();
    return lines.slice(skip, skip + count);
  } finally {
    fs.closeSync(fd);
  }
}
