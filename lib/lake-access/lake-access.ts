import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { Lake } from '../lake/lake';
import type { CurrentUser } from '../auth/session';
import { serverKeyAccess, type LakeAccess, type LakeCall, type LakeCaller } from '../lake/api/access';
import { queryNotFound } from '../lake/errors';
import { BUILTIN } from '../cloudtrail/clients';
import { costOf } from '../cloudtrail/query';
import { finishRun, recordRun } from '../workbench/runs';
import { audit } from '../auth/audit-write';
import { keyForSigning, recordKeyUse } from './access-keys';
import { QUERY_ID_OPERATIONS, requireLakePermission } from './lake-permissions';

type AppCaller = LakeCaller & { user?: CurrentUser };

/**
 * Who may call `/lake`: the server's own key (everything, every query) and users' access keys,
 * which act with their owner's role. A query started with a key is recorded as its owner's run,
 * as the workbench records runs, so only its starter (or an admin) sees it over the API and in
 * the console alike. Every call goes to the audit log as `lake.<Operation>`.
 */
export function appLakeAccess(lake: Lake, db: Kysely<Database>): LakeAccess {
  const server = serverKeyAccess(lake);
  return {
    async caller(accessKeyId) {
      const own = await server.caller(accessKeyId);
      if (own) return own;
      const key = await keyForSigning(db, accessKeyId);
      if (!key) return undefined;
      const caller: AppCaller = {
        accessKeyId,
        secretAccessKey: key.secretAccessKey,
        label: `${key.user.email} (${key.user.role})`,
        userId: key.user.id,
        user: key.user,
      };
      return caller;
    },

    async authorize(caller: AppCaller, operation, input) {
      const user = caller.user;
      if (!user) return;
      requireLakePermission(user.role, operation, `Access key ${caller.accessKeyId} of ${user.email} (${user.role})`);
      if (QUERY_ID_OPERATIONS.has(operation) && typeof input.QueryId === 'string' && !(await sees(user, [input.QueryId])).has(input.QueryId)) {
        throw queryNotFound(input.QueryId);
      }
    },

    async afterCall(caller: AppCaller, operation, input, output) {
      const user = caller.user;
      if (!user) return output;
      if (operation === 'StartQuery') {
        const handle = (output as { QueryId: string }).QueryId;
        await recordRun(db, user, { handle, sql: String(input.QueryStatement), storeId: lake.queries.get(handle).storeIds[0], connectionId: BUILTIN });
      } else if (operation === 'DescribeQuery') {
        const d = output as { QueryId: string; QueryStatus: string; QueryStatistics: { BytesScanned: number; ExecutionTimeInMillis: number } };
        const statistics = { bytesScanned: d.QueryStatistics.BytesScanned, executionTimeInMillis: d.QueryStatistics.ExecutionTimeInMillis };
        await finishRun(db, d.QueryId, { status: d.QueryStatus, statistics, costUsd: costOf(statistics.bytesScanned) });
      } else if (operation === 'ListQueries') {
        const list = output as { Queries: { QueryId: string }[] };
        const visible = await sees(
          user,
          list.Queries.map((q) => q.QueryId),
        );
        return { ...list, Queries: list.Queries.filter((q) => visible.has(q.QueryId)) };
      }
      return output;
    },

    async record(call: LakeCall) {
      const label = call.caller?.label ?? (call.accessKeyId ? `unknown key ${call.accessKeyId}` : 'unsigned request');
      await audit(db, {
        userId: call.caller?.userId ?? null,
        action: `lake.${call.operation}`,
        target: call.storeId ?? null,
        detail: {
          caller: label,
          accessKeyId: call.accessKeyId,
          storeId: call.storeId,
          bytesScanned: call.bytesScanned,
          outcome: call.outcome,
          requestId: call.requestId,
        },
      });
      if (call.authenticated && call.caller?.userId) await recordKeyUse(db, call.caller.accessKeyId, call.operation);
    },
  };

  /** Which of these built-in lake queries the user may see: their own runs; an admin every one. */
  async function sees(user: CurrentUser, queryIds: string[]): Promise<Set<string>> {
    if (user.role === 'admin') return new Set(queryIds);
    if (!queryIds.length) return new Set();
    const own = await db
      .selectFrom('query_runs')
      .select('handle')
      .where('user_id', '=', user.id)
      .where('connection_id', '=', BUILTIN)
      .where('handle', 'in', queryIds)
      .execute();
    return new Set(own.map((r) => r.handle));
  }
}
