import type { CloudTrailClient } from '@aws-sdk/client-cloudtrail';
import { env } from '../env';
import { resultPages, startQuery, waitForEnd } from '../cloudtrail/query';

/**
 * Frequent values of common fields and the map keys seen in a store, for the editor's sidebar
 * and autocomplete: one small query over the last week (at most 5,000 events), cached.
 */
export interface FieldSamples {
  sampledEvents: number;
  values: Record<string, { value: string; count: number }[]>;
  mapKeys: Record<string, { key: string; count: number }[]>;
}

const FIELDS: [string, string][] = [
  ['eventsource', 'eventSource'],
  ['eventname', 'eventName'],
  ['awsregion', 'awsRegion'],
  ['eventtype', 'eventType'],
  ['errorcode', 'errorCode'],
  ['recipientaccountid', 'recipientAccountId'],
  ['useridentity.type', 'userIdentity.type'],
  ['sourceipaddress', 'sourceIPAddress'],
];
const MAPS = ['requestParameters', 'responseElements', 'additionalEventData'];
const TOP = 10;
const TTL_MS = 10 * 60_000;
const cache = new Map<string, { at: number; value: Promise<FieldSamples> }>();

export function fieldSamples(client: CloudTrailClient, cacheKey: string, storeId: string): Promise<FieldSamples> {
  const hit = cache.get(cacheKey);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.value;
  const value = sample(client, storeId);
  cache.set(cacheKey, { at: Date.now(), value });
  value.catch(() => cache.delete(cacheKey));
  return value;
}

function samplingSql(storeId: string): string {
  const cols = [...FIELDS.map(([alias, expr]) => `${expr} AS "${alias}"`), ...MAPS].join(', ');
  const parts = [
    `SELECT 'count' AS f, '' AS v, count(*) AS n FROM s`,
    ...FIELDS.map(([alias]) => `SELECT '${alias}', CAST("${alias}" AS varchar), count(*) FROM s WHERE "${alias}" IS NOT NULL GROUP BY 2`),
    ...MAPS.map((m) => `SELECT 'map:${m.toLowerCase()}', k, count(*) FROM s CROSS JOIN UNNEST(map_keys(${m})) AS t(k) GROUP BY 2`),
  ];
  return `WITH s AS (SELECT ${cols} FROM ${storeId} WHERE eventTime > date_add('day', -7, now()) LIMIT 5000) ${parts.join(' UNION ALL ')}`;
}

async function sample(client: CloudTrailClient, storeId: string): Promise<FieldSamples> {
  const queryId = await startQuery(client, samplingSql(storeId));
  // the built-in lake answers DescribeQuery at the query's end, so a short fixed pause suffices
  const deadline = Date.now() + (env().TRAILBENCH_QUERY_TIMEOUT_SECONDS + 60) * 1000;
  const d = await waitForEnd(client, queryId, { deadline, delayMs: 50, maxDelayMs: 50 });
  if (d.status !== 'FINISHED') throw new Error(d.errorMessage ?? `sampling query ${d.status}`);
  const out: FieldSamples = { sampledEvents: 0, values: {}, mapKeys: {} };
  for await (const page of resultPages(client, queryId)) {
    for (const row of page.rows) {
      const [f, v, n] = row.map((c) => c ?? '');
      if (f === 'count') out.sampledEvents = Number(n);
      else if (f.startsWith('map:')) (out.mapKeys[f.slice(4)] ??= []).push({ key: v, count: Number(n) });
      else (out.values[f] ??= []).push({ value: v, count: Number(n) });
    }
  }
  for (const list of [...Object.values(out.values), ...Object.values(out.mapKeys)]) {
    list.sort((a, b) => b.count - a.count);
    list.splice(TOP * 5);
  }
  for (const list of Object.values(out.values)) list.splice(TOP);
  return out;
}
