import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { CurrentUser } from '../auth/session';
import { env } from '../env';
import { collectRows, waitForEnd } from '../cloudtrail/query';
import { clientForHandle } from '../workbench/queries';
import { runSql } from '../workbench/run-sql';
import { finishRun } from '../workbench/runs';
import type { Row } from './condition';

/**
 * Runs SQL for an alert as the rule's owner, through the same CloudTrail API path as the
 * workbench (so the built-in lake and AWS connections behave alike, and the run is in the
 * owner's history), waits for the end and reads up to MAX_ROWS rows.
 */
export const MAX_ROWS = 10_000;

export interface AlertQueryResult {
  handle: string;
  status: string;
  error?: string;
  columns: string[];
  rows: Row[];
  total: number;
}

export async function runToEnd(
  db: Kysely<Database>,
  owner: CurrentUser,
  input: { sql: string; storeId: string; connectionId?: string; savedQueryId: string },
): Promise<AlertQueryResult> {
  const { queryId: handle } = await runSql(db, owner, input);
  const { client, target } = await clientForHandle(handle);
  const d = await waitForEnd(client, target.queryId, { deadline: Date.now() + (env().TRAILBENCH_QUERY_TIMEOUT_SECONDS + 60) * 1000 });
  await finishRun(db, handle, d);
  if (d.status !== 'FINISHED') return { handle, status: d.status, error: d.errorMessage ?? `the query ended ${d.status}`, columns: [], rows: [], total: 0 };
  const { columns, rows, total } = await collectRows(client, target.queryId, { maxRows: MAX_ROWS, nullAs: '' });
  await finishRun(db, handle, d, total);
  return { handle, status: d.status, columns, rows, total };
}
