import { z } from 'zod';
import { getDb } from '@/lib/db';
import { withUser } from '@/lib/auth/with-user';
import { parameterValuesInput } from '@/lib/parameters/input';
import { requireQuery, savedParameters } from '@/lib/saved-queries/saved-queries';
import { runSql } from '@/lib/workbench/run-sql';

export const dynamic = 'force-dynamic';

const input = z.object({ storeId: z.string().max(256).optional(), connectionId: z.string().max(40).optional(), values: parameterValuesInput.optional() });

/** Runs a saved query as saved (viewers may run what is shared with them), optionally on another store, with values for its parameters. */
export const POST = withUser<{ id: string }>(async ({ user, params, body }) => {
  const db = await getDb();
  const { row } = await requireQuery(db, user, params.id);
  const over = input.parse(await body({ whenEmpty: {} }));
  return runSql(db, user, {
    sql: row.sql,
    storeId: over.storeId ?? row.store_id ?? undefined,
    connectionId: over.connectionId ?? row.connection_id ?? undefined,
    savedQueryId: row.id,
    parameters: { specs: savedParameters(row), values: over.values ?? {} },
  });
});
