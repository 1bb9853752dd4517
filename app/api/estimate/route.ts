import { z } from 'zod';
import { clientFor } from '@/lib/cloudtrail/clients';
import { getDb } from '@/lib/db';
import { ANALYSTS, withUser } from '@/lib/auth/with-user';
import { estimateQuery } from '@/lib/workbench/cost';
import { locateStore } from '@/lib/workbench/queries';
import { fillRunSql, runParametersInput } from '@/lib/workbench/run-parameters';

export const dynamic = 'force-dynamic';

const input = z.object({
  sql: z.string().min(1).max(100_000),
  storeId: z.string().max(256).optional(),
  connectionId: z.string().max(40).optional(),
  region: z.string().max(30).optional(),
  parameters: runParametersInput.optional(),
});

/** What a query would scan and cost, before Run (with its parameters filled, as Run fills them). */
export const POST = withUser(ANALYSTS, async ({ body }) => {
  const { storeId, connectionId, region, ...rest } = input.parse(await body());
  const { sql } = fillRunSql(rest.sql, rest.parameters);
  const where = await locateStore(storeId, connectionId, region);
  return estimateQuery(await clientFor(where.connectionId, where.region), sql, storeId ? [storeId] : [], await getDb(), where.connectionId);
});
