import {
  CancelQueryCommand, DescribeQueryCommand, GetEventDataStoreCommand, GetQueryResultsCommand,
  ListEventDataStoresCommand, StartQueryCommand, type CloudTrailClient,
} from '@aws-sdk/client-cloudtrail';
import { fillStorePlaceholders } from '../sql/code-spans';

/**
 * What the workbench does with a lake, through the CloudTrail API only, so the same code serves
 * the built-in lake and AWS CloudTrail Lake.
 */
export interface StoreInfo { id: string; arn: string; name: string; status: string; retentionPeriod?: number }

export async function listStores(client: CloudTrailClient): Promise<StoreInfo[]> {
  const out: StoreInfo[] = [];
  let NextToken: string | undefined;
  do {
    const page = await client.send(new ListEventDataStoresCommand({ NextToken }));
    for (const s of page.EventDataStores ?? []) {
      const d = await client.send(new GetEventDataStoreCommand({ EventDataStore: s.EventDataStoreArn! }));
      out.push({ id: d.EventDataStoreArn!.split('/').pop()!, arn: d.EventDataStoreArn!, name: d.Name ?? '', status: d.Status ?? 'UNKNOWN', retentionPeriod: d.RetentionPeriod });
    }
    NextToken = page.NextToken;
  } while (NextToken);
  return out;
}

export async function startQuery(client: CloudTrailClient, sql: string, storeIds: string[]): Promise<string> {
  const out = await client.send(new StartQueryCommand({ QueryStatement: fillStorePlaceholders(sql, storeIds) }));
  return out.QueryId!;
}

export async function describeQuery(client: CloudTrailClient, queryId: string) {
  const d = await client.send(new DescribeQueryCommand({ QueryId: queryId }));
  const s = d.QueryStatistics ?? {};
  return {
    queryId,
    status: d.QueryStatus!,
    errorMessage: d.ErrorMessage,
    queryString: d.QueryString,
    statistics: {
      eventsMatched: s.EventsMatched ?? 0,
      eventsScanned: s.EventsScanned ?? 0,
      bytesScanned: s.BytesScanned ?? 0,
      executionTimeInMillis: s.ExecutionTimeInMillis ?? 0,
    },
  };
}

export async function queryResults(client: CloudTrailClient, queryId: string, maxResults: number, nextToken?: string) {
  const r = await client.send(new GetQueryResultsCommand({ QueryId: queryId, MaxQueryResults: maxResults, NextToken: nextToken }));
  const rows = r.QueryResultRows ?? [];
  const columns = rows.length ? rows[0].map((cell) => Object.keys(cell)[0]) : [];
  return {
    status: r.QueryStatus,
    columns,
    rows: rows.map((row) => row.map((cell) => Object.values(cell)[0] ?? '')),
    nextToken: r.NextToken,
    totalResultsCount: r.QueryStatistics?.TotalResultsCount ?? rows.length,
  };
}

export async function cancelQuery(client: CloudTrailClient, queryId: string) {
  const r = await client.send(new CancelQueryCommand({ QueryId: queryId }));
  return { queryId: r.QueryId!, status: r.QueryStatus! };
}
