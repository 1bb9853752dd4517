import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { CurrentUser } from '../auth/session';
import { clientFor } from '../cloudtrail/clients';
import { locateStore, startQuery, toHandle } from './queries';
import { recordRun } from './runs';

/** Starts a query on the lake the store lives in and records the run for its user. */
export async function runSql(db: Kysely<Database>, user: CurrentUser, input: { sql: string; storeId?: string; connectionId?: string; region?: string; savedQueryId?: string }) {
  const where = await locateStore(input.storeId, input.connectionId ?? undefined, input.region);
  const client = await clientFor(where.connectionId, where.region);
  const queryId = await startQuery(client, input.sql, input.storeId ? [input.storeId] : []);
  const handle = toHandle({ ...where, region: where.region ?? (await client.config.region()), queryId });
  await recordRun(db, user, { handle, sql: input.sql, storeId: input.storeId, connectionId: where.connectionId, savedQueryId: input.savedQueryId });
  return { queryId: handle };
}
