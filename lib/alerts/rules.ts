import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { CurrentUser } from '../auth/session';
import { audit } from '../auth/audit-write';
import { ApiError } from '../http/errors';
import { requireQuery } from '../saved-queries/saved-queries';
import { describeCondition, type Condition } from './condition';
import { requireDestination } from './destinations';
import type { RuleInput } from './input';
import { describeSchedule, nextSlot, type Schedule } from './schedule';
import { usesWindowPlaceholders } from './window';

/** Alert rules: a user's own (nobody else sees them), each on a saved query that user may open. */
type Row = Database['alert_rules'];

export function scheduleOf(r: Row): Schedule {
  return JSON.parse(r.schedule) as Schedule;
}

export function conditionOf(r: Row): Condition {
  return JSON.parse(r.condition) as Condition;
}

async function present(db: Kysely<Database>, r: Row) {
  const q = await db.selectFrom('saved_queries').select(['name', 'sql', 'store_id']).where('id', '=', r.saved_query_id).executeTakeFirst();
  const dests = await db
    .selectFrom('alert_rule_destinations')
    .innerJoin('alert_destinations', 'alert_destinations.id', 'alert_rule_destinations.destination_id')
    .select(['alert_destinations.id', 'alert_destinations.name', 'alert_destinations.kind', 'alert_destinations.url_hint'])
    .where('alert_rule_destinations.rule_id', '=', r.id)
    .orderBy('alert_destinations.name')
    .execute();
  const warnings: string[] = [];
  if (!q) warnings.push('The saved query was deleted; the rule cannot run.');
  else if (!q.store_id) warnings.push('The saved query has no default store; the rule cannot run until it has one.');
  else if (!usesWindowPlaceholders(q.sql))
    warnings.push('The query uses neither {{window_start}} / {{window_end}} nor {{start}} / {{end}}: every run reads whatever its own WHERE selects.');
  if (!dests.length) warnings.push('No destinations: firings are recorded here but nobody is notified.');
  const schedule = scheduleOf(r);
  const condition = conditionOf(r);
  return {
    id: r.id,
    name: r.name,
    savedQueryId: r.saved_query_id,
    savedQueryName: q?.name ?? null,
    enabled: !!r.enabled,
    schedule,
    scheduleText: describeSchedule(schedule),
    window: { mode: r.window_mode, minutes: r.window_minutes },
    condition,
    conditionText: describeCondition(condition),
    cooldownMinutes: r.cooldown_minutes,
    dedupeRows: !!r.dedupe_rows,
    summaryTemplate: r.summary_template,
    rowTemplate: r.row_template,
    destinations: dests.map((d) => ({ id: d.id, name: d.name, kind: d.kind, urlHint: d.url_hint })),
    lastStatus: r.last_status,
    lastError: r.last_error,
    lastRunAt: r.last_run_at,
    nextRunAt: r.enabled ? r.next_run_at : null,
    running: !!r.lease_until && r.lease_until > new Date().toISOString(),
    warnings,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}
export type PresentedRule = Awaited<ReturnType<typeof present>>;

export async function requireRule(db: Kysely<Database>, user: CurrentUser, id: string): Promise<Row> {
  const r = await db.selectFrom('alert_rules').selectAll().where('id', '=', id).where('owner_id', '=', user.id).executeTakeFirst();
  if (!r) throw new ApiError('AlertRuleNotFound', `No alert rule ${id} of yours.`, 404);
  return r;
}

async function checkReferences(db: Kysely<Database>, user: CurrentUser, input: RuleInput) {
  const { row } = await requireQuery(db, user, input.savedQueryId);
  if (!row.store_id)
    throw new ApiError('ValidationError', `savedQueryId: the saved query “${row.name}” has no default store; give it one so the rule knows where to run it.`);
  for (const d of new Set(input.destinationIds)) await requireDestination(db, user, d);
}

function columnsOf(input: RuleInput, now: Date) {
  return {
    name: input.name,
    saved_query_id: input.savedQueryId,
    enabled: input.enabled ? 1 : 0,
    schedule: JSON.stringify(input.schedule),
    window_mode: input.window.mode,
    window_minutes: input.window.minutes,
    condition: JSON.stringify(input.condition),
    cooldown_minutes: input.cooldownMinutes,
    dedupe_rows: input.dedupeRows ? 1 : 0,
    summary_template: input.summaryTemplate,
    row_template: input.rowTemplate,
    next_run_at: nextSlot(input.schedule, now).toISOString(),
    updated_at: now.toISOString(),
  };
}

async function setDestinations(db: Kysely<Database>, ruleId: string, ids: string[]) {
  await db.deleteFrom('alert_rule_destinations').where('rule_id', '=', ruleId).execute();
  for (const d of new Set(ids)) await db.insertInto('alert_rule_destinations').values({ rule_id: ruleId, destination_id: d }).execute();
}

export async function createRule(db: Kysely<Database>, user: CurrentUser, input: RuleInput) {
  await checkReferences(db, user, input);
  const now = new Date();
  const row: Row = {
    id: randomUUID(),
    owner_id: user.id,
    ...columnsOf(input, now),
    last_status: 'never',
    last_error: null,
    last_run_at: null,
    lease_owner: null,
    lease_until: null,
    created_at: now.toISOString(),
  };
  await db.insertInto('alert_rules').values(row).execute();
  await setDestinations(db, row.id, input.destinationIds);
  await audit(db, { userId: user.id, action: 'alert-rule.create', target: row.id, detail: { name: row.name, savedQueryId: row.saved_query_id } });
  return present(db, row);
}

export async function updateRule(db: Kysely<Database>, user: CurrentUser, id: string, input: RuleInput) {
  const old = await requireRule(db, user, id);
  await checkReferences(db, user, input);
  const next: Row = { ...old, ...columnsOf(input, new Date()) };
  await db.updateTable('alert_rules').set(next).where('id', '=', id).execute();
  await setDestinations(db, id, input.destinationIds);
  await audit(db, { userId: user.id, action: 'alert-rule.update', target: id, detail: { name: next.name } });
  return present(db, next);
}

/** Pause or resume; a resumed rule starts at its next slot (slots while paused are not caught up). */
export async function setEnabled(db: Kysely<Database>, user: CurrentUser, id: string, enabled: boolean) {
  const old = await requireRule(db, user, id);
  const now = new Date();
  const next: Row = { ...old, enabled: enabled ? 1 : 0, next_run_at: nextSlot(scheduleOf(old), now).toISOString(), updated_at: now.toISOString() };
  await db.updateTable('alert_rules').set({ enabled: next.enabled, next_run_at: next.next_run_at, updated_at: next.updated_at }).where('id', '=', id).execute();
  await audit(db, { userId: user.id, action: enabled ? 'alert-rule.resume' : 'alert-rule.pause', target: id });
  return present(db, next);
}

export async function deleteRule(db: Kysely<Database>, user: CurrentUser, id: string) {
  await requireRule(db, user, id);
  await db.transaction().execute(async (tx) => {
    const firings = tx.selectFrom('alert_firings').select('id').where('rule_id', '=', id);
    await tx.deleteFrom('alert_deliveries').where('firing_id', 'in', firings).execute();
    await tx.deleteFrom('alert_firings').where('rule_id', '=', id).execute();
    await tx.deleteFrom('alert_runs').where('rule_id', '=', id).execute();
    await tx.deleteFrom('alert_notified_rows').where('rule_id', '=', id).execute();
    await tx.deleteFrom('alert_rule_destinations').where('rule_id', '=', id).execute();
    await tx.deleteFrom('alert_rules').where('id', '=', id).execute();
  });
  await audit(db, { userId: user.id, action: 'alert-rule.delete', target: id });
}

export async function getRule(db: Kysely<Database>, user: CurrentUser, id: string) {
  return present(db, await requireRule(db, user, id));
}

export async function listRules(db: Kysely<Database>, user: CurrentUser, filter: { savedQueryId?: string }) {
  let q = db.selectFrom('alert_rules').selectAll().where('owner_id', '=', user.id);
  if (filter.savedQueryId) q = q.where('saved_query_id', '=', filter.savedQueryId);
  const rows = await q.orderBy('name').execute();
  return Promise.all(rows.map((r) => present(db, r)));
}
