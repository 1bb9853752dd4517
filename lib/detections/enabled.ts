import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { CurrentUser } from '../auth/session';

/** A saved query made from a detection carries this tag: the one link from a rule back to its detection. */
export const detectionTag = (id: string) => `detection:${id}`;
const TAG_PREFIX = 'detection:';

export interface EnabledRule {
  ruleId: string;
  ruleName: string;
  enabled: boolean;
  savedQueryId: string;
  storeId: string | null;
  lastStatus: string;
  lastRunAt: string | null;
  lastFindings: number | null;
}

/** The user's alert rules made from detections, by detection ID (several stores may each have one). */
export async function enabledRules(db: Kysely<Database>, user: CurrentUser): Promise<Map<string, EnabledRule[]>> {
  const rows = await db
    .selectFrom('alert_rules')
    .innerJoin('saved_queries', 'saved_queries.id', 'alert_rules.saved_query_id')
    .select([
      'alert_rules.id',
      'alert_rules.name',
      'alert_rules.enabled',
      'alert_rules.last_status',
      'alert_rules.last_run_at',
      'saved_queries.id as sq',
      'saved_queries.tags',
      'saved_queries.store_id',
    ])
    .where('alert_rules.owner_id', '=', user.id)
    .where('saved_queries.tags', 'like', `%"${TAG_PREFIX}%`)
    .execute();
  const out = new Map<string, EnabledRule[]>();
  for (const r of rows) {
    const tag = (JSON.parse(r.tags) as string[]).find((t) => t.startsWith(TAG_PREFIX));
    if (!tag) continue;
    const last = await db
      .selectFrom('alert_runs')
      .select(['row_count'])
      .where('rule_id', '=', r.id)
      .where('finished_at', 'is not', null)
      .orderBy('finished_at', 'desc')
      .limit(1)
      .executeTakeFirst();
    const id = tag.slice(TAG_PREFIX.length);
    out.set(id, [
      ...(out.get(id) ?? []),
      {
        ruleId: r.id,
        ruleName: r.name,
        enabled: !!r.enabled,
        savedQueryId: r.sq,
        storeId: r.store_id,
        lastStatus: r.last_status,
        lastRunAt: r.last_run_at,
        lastFindings: last?.row_count ?? null,
      },
    ]);
  }
  return out;
}
