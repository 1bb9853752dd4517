import { beforeAll, describe, expect, inject, it } from 'vitest';
import { GetQueryResultsCommand, StartQueryCommand, type CloudTrailClient } from '@aws-sdk/client-cloudtrail';
import { describeFailures, runConformance, type Execute } from '../conformance/run';
import { runDifferential } from '../conformance/differential';
import { demoStoreId, lakeClient, waitForQuery } from '../helpers/lake-client';

let client: CloudTrailClient;
let storeId: string;

beforeAll(async () => {
  client = lakeClient(inject('baseUrl'));
  storeId = await demoStoreId(client);
});

/** One statement through StartQuery → DescribeQuery → GetQueryResults, cells in column order. */
const execute: Execute = async (sql) => {
  let queryId: string;
  try {
    queryId = (await client.send(new StartQueryCommand({ QueryStatement: sql }))).QueryId!;
  } catch (e) {
    return { error: (e as Error).message };
  }
  const described = await waitForQuery(client, queryId);
  if (described.QueryStatus !== 'FINISHED') return { error: described.ErrorMessage ?? described.QueryStatus! };
  const rows: string[][] = [];
  let NextToken: string | undefined;
  do {
    const page = await client.send(new GetQueryResultsCommand({ QueryId: queryId, NextToken }));
    for (const row of page.QueryResultRows ?? []) rows.push(row.map((cell) => Object.values(cell)[0]));
    NextToken = page.NextToken;
  } while (NextToken);
  return { rows };
};

describe('the conformance table through the CloudTrail API', () => {
  it('gives every case as Trino documents it', async () => {
    expect(describeFailures(await runConformance(execute))).toEqual([]);
  });

  it('sends a NULL cell as an empty string, the cell kept in its place, to any API client', async () => {
    const r = await execute(`SELECT 'a' AS first, CAST(NULL AS varchar) AS missing, '' AS empty, 'z' AS last`);
    expect(r).toEqual({ rows: [['a', '', '', 'z']] });
  });

  it("gives Trino's answers over NULL-bearing columns of the demo store", async () => {
    const { mismatches, rows, nulls } = await runDifferential(execute, `FROM ${storeId}`);
    expect(mismatches).toEqual([]);
    expect(rows).toBe(5 * 2000);
    expect(nulls).toBeGreaterThan(2000);
  });
});
