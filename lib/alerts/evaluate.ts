import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { CurrentUser } from '../auth/session';
import { requireQuery } from '../saved-queries/saved-queries';
import { parseTimestampText } from '../util/sql-text/timestamp-text';
import { describeCondition, fires, matchingRows, missingColumn } from './condition';
import { fingerprint, recordFiring } from './fire';
import { conditionOf } from './rules';
import { runToEnd } from './run-query';
import { recordResolution } from './destinations/resolve';
import { fillWindow, NEWEST_EVENT_SQL, windowBefore, type TimeWindow } from './window';

/**
 * One run of a rule: compute its window, run its saved query as its owner, check the condition,
 * and record what happened (run row; firing and deliveries when it fires). Scheduled runs are
 * keyed by their slot, so a slot already run is not run again; a slot whose run was cut short
 * (the server stopped) is run again under the same row.
 */
type RuleRow = Database['alert_rules'];
export type RunStatus = 'ok' | 'fired' | 'suppressed' | 'error';
export interface RunOutcome {
  runId: string;
  status: RunStatus | 'skipped';
  firingId?: string;
  error?: string;
  note?: string;
}

class RunFailure extends Error {
  readonly alertRunFailure = true;
}
const isRunFailure = (e: unknown): e is RunFailure => !!(e as RunFailure | undefined)?.alertRunFailure;

async function ownerOf(db: Kysely<Database>, rule: RuleRow): Promise<CurrentUser> {
  const u = await db.selectFrom('users').selectAll().where('id', '=', rule.owner_id).executeTakeFirst();
  if (!u || u.disabled) throw new RunFailure("The rule's owner is disabled or no longer exists.");
  return { id: u.id, email: u.email, name: u.name, role: u.role };
}

/** Claims the run row: a new one, or the unfinished one of the same slot; null when the slot is done. */
async function claimRun(db: Kysely<Database>, rule: RuleRow, slot: Date | null): Promise<string | null> {
  const now = new Date().toISOString();
  const id = randomUUID();
  const slotAt = slot?.toISOString() ?? null;
  const ins = await db
    .insertInto('alert_runs')
    .values({
      id,
      rule_id: rule.id,
      kind: slot ? 'scheduled' : 'test',
      slot_at: slotAt,
      window_start: null,
      window_end: null,
      status: 'running',
      query_handle: null,
      row_count: null,
      matched_count: null,
      error: null,
      note: null,
      started_at: now,
      finished_at: null,
    })
    .onConflict((oc) => oc.columns(['rule_id', 'slot_at']).doNothing())
    .executeTakeFirst();
  if (Number(ins.numInsertedOrUpdatedRows ?? 0) === 1) return id;
  const old = await db.selectFrom('alert_runs').select(['id', 'status']).where('rule_id', '=', rule.id).where('slot_at', '=', slotAt).executeTakeFirst();
  if (!old || old.status !== 'running') return null;
  await db
    .updateTable('alert_runs')
    .set({ started_at: now, note: 'Run again: the earlier attempt was interrupted (server stopped).' })
    .where('id', '=', old.id)
    .execute();
  return old.id;
}

async function windowFor(
  db: Kysely<Database>,
  owner: CurrentUser,
  rule: RuleRow,
  q: { id: string; store_id: string; connection_id: string | null },
  at: Date,
): Promise<TimeWindow | null> {
  if (rule.window_mode === 'schedule') return windowBefore(at, rule.window_minutes);
  const r = await runToEnd(db, owner, { sql: NEWEST_EVENT_SQL, storeId: q.store_id, connectionId: q.connection_id ?? undefined, savedQueryId: q.id });
  if (r.status !== 'FINISHED') throw new RunFailure(`Finding the newest event failed: ${r.error}`);
  const cell = r.rows[0]?.newest;
  if (!cell) return null;
  const newest = parseTimestampText(cell);
  if (newest === undefined) throw new RunFailure(`The newest event's time '${cell}' could not be read.`);
  return windowBefore(new Date(newest), rule.window_minutes);
}

async function inCooldown(db: Kysely<Database>, rule: RuleRow, slot: Date): Promise<string | undefined> {
  if (!rule.cooldown_minutes) return undefined;
  const since = new Date(slot.getTime() - rule.cooldown_minutes * 60_000).toISOString();
  const last = await db
    .selectFrom('alert_firings')
    .select('slot_at')
    .where('rule_id', '=', rule.id)
    .where('test', '=', 0)
    .where('slot_at', '>', since)
    .where('slot_at', '<', slot.toISOString())
    .orderBy('slot_at', 'desc')
    .executeTakeFirst();
  return last?.slot_at ?? undefined;
}

async function newRowsOnly(db: Kysely<Database>, ruleId: string, columns: string[], rows: Record<string, string>[]) {
  if (!rows.length) return rows;
  const seen = new Set((await db.selectFrom('alert_notified_rows').select('fingerprint').where('rule_id', '=', ruleId).execute()).map((r) => r.fingerprint));
  return rows.filter((r) => !seen.has(fingerprint(columns, r)));
}

