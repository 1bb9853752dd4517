import { z } from 'zod';
import { getDb } from '@/lib/db';
import { ANALYSTS, withUser } from '@/lib/auth/with-user';
import { runSql } from '@/lib/workbench/run-sql';
import { runParametersInput } from '@/lib/workbench/run-parameters';

export const dynamic = 'force-dynamic';

const input = z.object({
  sql: z.string().min(1, 'SQL is empty').max(100_000),
  storeId: z.string().max(256).optional(),
  connectionId: z.string().max(40).optional(),
  region: z.string().max(30).optional(),
  /** Optional spending limit for this query, in dollars at the configured price per GB. */
  /** `{{name}}` values, filled on the server through lib/parameters. */
  parameters: runParametersInput.optional(),
  budgetUsd: z.number().positive('budgetUsd must be more than 0').max(1_000_000).optional(),
});

/** Runs free SQL (analysts and admins; viewers run saved queries shared with them). */
export const POST = withUser(ANALYSTS, async ({ user, body }) => runSql(await getDb(), user, input.parse(await body())));
