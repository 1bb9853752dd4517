import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { INDEX_STEP, ResultsWriter, readRowCells, readRowLines, readRowsJson } from '../../lib/lake/query/results-file';
import { stringifyWithRaw, rawJson } from '../../lib/lake/api/raw-json';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tb-results-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const TRICKY = ['plain', 'quote " and \\ backslash', 'line\nbreak\ttab\u0001', 'émoji 😀 and 中文', 'lone \ud800 surrogate', '', '</script>'];

function write(file: string, columns: string[], rows: string[][]) {
  const w = new ResultsWriter(file);
  w.columns = columns;
  for (const r of rows) w.append(r);
  w.close();
  return w;
}

describe('results file', () => {
  const columns = ['eventName', 'count', 'count']; // Lake results may repeat a column name
  const rows = Array.from({ length: 2 * INDEX_STEP + 37 }, (_, i) => [TRICKY[i % TRICKY.length], String(i), `n${i}`]);
  const file = path.join(dir, 'wire.ndjson');
  const w = write(file, columns, rows);

  it('gives each row back in the wire form GetQueryResults sends, for any page', () => {
    for (const [start, count] of [
      [0, 5],
      [INDEX_STEP - 2, 4],
      [2 * INDEX_STEP + 30, 100],
      [0, rows.length],
    ]) {
      const lines = readRowLines(file, w.index, start, count, columns, 'wire');
      const expected = rows.slice(start, start + count).map((r) => r.map((cell, i) => ({ [columns[i]]: cell })));
      expect(lines.map((l) => JSON.parse(l))).toEqual(expected);
    }
  });

  it('gives a page as one JSON array with its row count, the same rows as line by line', () => {
    for (const [start, count] of [
      [0, 1],
      [3, INDEX_STEP],
      [INDEX_STEP, INDEX_STEP],
      [2 * INDEX_STEP + 30, 1000],
      [rows.length - 1, 5],
    ]) {
      const page = readRowsJson(file, w.index, start, count, columns, 'wire');
      const expected = rows.slice(start, start + count).map((r) => r.map((cell, i) => ({ [columns[i]]: cell })));
      expect(page.rows).toBe(expected.length);
      expect(JSON.parse(page.json)).toEqual(expected);
    }
    expect(readRowsJson(file, w.index, rows.length, 10, columns, 'wire')).toEqual({ json: '[]', rows: 0 });
  });

  it('keeps rows longer than its write buffer whole', () => {
    const big = path.join(dir, 'big.ndjson');
    const long = ['x'.repeat(3 << 20), '€'.repeat(1 << 20)];
    const bw = write(big, ['a', 'b'], [['1', '2'], long, ['3', '4']]);
    expect(readRowCells(big, bw.index, 0, 3, 'wire')).toEqual([['1', '2'], long, ['3', '4']]);
  });

  it('gives the cells back exactly, escapes included', () => {
    expect(readRowCells(file, w.index, 0, rows.length, 'wire').map((r) => r[0])).toEqual(rows.map((r) => r[0]));
    expect(readRowCells(file, w.index, rows.length, 10, 'wire')).toEqual([]);
  });

  it('still reads result files written before rows were kept in wire form', () => {
    const old = path.join(dir, 'cells.ndjson');
    fs.writeFileSync(
      old,
      rows
        .slice(0, 3)
        .map((r) => JSON.stringify(r) + '\n')
        .join(''),
    );
    expect(readRowCells(old, [0], 0, 3)).toEqual(rows.slice(0, 3));
    expect(readRowLines(old, [0], 1, 2, columns).map((l) => JSON.parse(l))).toEqual(rows.slice(1, 3).map((r) => r.map((cell, i) => ({ [columns[i]]: cell }))));
    expect(JSON.parse(readRowsJson(old, [0], 1, 2, columns).json)).toEqual(rows.slice(1, 3).map((r) => r.map((cell, i) => ({ [columns[i]]: cell }))));
  });
});

describe('raw JSON splicing', () => {
  it('writes spliced text as is and everything else as JSON.stringify would', () => {
    const body = { QueryStatus: 'FINISHED', Rows: rawJson('[[{"a":"1"}],[{"a":"2"}]]'), Note: 'tb-raw-0 is just text', Nested: { x: [rawJson('{"k":true}')] } };
    expect(JSON.parse(stringifyWithRaw(body))).toEqual({
      QueryStatus: 'FINISHED',
      Rows: [[{ a: '1' }], [{ a: '2' }]],
      Note: 'tb-raw-0 is just text',
      Nested: { x: [{ k: true }] },
    });
    expect(stringifyWithRaw({ a: 1 })).toBe('{"a":1}');
  });
});
