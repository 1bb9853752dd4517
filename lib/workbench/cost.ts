import type { CloudTrailClient } from '@aws-sdk/client-cloudtrail';
import { env } from '../env';
import { fillStorePlaceholders } from '../sql/code-spans';
import { callExtension } from '../cloudtrail/extension-call';

const GB = 1024 ** 3;

export interface CostEstimate {
  basis: 'manifests' | 'unavailable';
  bytesScanned?: number;
  eventsScanned?: number;
  costUsd?: number;
  pricePerGb: number;
}

export const costOf = (bytes: number, pricePerGb = env().TRAILBENCH_PRICE_PER_GB) => (bytes / GB) * pricePerGb;

/** Bytes and dollars a query would scan, before it runs: exact on Trailbench lakes (from their manifests). */
export async function estimateQuery(client: CloudTrailClient, sql: string, storeIds: string[]): Promise<CostEstimate> {
  const pricePerGb = env().TRAILBENCH_PRICE_PER_GB;
  const out = await callExtension<{ BytesScanned: number; EventsScanned: number }>(client, 'TrailbenchEstimateQuery', { QueryStatement: fillStorePlaceholders(sql, storeIds) });
  if (!out) return { basis: 'unavailable', pricePerGb };
  return { basis: 'manifests', bytesScanned: out.BytesScanned, eventsScanned: out.EventsScanned, costUsd: costOf(out.BytesScanned, pricePerGb), pricePerGb };
}
