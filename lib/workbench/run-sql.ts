import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { CurrentUser } from '../auth/session';
import { clientFor } from '../cloudtrail/clients';
import { startQuery } from '../cloudtrail/query';
import { locateStore, toHandle } from './queries';
import { recordRun } from './runs';
import { estimateQuery } from './cost';
import { refuseOverBudget, watchBudget } from './budget';
import { fillRunSql, type RunParameters } from './run-parameters';

/**
 * Starts a query on the lake the store lives in and records the run for its user. With a budget,
 * a query whose exact estimate is over it never starts, and a running one is cancelled when its
 * scanned bytes cross it. With parameters, the filled statement is what reaches the lake and history.
 */
export async function runSql(
  db: Kysely<Database>,
  user: CurrentUser,
  input: { sql: string; storeId?: string; connectionId?: string; region?: string; savedQueryId?: string; budgetUsd?: number; parameters?: RunParameters },
) {
  const { sql, values } = fillRunSql(input.sql, input.parameters);
  const where = await locateStore(input.storeId, input.connectionId ?? undefined, input.region);
  const client = await clientFor(where.connectionId, where.region);
  const storeIds = input.storeId ? [input.storeId] : [];
  if (input.budgetUsd !== undefined) refuseOverBudget(await estimateQuery(client, sql, storeIds), input.budgetUsd);
  const queryId = await startQuery(client, sql, storeIds);
  const handle = toHandle({ ...where, region: where.region ?? (await client.config.region()), queryId });
  if (input.budgetUsd !== undefined) void watchBudget(client, handle, queryId, input.budgetUsd);
  await recordRun(db, user, { handle, sql, storeId: input.storeId, connectionId: where.connectionId, savedQueryId: input.savedQueryId, parameters: values });
  return { queryId: handle };
}
