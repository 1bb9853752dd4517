import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { describeQuery, isActive } from '../cloudtrail/query';
import { clientForHandle } from './queries';
import { finishRun } from './runs';

/** Runs settled per history request at most: each is one DescribeQuery. */
const MAX_SETTLED = 20;

interface ActiveRun {
  handle: string;
  status: string;
  bytes_scanned: number | null;
  cost_usd: number | null;
  duration_ms: number | null;
}

/**
 * A run's final status is recorded when someone asks the lake about it (the page that started it
 * polls). A page closed while its query was queued or running never asks again, so history asks
 * here: each run still QUEUED or RUNNING is described once more and, if it has ended, recorded as
 * the lake reports it. `runs` is updated in place; a lake that cannot answer leaves the run as is.
 */
export async function settleActiveRuns<R extends ActiveRun>(db: Kysely<Database>, runs: R[]): Promise<R[]> {
  const active = runs.filter((r) => r.status === 'QUEUED' || r.status === 'RUNNING').slice(0, MAX_SETTLED);
  await Promise.all(
    active.map(async (run) => {
      try {
        const { client, target } = await clientForHandle(run.handle);
        const d = await describeQuery(client, target.queryId);
        await finishRun(db, run.handle, d);
        if (!isActive(d.status)) {
          Object.assign(run, {
            status: d.status,
            bytes_scanned: d.statistics.bytesScanned,
            cost_usd: d.costUsd,
            duration_ms: d.statistics.executionTimeInMillis,
          });
        }
      } catch (e) {
        console.warn(`[history] could not settle run ${run.handle}: ${(e as Error).message}`);
      }
    }),
  );
  return runs;
}
