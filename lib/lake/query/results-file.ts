import fs from 'node:fs';
import { StringDecoder } from 'node:string_decoder';

/**
 * A query's result rows on disk: one JSON array of cell strings per line, and the byte offset of
 * every INDEX_STEP-th row, so any page is read without scanning the rows before it.
 */
export const INDEX_STEP = 100;

export class ResultsWriter {
  private fd: number;
  private offset = 0;
  rows = 0;
  readonly index: number[] = [];
  private buffer: string[] = [];
  private bufferedBytes = 0;

  constructor(private file: string) {
    this.fd = fs.openSync(file, 'w');
  }

  append(row: string[]): void {
    if (this.rows % INDEX_STEP === 0) this.index.push(this.offset + this.bufferedBytes);
    const line = JSON.stringify(row) + '\n';
    this.buffer.push(line);
    this.bufferedBytes += Buffer.byteLength(line);
    this.rows++;
    if (this.bufferedBytes > 1 << 20) this.flush();
  }

  flush(): void {
    if (!this.buffer.length) return;
    const data = this.buffer.join('');
    fs.writeSync(this.fd, data);
    this.offset += this.bufferedBytes;
    this.buffer = [];
    this.bufferedBytes = 0;
  }

  close(): void {
    this.flush();
    fs.closeSync(this.fd);
  }
}

export function readRows(file: string, index: number[], start: number, count: number): string[][] {
  if (count <= 0) return [];
  const slot = Math.floor(start / INDEX_STEP);
  if (slot >= index.length) return [];
  let skip = start - slot * INDEX_STEP;
  const fd = fs.openSync(file, 'r');
  const rows: string[][] = [];
  try {
    let pos = index[slot];
    let rest = '';
    const decoder = new StringDecoder('utf8');
    const buf = Buffer.alloc(256 * 1024);
    while (rows.length < count) {
      const n = fs.readSync(fd, buf, 0, buf.length, pos);
      if (n === 0) break;
      pos += n;
      const lines = (rest + decoder.write(buf.subarray(0, n))).split('\n');
      rest = lines.pop()!;
      for (const line of lines) {
        if (skip > 0) { skip--; continue; }
        rows.push(JSON.parse(line) as string[]);
        if (rows.length === count) break;
      }
    }
  } finally {
    fs.closeSync(fd);
  }
  return rows;
}
