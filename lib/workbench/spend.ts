import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { DAY_MS } from '../util/time';

export interface Spend {
  todayUsd: number;
  last30DaysUsd: number;
  totalUsd: number;
  runs30Days: number;
}

/** What a user's queries have cost, from the scanned bytes of their finished runs (UTC days). */
export async function userSpend(db: Kysely<Database>, userId: string, now = new Date()): Promise<Spend> {
  const today = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate())).toISOString();
  const since30 = new Date(now.getTime() - 30 * DAY_MS).toISOString();
  // one pass over the user's runs, each period a conditional sum (ISO timestamps compare as text)
  const row = await db
    .selectFrom('query_runs')
    .select([
      sql<number | string | null>`sum(CASE WHEN created_at >= ${today} THEN cost_usd END)`.as('today'),
      sql<number | string | null>`sum(CASE WHEN created_at >= ${since30} THEN cost_usd END)`.as('last30'),
      sql<number | string | null>`sum(CASE WHEN created_at >= ${since30} THEN 1 ELSE 0 END)`.as('runs30'),
      sql<number | string | null>`sum(cost_usd)`.as('total'),
    ])
    .where('user_id', '=', userId)
    .where('cost_usd', 'is not', null)
    .executeTakeFirstOrThrow();
  return { todayUsd: Number(row.today ?? 0), last30DaysUsd: Number(row.last30 ?? 0), totalUsd: Number(row.total ?? 0), runs30Days: Number(row.runs30 ?? 0) };
}
