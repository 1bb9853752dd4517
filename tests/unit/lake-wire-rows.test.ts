import { tempLake } from '../helpers/temp-lake';
import { DuckDBInstance, type DuckDBConnection } from '../../lib/lake/engine/duckdb-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chunkRowCells } from '../../lib/lake/query/chunk-rows';
import { wireRowsSql } from '../../lib/lake/query/wire-rows';

/** Rows formatted by DuckDB (wireRowsSql) must be exactly the rows formatCell makes. */
let con: DuckDBConnection;
beforeAll(async () => {
  const db = await DuckDBInstance.create(':memory:');
  con = await db.connect();
  await con.run(`SET TimeZone = 'UTC'`);
});
afterAll(() => con.closeSync());

const TRICKY = ['plain', 'quote " and \\ backslash', 'line\nbreak\ttab\u0001\u007f', 'émoji 😀 and 中文', '</script> / slash', '\u2028 separator', ''];

async function bothWays(sql: string) {
  const plain = await con.prepare(sql);
  const names = Array.from({ length: plain.columnCount }, (_, i) => plain.columnName(i));
  const types = Array.from({ length: plain.columnCount }, (_, i) => plain.columnType(i));
  const expected: unknown[] = [];
  const result = await plain.stream();
  for (let chunk = await result.fetchChunk(); chunk && chunk.rowCount; chunk = await result.fetchChunk()) {
    for (const cells of chunkRowCells(chunk, types)) expected.push(cells.map((c, i) => ({ [names[i]]: c })));
  }
  const wired = wireRowsSql(sql, names, types);
  const rows = wired ? (await con.runAndReadAll(wired)).getRows().map((r) => JSON.parse(String(r[0]))) : undefined;
  return { expected, rows };
}

describe('rows in wire form straight from DuckDB', () => {
  it('formats text, JSON, timestamps, booleans, integers and NULL as formatCell does', async () => {
    const values = TRICKY.map((s, i) => `(${i}, '${s.replaceAll("'", "''")}')`).join(', ');
    const { expected, rows } = await bothWays(`SELECT s AS "eventName", TIMESTAMP '2024-03-09 23:30:00.123456' + INTERVAL (i) DAY AS "eventTime",
      TIMESTAMPTZ '2024-03-09 23:30:00+02:00' AS tz, i % 2 = 0 AS "readOnly", i AS n, CAST(i AS BIGINT) * 1000000000000 AS big,
      CAST(i AS HUGEINT) AS huge, CASE WHEN i = 3 THEN NULL ELSE s END AS "maybe null", 'x' AS "quoted ""name"" here", to_json(s) AS js, '{"a": [1]}'::JSON AS obj
      FROM (VALUES ${values}) AS t(i, s) ORDER BY i`);
    expect(rows).toHaveLength(TRICKY.length);
    expect(rows).toEqual(expected);
  });

  it('leaves results with nested values, doubles or decimals to formatCell', async () => {
    for (const sql of [
      `SELECT map(['a'], ['b']) AS m`,
      `SELECT 1.5::DOUBLE AS d`,
      `SELECT 1.50::DECIMAL(4,2) AS d`,
      `SELECT [1, 2] AS l`,
      `SELECT {'a': 1} AS s`,
    ]) {
      expect((await bothWays(sql)).rows, sql).toBeUndefined();
    }
  });
});

describe('which queries run that way', () => {
  it('takes listings as possibly large, and grouped, aggregate or LIMIT ≤ 1000 queries as small', async () => {
    const t = await tempLake();
    try {
      const many = async (sql: string) => (await t.lake.prepare(sql.replaceAll('$EDS_ID', t.store.id))).translation.manyRows;
      expect(await many(`SELECT eventTime, eventName FROM $EDS_ID ORDER BY eventTime DESC LIMIT 5000`)).toBe(true);
      expect(await many(`SELECT * FROM $EDS_ID WHERE eventTime > '2024-01-01'`)).toBe(true);
      expect(await many(`SELECT eventName, (SELECT count(*) FROM $EDS_ID) AS total FROM $EDS_ID`)).toBe(true);
      expect(await many(`SELECT eventName, count(*) FROM $EDS_ID GROUP BY 1`)).toBe(false);
      expect(await many(`SELECT count(*) FROM $EDS_ID`)).toBe(false);
      expect(await many(`SELECT approx_distinct(sourceIPAddress) AS ips FROM $EDS_ID`)).toBe(false);
      expect(await many(`SELECT eventName FROM $EDS_ID LIMIT 10`)).toBe(false);
    } finally {
      await t.close();
    }
  });
});