/** Runs the rule once: for a schedule slot, or (slot null) as a test that always notifies. */
export async function evaluate(db: Kysely<Database>, rule: RuleRow, slot: Date | null): Promise<RunOutcome> {
  const test = slot === null;
  const runId = await claimRun(db, rule, slot);
  if (!runId) return { runId: '', status: 'skipped' };
  const finish = async (status: RunStatus, patch: Partial<Database['alert_runs']> = {}) => {
    const now = new Date().toISOString();
    await db
      .updateTable('alert_runs')
      .set({ status, finished_at: now, ...patch })
      .where('id', '=', runId)
      .execute();
    if (!test)
      await db
        .updateTable('alert_rules')
        .set({ last_status: status, last_error: patch.error ?? null, last_run_at: now })
        .where('id', '=', rule.id)
        .execute();
  };
  try {
    const owner = await ownerOf(db, rule);
    const q = await requireQuery(db, owner, rule.saved_query_id).then(
      (r) => r.row,
      () => {
        throw new RunFailure("The saved query no longer exists or is no longer shared with the rule's owner.");
      },
    );
    if (!q.store_id) throw new RunFailure(`The saved query “${q.name}” has no default store.`);
    const at = slot ?? new Date(Math.floor(Date.now() / 1000) * 1000);
    let window = await windowFor(db, owner, rule, { id: q.id, store_id: q.store_id, connection_id: q.connection_id }, at);
    if (!window && !test) {
      await finish('ok', { note: 'The store has no events yet.' });
      return { runId, status: 'ok', note: 'The store has no events yet.' };
    }
    window ??= windowBefore(at, rule.window_minutes); // a test still runs and notifies on an empty store
    const range = { window_start: window.start.toISOString(), window_end: window.end.toISOString() };
    await db.updateTable('alert_runs').set(range).where('id', '=', runId).execute();
    const result = await runToEnd(db, owner, {
      sql: fillWindow(q.sql, window),
      storeId: q.store_id,
      connectionId: q.connection_id ?? undefined,
      savedQueryId: q.id,
    });
    await db.updateTable('alert_runs').set({ query_handle: result.handle }).where('id', '=', runId).execute();
    if (result.status !== 'FINISHED') throw new RunFailure(`The query ended ${result.status}: ${result.error}`);
    const condition = conditionOf(rule);
    const missing = missingColumn(condition, result.columns);
    if (missing) throw new RunFailure(`The condition reads the column '${missing}', but the result has only ${result.columns.join(', ')}.`);
    let matched = matchingRows(condition, result.rows);
    if (rule.dedupe_rows && !test) matched = await newRowsOnly(db, rule.id, result.columns, matched);
    const counts = { row_count: result.total, matched_count: matched.length };
    const met = fires(condition, matched);
    if (!met && !test) {
      await recordResolution(db, rule.id);
      await finish('ok', counts);
      return { runId, status: 'ok' };
    }
    const cooling = !test && (await inCooldown(db, rule, slot!));
    if (cooling) {
      const note = `Condition met, not sent: in cooldown after the firing of ${cooling}.`;
      await finish('suppressed', { ...counts, note });
      return { runId, status: 'suppressed', note };
    }
    const firingId = await recordFiring(db, {
      key: test ? `test:${runId}` : `rule:${rule.id}:window:${range.window_start}/${range.window_end}`,
      ruleId: rule.id,
      runId,
      test,
      slotAt: slot?.toISOString() ?? null,
      window: { mode: rule.window_mode, start: range.window_start, end: range.window_end },
      queryHandle: result.handle,
      columns: result.columns,
      rows: met ? matched : [],
      totalRows: result.total,
      conditionMet: met,
      condition: describeCondition(condition),
      rule: { name: rule.name, summaryTemplate: rule.summary_template, rowTemplate: rule.row_template },
      query: { id: q.id, name: q.name },
      dedupe: !!rule.dedupe_rows,
    });
    if (!firingId) {
      const note = 'Condition met, not sent again: this window was already notified (no newer events).';
      await finish('suppressed', { ...counts, note });
      return { runId, status: 'suppressed', note };
    }
    await finish('fired', counts);
    return { runId, status: 'fired', firingId };
  } catch (e) {
    // the lake's refusals (bad SQL, unknown store) come as service exceptions: the owner's to fix, not a server fault
    const refused = !!(e as { $metadata?: unknown }).$metadata;
    const error = isRunFailure(e) ? e.message : refused ? `The lake refused the query: ${(e as Error).message}` : `The run failed: ${(e as Error).message}`;
    if (!isRunFailure(e) && !refused) console.error(`[alerts] rule ${rule.id} failed`, e);
    await finish('error', { error });
    return { runId, status: 'error', error };
  }
}
