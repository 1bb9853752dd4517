import { CancelQueryCommand, DescribeQueryCommand, type CloudTrailClient } from '@aws-sdk/client-cloudtrail';
import { ApiError } from '../http/errors';
import { formatBytes } from '../format-bytes';
import { costOf, type CostEstimate } from './cost';

const ACTIVE = new Set(['QUEUED', 'RUNNING']);
const WATCH_INTERVAL_MS = 1000;

/** Why Trailbench cancelled a run, by query handle (kept for as long as the server runs). */
const budgetStops = new Map<string, string>();

export const budgetStopReason = (handle: string) => budgetStops.get(handle);

const usd = (x: number) => `$${x < 0.01 ? x.toFixed(4) : x.toFixed(2)}`;

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
  for (;;) {
    let d;
    try {
      d = await client.send(new DescribeQueryCommand({ QueryId: queryId }));
    } catch {
      return; // the query is gone; nothing left to guard
    }
    if (!ACTIVE.has(d.QueryStatus ?? '')) return;
    const bytes = d.QueryStatistics?.BytesScanned ?? 0;
    const cost = costOf(bytes);
    if (cost > budgetUsd) {
      budgetStops.set(handle, `Cancelled by Trailbench: the query had scanned ${formatBytes(bytes)} (${usd(cost)}), more than its budget of ${usd(budgetUsd)}.`);
      await client.send(new CancelQueryCommand({ QueryId: queryId })).catch(() => undefined);
      return;
    }
    await new Promise((r) => setTimeout(r, WATCH_INTERVAL_MS));
  }
}
