import { GetEventDataStoreCommand, ListEventDataStoresCommand, type CloudTrailClient } from '@aws-sdk/client-cloudtrail';
import { BUILTIN, clientFor, connections } from '../cloudtrail/clients';
import { ApiError } from '../http/errors';
import { shapeForCategories, type TableShape } from '../lake/schema';
import { describeStorage, type StoreStorage } from '../cloudtrail/store-storage';

/**
 * Where the workbench's stores and queries live, through the CloudTrail API only, so the same code
 * serves the built-in lake, AWS CloudTrail Lake and any CloudTrail-compatible endpoint: every
 * store of every connection, query handles (`connection~region~id`) and their clients. A query's
 * own life (start, wait, pages) is in lib/cloudtrail/query.ts.
 */
export interface StoreInfo {
  id: string;
  arn: string;
  name: string;
  status: string;
  retentionPeriod?: number;
  eventCategories: string[];
  shape: TableShape;
  /** A Trailbench lake's store: files, bytes, compaction, follow lag and last error (absent on AWS). */
  storage?: StoreStorage;
}
export interface LocatedStore extends StoreInfo {
  connectionId: string;
  connectionName: string;
  region: string;
}

/** Every store of every connection and region; a connection that fails is reported, not fatal. */
export async function listAllStores(): Promise<{ stores: LocatedStore[]; errors: { connectionId: string; region: string; message: string }[] }> {
  const targets = connections().flatMap((c) => c.regions.map((region) => ({ c, region })));
  const results = await Promise.allSettled(
    targets.map(async ({ c, region }) =>
      (await listStores(await clientFor(c.id, region))).map((s) => ({ ...s, connectionId: c.id, connectionName: c.name, region })),
    ),
  );
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
export interface QueryTarget {
  connectionId: string;
  region?: string;
  queryId: string;
}

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
      const [d, storage] = await Promise.all([
        client.send(new GetEventDataStoreCommand({ EventDataStore: s.EventDataStoreArn! })),
        describeStorage(client, s.EventDataStoreArn!),
      ]);
      const eventCategories = (d.AdvancedEventSelectors ?? []).flatMap((sel) =>
        (sel.FieldSelectors ?? []).filter((f) => f.Field === 'eventCategory').flatMap((f) => f.Equals ?? []),
      );
      out.push({
        id: d.EventDataStoreArn!.split('/').pop()!,
        arn: d.EventDataStoreArn!,
        name: d.Name ?? '',
        status: d.Status ?? 'UNKNOWN',
        retentionPeriod: d.RetentionPeriod,
        eventCategories,
        shape: shapeForCategories(eventCategories),
        ...(storage && { storage }),
      });
    }
    NextToken = page.NextToken;
  } while (NextToken);
  return out;
}
