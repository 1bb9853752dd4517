import type { CloudTrailClient } from '@aws-sdk/client-cloudtrail';
import { ApiError } from '../http/errors';
import { formatBytes, formatUsd as usd } from '../util/format';
import { cancelQuery, waitForEnd } from '../cloudtrail/query';
import type { CostEstimate } from './cost';

const WATCH_INTERVAL_MS = 1000;

/** Why Trailbench cancelled a run, by query handle (kept for as long as the server runs). */
const budgetStops = new Map<string, string>();

export const budgetStopReason = (handle: string) => budgetStops.get(handle);

/** An exact estimate over the budget stops the query before it starts. */
export function refuseOverBudget(estimate: CostEstimate, budgetUsd: number): void {
  if (estimate.basis !== 'manifests' || estimate.costUsd === undefined || estimate.costUsd <= budgetUsd) return;
  throw new ApiError(
    'BudgetExceeded',
    `This query would scan ${formatBytes(estimate.bytesScanned)} (${usd(estimate.costUsd)}), more than its budget of ${usd(budgetUsd)}. Narrow its eventTime window or columns, or raise the budget.`,
    400,
  );
}

/**
 * Watches a running query's BytesScanned (AWS reports it as the scan proceeds) and cancels the
 * query once its cost crosses the budget. Runs in the server process until the query ends.
 */
export async function watchBudget(client: CloudTrailClient, handle: string, queryId: string, budgetUsd: number): Promise<void> {
  await waitForEnd(client, queryId, {
    delayMs: WATCH_INTERVAL_MS,
    maxDelayMs: WATCH_INTERVAL_MS,
    onPoll: async (d) => {
      if (d.costUsd <= budgetUsd) return;
      budgetStops.set(
        handle,
        `Cancelled by Trailbench: the query had scanned ${formatBytes(d.statistics.bytesScanned)} (${usd(d.costUsd)}), more than its budget of ${usd(budgetUsd)}.`,
      );
      await cancelQuery(client, queryId).catch(() => undefined);
      return false;
    },
  }).catch(() => undefined); // the query is gone; nothing left to guard
}
