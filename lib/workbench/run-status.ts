import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { CurrentUser } from '../auth/session';
import { describeQuery, type QueryDescription } from '../cloudtrail/query';
import { clientForHandle } from './queries';
import { finishRun, requireRun } from './runs';
import { budgetStopReason } from './budget';

/**
 * A run's status as the workbench shows it: the lake's DescribeQuery under the run's handle, with
 * Trailbench's own reason when it cancelled the run over its budget; an ended run's statistics
 * are kept in history as they arrive.
 */
export async function describeRun(db: Kysely<Database>, user: CurrentUser, handle: string): Promise<QueryDescription> {
  await requireRun(db, user, handle);
  const { client, target } = await clientForHandle(handle);
  const described = await describeQuery(client, target.queryId);
  const stopped = described.status === 'CANCELLED' ? budgetStopReason(handle) : undefined;
  const d = { ...described, queryId: handle, ...(stopped ? { errorMessage: stopped } : {}) };
  await finishRun(db, handle, d);
  return d;
}
