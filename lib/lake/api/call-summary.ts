import type { Lake } from '../lake';

/**
 * What the audit log keeps of a call besides who and how it ended: the store it touched and the
 * bytes its query scanned, read from its input and output (operations report neither uniformly).
 */
export function storeOfCall(lake: Lake, input: Record<string, unknown>, output?: unknown): string | undefined {
  const named = firstString(input.EventDataStore, input.Destination, Array.isArray(input.Destinations) ? input.Destinations[0] : undefined);
  if (named) return lake.stores.get(named)?.id ?? named;
  const queryId = firstString(input.QueryId, (output as { QueryId?: unknown } | undefined)?.QueryId);
  if (queryId) {
    try {
      return lake.queries.get(queryId).storeIds[0];
    } catch {
      return undefined; // no such query: the call's error says so
    }
  }
  const arn = firstString((output as { EventDataStoreArn?: unknown } | undefined)?.EventDataStoreArn);
  return arn?.split('/').pop();
}

/** Bytes scanned, where the output reports a query's statistics (DescribeQuery, GetQueryResults). */
export function bytesOfCall(output: unknown): number | undefined {
  const n = (output as { QueryStatistics?: { BytesScanned?: unknown } } | undefined)?.QueryStatistics?.BytesScanned;
  return typeof n === 'number' ? n : undefined;
}

function firstString(...values: unknown[]): string | undefined {
  return values.find((v): v is string => typeof v === 'string' && v.length > 0);
}
