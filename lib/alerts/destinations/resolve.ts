import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { opsgenieClose } from './opsgenie';
import { pagerDutyResolve } from './pagerduty';
import { pendingDelivery } from '../fire';

/**
 * After a scheduled run whose condition no longer holds: resolve the PagerDuty incident and close
 * the Opsgenie alert that the rule's last firing opened (same dedup key / alias). Queued in the
 * outbox like any delivery, once per firing and destination (the idempotency key says so), so
 * later quiet runs send nothing more. Returns how many were queued.
 */
export async function recordResolution(db: Kysely<Database>, ruleId: string): Promise<number> {
  const last = await db
    .selectFrom('alert_firings')
    .select('id')
    .where('rule_id', '=', ruleId)
    .where('test', '=', 0)
    .orderBy('fired_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!last) return 0;
  const destinations = await db
    .selectFrom('alert_rule_destinations')
    .innerJoin('alert_destinations', 'alert_destinations.id', 'alert_rule_destinations.destination_id')
    .select(['alert_destinations.id', 'alert_destinations.kind'])
    .where('alert_rule_destinations.rule_id', '=', ruleId)
    .where('alert_destinations.kind', 'in', ['pagerduty', 'opsgenie'])
    .execute();
  const now = new Date().toISOString();
  let queued = 0;
  for (const d of destinations) {
    const body = JSON.stringify(d.kind === 'pagerduty' ? pagerDutyResolve(ruleId) : opsgenieClose(ruleId));
    const r = await db
      .insertInto('alert_deliveries')
      .values(pendingDelivery({ firingId: last.id, destinationId: d.id, idempotencyKey: `resolve:${last.id}:${d.id}`, body, now }))
      .onConflict((oc) => oc.column('idempotency_key').doNothing())
      .executeTakeFirst();
    queued += Number(r.numInsertedOrUpdatedRows ?? 0);
  }
  return queued;
}
