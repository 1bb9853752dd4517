import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { CurrentUser } from '../auth/session';
import { ApiError } from '../http/errors';
import type { Attempt } from './deliver';
import { requireRule } from './rules';

/** A rule's runs, firings and deliveries, for its owner only. */
async function deliveriesOf(db: Kysely<Database>, firingIds: string[]) {
  if (!firingIds.length) return [];
  const rows = await db
    .selectFrom('alert_deliveries')
    .leftJoin('alert_destinations', 'alert_destinations.id', 'alert_deliveries.destination_id')
    .select([
      'alert_deliveries.id',
      'alert_deliveries.firing_id',
      'alert_deliveries.destination_id',
      'alert_deliveries.idempotency_key',
      'alert_deliveries.status',
      'alert_deliveries.attempts',
      'alert_deliveries.next_attempt_at',
      'alert_deliveries.last_status',
      'alert_deliveries.last_error',
      'alert_deliveries.attempt_log',
      'alert_deliveries.delivered_at',
      'alert_deliveries.created_at',
      'alert_destinations.name',
      'alert_destinations.kind',
    ])
    .where('alert_deliveries.firing_id', 'in', firingIds)
    .orderBy('alert_deliveries.created_at')
    .execute();
  return rows.map((d) => ({
    id: d.id,
    firingId: d.firing_id,
    destinationId: d.destination_id,
    destinationName: d.name ?? '(deleted destination)',
    destinationKind: d.kind,
    deliveryKey: d.idempotency_key,
    status: d.status,
    attempts: d.attempts,
    nextAttemptAt: d.status === 'retrying' || d.status === 'pending' ? d.next_attempt_at : null,
    lastStatus: d.last_status,
    lastError: d.last_error,
    attemptLog: JSON.parse(d.attempt_log) as Attempt[],
    deliveredAt: d.delivered_at,
    createdAt: d.created_at,
  }));
}

function presentFiring(f: Database['alert_firings']) {
  return {
    id: f.id,
    runId: f.run_id,
    test: !!f.test,
    firedAt: f.fired_at,
    slotAt: f.slot_at,
    windowStart: f.window_start,
    windowEnd: f.window_end,
    rowCount: f.row_count,
    summary: f.summary,
    queryHandle: f.query_handle,
    columns: JSON.parse(f.columns) as string[],
    rows: JSON.parse(f.rows) as string[][],
  };
}

export async function ruleHistory(db: Kysely<Database>, user: CurrentUser, ruleId: string, limit = 50) {
  await requireRule(db, user, ruleId);
  const runs = await db.selectFrom('alert_runs').selectAll().where('rule_id', '=', ruleId).orderBy('started_at', 'desc').limit(Math.min(limit, 500)).execute();
  const firings = runs.length
    ? await db
        .selectFrom('alert_firings')
        .selectAll()
        .where(
          'run_id',
          'in',
          runs.map((r) => r.id),
        )
        .execute()
    : [];
  const deliveries = await deliveriesOf(
    db,
    firings.map((f) => f.id),
  );
  return runs.map((r) => {
    const f = firings.find((x) => x.run_id === r.id);
    return {
      id: r.id,
      kind: r.kind,
      slotAt: r.slot_at,
      windowStart: r.window_start,
      windowEnd: r.window_end,
      status: r.status,
      queryHandle: r.query_handle,
      rowCount: r.row_count,
      matchedCount: r.matched_count,
      error: r.error,
      note: r.note,
      startedAt: r.started_at,
      finishedAt: r.finished_at,
      firing: f ? { ...presentFiring(f), deliveries: deliveries.filter((d) => d.firingId === f.id) } : null,
    };
  });
}

export async function firingDetail(db: Kysely<Database>, user: CurrentUser, firingId: string) {
  const f = await db.selectFrom('alert_firings').selectAll().where('id', '=', firingId).executeTakeFirst();
  const rule = f
    ? await db.selectFrom('alert_rules').select(['id', 'name', 'owner_id', 'saved_query_id']).where('id', '=', f.rule_id).executeTakeFirst()
    : undefined;
  if (!f || !rule || rule.owner_id !== user.id) throw new ApiError('FiringNotFound', `No alert firing ${firingId} of yours.`, 404);
  const query = await db.selectFrom('saved_queries').select(['id', 'name']).where('id', '=', rule.saved_query_id).executeTakeFirst();
  return { ...presentFiring(f), rule: { id: rule.id, name: rule.name }, query: query ?? null, deliveries: await deliveriesOf(db, [f.id]) };
}
