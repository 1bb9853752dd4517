import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NULL_MARK, cellValue } from '../../lib/lake/api/null-cells';
import { toCsv } from '../../lib/util/csv';
import { query, tempLake } from '../helpers/temp-lake';

const EVENT = {
  eventVersion: '1.08',
  eventID: '11111111-1111-4111-8111-111111111111',
  eventTime: '2023-01-22T16:53:53Z',
  eventSource: 's3.amazonaws.com',
  eventName: 'GetObject',
  awsRegion: 'us-east-1',
  userIdentity: { type: 'AWSService' },
  eventType: 'AwsApiCall',
  eventCategory: 'Data',
};

let t: Awaited<ReturnType<typeof tempLake>>;
beforeAll(async () => {
  t = await tempLake([EVENT]);
});
afterAll(() => t.close());

/** The first row of a query's first page as GetQueryResults would send it, with NULL cells as `nullCell`. */
async function wireRow(sql: string, nullCell?: string) {
  const r = await query(t.lake, sql, t.store.id);
  expect(r.status, r.error).toBe('FINISHED');
  const rows = JSON.parse(t.lake.queries.pageJson(r.record.queryId, 0, 10, nullCell).json) as Record<string, string>[][];
  return rows[0].map((cell) => Object.values(cell)[0]);
}

describe('NULL cells', () => {
  // text and timestamps take the engine-formatted path; a double makes the row take formatCell's
  const queries = [
    `SELECT errorCode, '' AS empty, userIdentity.userName, CAST(NULL AS timestamp) AS ts FROM $EDS_ID`,
    `SELECT errorCode, '' AS empty, userIdentity.userName, CAST(NULL AS timestamp) AS ts, 1e0 AS d FROM $EDS_ID`,
  ];

  it.each(queries)('are empty strings on the public wire, as a cell must be a string: %s', async (sql) => {
    expect((await wireRow(sql)).slice(0, 4)).toEqual(['', '', '', '']);
  });

  it.each(queries)('carry the NULL mark when the workbench asks, an empty string staying empty: %s', async (sql) => {
    const row = await wireRow(sql, JSON.stringify(NULL_MARK));
    expect(row.slice(0, 4).map(cellValue)).toEqual([null, '', null, null]);
  });

  it('keep a column whose text looks like the stored NULL form intact', async () => {
    const row = await wireRow(`SELECT '{"errorCode":null}' AS errorCode, errorCode AS e FROM $EDS_ID`, JSON.stringify(NULL_MARK));
    expect(row.map(cellValue)).toEqual(['{"errorCode":null}', null]);
  });

  it('export to CSV as an empty field, an empty string as a quoted one', () => {
    expect(
      toCsv(
        [
          ['a', 'b', 'c'],
          ['x', '', null],
        ],
        { formulaGuard: true },
      ),
    ).toBe('a,b,c\r\nx,"",\r\n');
  });
});
