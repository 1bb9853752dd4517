import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { CurrentUser } from '../auth/session';
import { ApiError } from '../http/errors';
import { audit } from '../auth/audit-write';
import type { ParameterValues } from './run-parameters';

/**
 * Every query run through the workbench, by whom: the history users see and the key to who may
 * read a query's status, results and exports (its runner, or an admin).
 */
export async function recordRun(
  db: Kysely<Database>,
  user: CurrentUser,
  run: { handle: string; sql: string; storeId?: string; connectionId: string; savedQueryId?: string; parameters?: ParameterValues },
) {
  await db
    .insertInto('query_runs')
    .values({
      handle: run.handle,
      user_id: user.id,
      saved_query_id: run.savedQueryId ?? null,
      sql: run.sql,
      store_id: run.storeId ?? null,
      connection_id: run.connectionId,
      status: 'QUEUED',
      bytes_scanned: null,
      cost_usd: null,
      duration_ms: null,
      rows: null,
      created_at: new Date().toISOString(),
      parameters: run.parameters ? JSON.stringify(run.parameters) : null,
    })
    .execute();
  await audit(db, {
    userId: user.id,
    action: 'query.run',
    target: run.handle,
    detail: { sql: run.sql, storeId: run.storeId, connectionId: run.connectionId, savedQueryId: run.savedQueryId, parameters: run.parameters },
  });
}

/** The run behind a handle, if this user may see it; otherwise 404 (a private run's existence is not revealed). */
export async function requireRun(db: Kysely<Database>, user: CurrentUser, handle: string) {
  const run = await db.selectFrom('query_runs').selectAll().where('handle', '=', handle).executeTakeFirst();
  if (!run || (run.user_id !== user.id && user.role !== 'admin')) throw new ApiError('QueryNotFound', `No query ${handle} of yours.`, 404);
  return run;
}

/** Keeps the run's final status and statistics for history. */
export async function finishRun(
  db: Kysely<Database>,
  handle: string,
  d: { status: string; statistics: { bytesScanned: number; executionTimeInMillis: number }; costUsd: number },
  rows?: number,
) {
  if (d.status === 'QUEUED' || d.status === 'RUNNING') return;
  await db
    .updateTable('query_runs')
    .set({
      status: d.status,
      bytes_scanned: d.statistics.bytesScanned,
      cost_usd: d.costUsd,
      duration_ms: d.statistics.executionTimeInMillis,
      ...(rows !== undefined ? { rows } : {}),
    })
    .where('handle', '=', handle)
    .execute();
}

export async function history(db: Kysely<Database>, user: CurrentUser, opts: { all?: boolean; limit?: number }) {
  let q = db
    .selectFrom('query_runs')
    .innerJoin('users', 'users.id', 'query_runs.user_id')
    .select([
      'query_runs.handle',
      'query_runs.sql',
      'query_runs.store_id',
      'query_runs.connection_id',
      'query_runs.status',
      'query_runs.bytes_scanned',
      'query_runs.cost_usd',
      'query_runs.duration_ms',
      'query_runs.rows',
      'query_runs.created_at',
      'query_runs.saved_query_id',
      'query_runs.parameters',
      'users.email',
    ]);
  if (!(opts.all && user.role === 'admin')) q = q.where('query_runs.user_id', '=', user.id);
  const rows = await q
    .orderBy('query_runs.created_at', 'desc')
    .limit(Math.min(opts.limit ?? 200, 1000))
    .execute();
  return rows.map((r) => ({ ...r, parameters: r.parameters ? (JSON.parse(r.parameters) as ParameterValues) : undefined }));
}

/** The row count, once known from the results (DescribeQuery does not report it). */
export async function setRunRows(db: Kysely<Database>, handle: string, rows: number) {
  await db.updateTable('query_runs').set({ rows }).where('handle', '=', handle).where('status', '=', 'FINISHED').execute();
}
