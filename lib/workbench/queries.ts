import {
  CancelQueryCommand, DescribeQueryCommand, GetEventDataStoreCommand, GetQueryResultsCommand,
  ListEventDataStoresCommand, StartQueryCommand, type CloudTrailClient,
} from '@aws-sdk/client-cloudtrail';
import { fillStorePlaceholders } from '../sql/code-spans';
import { BUILTIN, clientFor, connections } from '../cloudtrail/clients';
import { ApiError } from '../http/errors';
import { costOf } from './cost';
import { cellValue } from '../lake/api/null-cells';
import { shapeForCategories, type TableShape } from '../lake/schema';
import { describeStorage, type StoreStorage } from '../cloudtrail/store-storage';

/**
 * What the workbench does with lakes, through the CloudTrail API only, so the same code serves
 * the built-in lake, AWS CloudTrail Lake and any CloudTrail-compatible endpoint.
 */
export interface StoreInfo {
  id: string; arn: string; name: string; status: string; retentionPeriod?: number; eventCategories: string[]; shape: TableShape;
  /** A Trailbench lake's store: files, bytes, compaction, follow lag and last error (absent on AWS). */
  storage?: StoreStorage;
}
export interface LocatedStore extends StoreInfo { connectionId: string; connectionName: string; region: string }

/** Every store of every connection and region; a connection that fails is reported, not fatal. */
export async function listAllStores(): Promise<{ stores: LocatedStore[]; errors: { connectionId: string; region: string; message: string }[] }> {
  const targets = connections().flatMap((c) => c.regions.map((region) => ({ c, region })));
  const results = await Promise.allSettled(targets.map(async ({ c, region }) => (await listStores(await clientFor(c.id, region))).map((s) => ({ ...s, connectionId: c.id, connectionName: c.name, region }))));
  const stores: LocatedStore[] = [];
  const errors: { connectionId: string; region: string; message: string }[] = [];
  results.forEach((r, i) => {
    if (r.status === 'fulfilled') stores.push(...r.value);
    else errors.push({ connectionId: targets[i].c.id, region: targets[i].region, message: (r.reason as Error).message });
  });
  // the same store can be reachable twice (the built-in lake also behind an endpoint): prefer the first listed
  for (const s of [...stores].reverse()) storeLocations.set(s.id, { connectionId: s.connectionId, region: s.region });
  return { stores, errors };
}

/** Where each store ID was last seen, so a query naming only a store goes to the right lake. */
const storeLocations = new Map<string, { connectionId: string; region: string }>();

/** A query handle names its lake: a plain query ID for the built-in lake, `connection~region~id` otherwise. */
export interface QueryTarget { connectionId: string; region?: string; queryId: string }

export function parseHandle(handle: string): QueryTarget {
  const parts = handle.split('~');
  if (parts.length === 1) return { connectionId: BUILTIN, queryId: handle };
  if (parts.length === 3 && parts.every(Boolean)) return { connectionId: parts[0], region: parts[1], queryId: parts[2] };
  throw new ApiError('ValidationError', `'${handle}' is not a query handle.`);
}

export function toHandle(t: QueryTarget): string {
  return t.connectionId === BUILTIN ? t.queryId : `${t.connectionId}~${t.region}~${t.queryId}`;
}

export async function locateStore(storeId: string | undefined, connectionId?: string, region?: string): Promise<{ connectionId: string; region?: string }> {
  if (connectionId) return { connectionId, region };
  if (!storeId) return { connectionId: BUILTIN };
  if (!storeLocations.has(storeId)) await listAllStores();
  return storeLocations.get(storeId) ?? { connectionId: BUILTIN };
}

export async function clientForHandle(handle: string) {
  const t = parseHandle(handle);
  return { client: await clientFor(t.connectionId, t.region), target: t };
}

export async function listStores(client: CloudTrailClient): Promise<StoreInfo[]> {
  const out: StoreInfo[] = [];
  let NextToken: string | undefined;
  do {
    const page = await client.send(new ListEventDataStoresCommand({ NextToken }));
    for (const s of page.EventDataStores ?? []) {
      const [d, storage] = await Promise.all([client.send(new GetEventDataStoreCommand({ EventDataStore: s.EventDataStoreArn! })), describeStorage(client, s.EventDataStoreArn!)]);
      const eventCategories = (d.AdvancedEventSelectors ?? []).flatMap((sel) => (sel.FieldSelectors ?? []).filter((f) => f.Field === 'eventCategory').flatMap((f) => f.Equals ?? []));
      out.push({
        id: d.EventDataStoreArn!.split('/').pop()!, arn: d.EventDataStoreArn!, name: d.Name ?? '', status: d.Status ?? 'UNKNOWN', retentionPeriod: d.RetentionPeriod,
        eventCategories, shape: shapeForCategories(eventCategories), ...(storage && { storage }),
      });
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
    costUsd: costOf(s.BytesScanned ?? 0),
  };
}

export async function queryResults(client: CloudTrailClient, queryId: string, maxResults: number, nextToken?: string) {
  const r = await client.send(new GetQueryResultsCommand({ QueryId: queryId, MaxQueryResults: maxResults, NextToken: nextToken }));
  const rows = r.QueryResultRows ?? [];
  const columns = rows.length ? rows[0].map((cell) => Object.keys(cell)[0]) : [];
  return {
    status: r.QueryStatus,
    columns,
    // null for a NULL cell where the lake marks them (the built-in lake in process); else as on the wire
    rows: rows.map((row) => row.map((cell) => cellValue(Object.values(cell)[0]))),
    nextToken: r.NextToken,
    totalResultsCount: r.QueryStatistics?.TotalResultsCount ?? rows.length,
  };
}

export async function cancelQuery(client: CloudTrailClient, queryId: string) {
  const r = await client.send(new CancelQueryCommand({ QueryId: queryId }));
  return { queryId: r.QueryId!, status: r.QueryStatus! };
}
