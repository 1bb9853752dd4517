import type { CloudTrailClient } from '@aws-sdk/client-cloudtrail';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { env } from '../env';
import { fillStorePlaceholders } from '../util/sql-text/code-spans';
import { callExtension } from '../cloudtrail/extension-call';
import { estimateFromHistory } from './cost-history';
import { formatBytes } from '../util/format';
import { costOf } from '../cloudtrail/query';

export interface CostEstimate {
  /** manifests: exact, from a Trailbench lake; history: from earlier runs of the store; unavailable: neither. */
  basis: 'manifests' | 'history' | 'unavailable';
  bytesScanned?: number;
  eventsScanned?: number;
  costUsd?: number;
  pricePerGb: number;
  /** How a history estimate was made, in words. */
  basisDetail?: string;
  /** Above this cost, Run asks before a query with cost warnings (TRAILBENCH_CONFIRM_ABOVE_USD). */
  confirmAboveUsd: number;
}

/**
 * Bytes and dollars a query would scan, before it runs: exact on Trailbench lakes (from their
 * manifests); elsewhere from what earlier queries of the store scanned per day of window.
 */
export async function estimateQuery(
  client: CloudTrailClient,
  sql: string,
  storeIds: string[],
  db?: Kysely<Database>,
  connectionId?: string,
): Promise<CostEstimate> {
  const { TRAILBENCH_PRICE_PER_GB: pricePerGb, TRAILBENCH_CONFIRM_ABOVE_USD: confirmAboveUsd } = env();
  const filled = fillStorePlaceholders(sql, storeIds);
  const out = await callExtension<{ BytesScanned: number; EventsScanned: number }>(client, 'TrailbenchEstimateQuery', { QueryStatement: filled });
  if (out)
    return {
      basis: 'manifests',
      bytesScanned: out.BytesScanned,
      eventsScanned: out.EventsScanned,
      costUsd: costOf(out.BytesScanned, pricePerGb),
      pricePerGb,
      confirmAboveUsd,
    };
  const storeId = storeIds[0];
  if (!db || !connectionId || !storeId) return { basis: 'unavailable', pricePerGb, confirmAboveUsd };
  const past = await db
    .selectFrom('query_runs')
    .select(['sql', 'bytes_scanned', 'created_at'])
    .where('connection_id', '=', connectionId)
    .where('store_id', '=', storeId)
    .where('status', '=', 'FINISHED')
    .where('bytes_scanned', '>', 0)
    .orderBy('created_at', 'desc')
    .limit(50)
    .execute();
  const h = estimateFromHistory(
    filled,
    past.map((r) => ({ sql: r.sql, bytesScanned: r.bytes_scanned ?? 0, createdAt: r.created_at })),
  );
  if (!h)
    return {
      basis: 'unavailable',
      pricePerGb,
      confirmAboveUsd,
      basisDetail: 'No earlier query of this store with a bounded eventTime window to learn from, or this query has no lower eventTime bound.',
    };
  return {
    basis: 'history',
    bytesScanned: h.bytesScanned,
    costUsd: costOf(h.bytesScanned, pricePerGb),
    pricePerGb,
    confirmAboveUsd,
    basisDetail: `${h.days.toFixed(1)} days of window × ${formatBytes(h.bytesPerDay)}/day, the median of ${h.runsUsed} earlier ${h.runsUsed === 1 ? 'query' : 'queries'} of this store`,
  };
}
