import { CloudTrailClient, DescribeQueryCommand, GetQueryResultsCommand, ListEventDataStoresCommand, StartQueryCommand } from '@aws-sdk/client-cloudtrail';

export const LAKE_KEYS = { accessKeyId: 'TBTESTACCESSKEY0001', secretAccessKey: 'test-secret-access-key-0001' };

export function lakeClient(baseUrl: string, credentials = LAKE_KEYS) {
  return new CloudTrailClient({ region: 'us-east-1', endpoint: `${baseUrl}/lake`, credentials, maxAttempts: 1 });
}

export async function demoStoreId(client: CloudTrailClient): Promise<string> {
  const out = await client.send(new ListEventDataStoresCommand({}));
  const demo = out.EventDataStores!.find((s) => s.Name === 'demo')!;
  return demo.EventDataStoreArn!.split('/').pop()!;
}

export async function waitForQuery(client: CloudTrailClient, queryId: string) {
  for (;;) {
    const d = await client.send(new DescribeQueryCommand({ QueryId: queryId }));
    if (d.QueryStatus !== 'QUEUED' && d.QueryStatus !== 'RUNNING') return d;
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Runs a query to completion and pages every row; cells as `{column: value}` maps. */
export async function runQuery(client: CloudTrailClient, sql: string, pageSize = 1000) {
  const { QueryId } = await client.send(new StartQueryCommand({ QueryStatement: sql }));
  const described = await waitForQuery(client, QueryId!);
  const rows: Record<string, string>[][] = [];
  let NextToken: string | undefined;
  let pages = 0;
  do {
    const page = await client.send(new GetQueryResultsCommand({ QueryId, NextToken, MaxQueryResults: pageSize }));
    rows.push(...(page.QueryResultRows ?? []));
    NextToken = page.NextToken;
    pages++;
  } while (NextToken);
  return { queryId: QueryId!, described, rows, pages };
}

/** Rows as plain objects (`{eventName: 'X', n: '3'}`). */
export const asObjects = (rows: Record<string, string>[][]) => rows.map((r) => Object.assign({}, ...r) as Record<string, string>);
