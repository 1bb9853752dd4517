import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema';

export interface Spend { todayUsd: number; last30DaysUsd: number; totalUsd: number; runs30Days: number }

const DAY_MS = 86_400_000;

/** What a user's queries have cost, from the scanned bytes of their finished runs (UTC days). */
export async function userSpend(db: Kysely<Database>, userId: string, now = new Date()): Promise<Spend> {
  const today = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate())).toISOString();
  const since30 = new Date(now.getTime() - 30 * DAY_MS).toISOString();
  const sumSince = (since: string | undefined) => {
    let q = db.selectFrom('query_runs').select([sql<number | string | null>`sum(cost_usd)`.as('usd'), sql<number | string>`count(*)`.as('n')]).where('user_id', '=', userId).where('cost_usd', 'is not', null);
    if (since) q = q.where('created_at', '>=', since);
    return q.executeTakeFirstOrThrow();
  };
  const [t, m, all] = await Promise.all([sumSince(today), sumSince(since30), sumSince(undefined)]);
  return { todayUsd: Number(t.usd ?? 0), last30DaysUsd: Number(m.usd ?? 0), totalUsd: Number(all.usd ?? 0), runs30Days: Number(m.n) };
}
