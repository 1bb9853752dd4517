import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import type { CloudTrailClient } from '@aws-sdk/client-cloudtrail';

// CSV exports (and the audit log's CSV) open in spreadsheets: a cell must stay one cell, and a
// cell a spreadsheet would run as a formula gets the guard, wherever the formula hides.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trailbench-csv-'));
process.env.TRAILBENCH_DATA_DIR = dir;
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const HOSTILE = ['\n=1+1', '\r=1+1', 'a\nb', 'a\rb', ' =1+1', '\t=1+1', '\r\n@SUM(A1)', '\u00a0+1', 'x,y', 'say "hi"', '-2+3', 'plain'];

/** A CloudTrail client that has one finished query whose single column holds `cells`. */
function fakeClient(column: string, cells: string[]): CloudTrailClient {
  return {
    send: async (cmd: { constructor: { name: string } }) =>
      cmd.constructor.name === 'DescribeQueryCommand'
        ? { QueryStatus: 'FINISHED', QueryString: 'SELECT x FROM t', QueryStatistics: { BytesScanned: 1 } }
        : { QueryResultRows: cells.map((c) => [{ [column]: c }, { n: 'after' }]) },
  } as unknown as CloudTrailClient;
}

async function exportCsv(column: string, cells: string[], formulaGuard: boolean): Promise<string> {
  const { startExport } = await import('../../lib/workbench/export');
  const { stream } = await startExport(fakeClient(column, cells), 'h', 'q', { format: 'csv', scope: 'all', formulaGuard }, { exportedBy: 'test' });
  return new Response(stream).text();
}

describe('CSV export', () => {
  it('keeps every cell in its row and column: lone CR and LF are quoted like CRLF, quotes and commas', async () => {
    for (const guard of [false, true]) {
      // read as a spreadsheet does: a line break outside quotes ends the row, whichever it is
      const rows = parse(await exportCsv('x', HOSTILE, guard), { record_delimiter: ['\r\n', '\n', '\r'] }) as string[][];
      expect(rows).toHaveLength(HOSTILE.length + 1);
      expect(rows.every((r) => r.length === 2 && r[1] !== undefined)).toBe(true);
      expect(rows.slice(1).map((r) => r[1])).toEqual(HOSTILE.map(() => 'after'));
      if (!guard) expect(rows.slice(1).map((r) => r[0])).toEqual(HOSTILE);
    }
  });

  it('guards a formula after leading whitespace or a line break, and nothing else', async () => {
    const rows = parse(await exportCsv('x', HOSTILE, true)) as string[][];
    const guarded = Object.fromEntries(HOSTILE.map((c, i) => [c, rows[i + 1][0]]));
    for (const c of ['\n=1+1', '\r=1+1', ' =1+1', '\t=1+1', '\r\n@SUM(A1)', '\u00a0+1', '-2+3']) expect(guarded[c], JSON.stringify(c)).toBe(`'${c}`);
    for (const c of ['a\nb', 'a\rb', 'x,y', 'say "hi"', 'plain']) expect(guarded[c], JSON.stringify(c)).toBe(c);
  });

  it("guards column names too (they come from the SQL's aliases)", async () => {
    const rows = parse(await exportCsv('\n=HYPERLINK("http://evil.test")', ['1'], true)) as string[][];
    expect(rows[0][0]).toBe('\'\n=HYPERLINK("http://evil.test")');
  });

  it('writes the audit log CSV the same way', async () => {
    const { auditCsv } = await import('../../lib/auth/audit-read');
    const text = auditCsv([{ id: 1, at: '2026-01-01T00:00:00Z', email: 'a@example.test', action: 'sign-in.failed', target: '\n=1+1', detail: 'x\ry' }]);
    const rows = parse(text) as string[][];
    expect(rows).toHaveLength(2);
    expect(rows[1]).toEqual(['2026-01-01T00:00:00Z', 'a@example.test', 'sign-in.failed', "'\n=1+1", 'x\ry']);
  });
});
