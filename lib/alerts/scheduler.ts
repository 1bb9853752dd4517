import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { readJson, writeFileAtomic } from '../util/fs-atomic';
import { getDb } from '../db';
import type { Database } from '../db/schema';
import { env } from '../env';
import { ApiError } from '../http/errors';
import { deliverDue } from './deliver';
import { evaluate, type RunOutcome } from './evaluate';
import { scheduleOf } from './rules';
import { dueSlots, nextSlot } from './schedule';

/**
 * The alert scheduler, in the server process: every tick it runs the rules whose next slot has
 * come (catching up missed slots after a restart) and sends due deliveries. A rule never runs
 * twice at once: an in-process lock by rule id, and a lease in the database (renewed while it
 * runs) for anyone else sharing the database. State lives on globalThis because Next bundles
 * this module more than once (instrumentation and each route).
 */
const LEASE_MS = 60_000;
const LOCK_WAIT_MS = 120_000;

interface State {
  processId: string;
  timer?: NodeJS.Timeout;
  ticking: boolean;
  running: Set<string>;
  delivering: boolean;
  deliverAgain: boolean;
  released?: Promise<void>;
}
const holder = globalThis as typeof globalThis & { __trailbenchAlerts?: State };
const state = (): State =>
  (holder.__trailbenchAlerts ??= { processId: `${serverId()}/${randomUUID()}`, ticking: false, running: new Set(), delivering: false, deliverAgain: false });

/**
 * This server's identity across its restarts, kept in the data directory: only one server has a
 * data directory open at a time (lake/owner.json), so leases under this identity but another
 * process's are leftovers of this server's last run, not another server's.
 */
function serverId(): string {
  const file = path.join(env().dataDir, 'alerts-server.json');
  const known = readJson<{ serverId: string }>(file)?.serverId;
  if (known) return known;
  const id = randomUUID();
  fs.mkdirSync(path.dirname(file), { recursive: true });
  writeFileAtomic(file, JSON.stringify({ serverId: id }));
  return id;
}

/**
 * Leases this server held when it stopped are released at start: otherwise a rule whose run the
 * stop cut short waits a whole lease for nothing, and the slots missed while the server was down
 * fall out of the catch-up window.
 */
async function releaseLeftoverLeases(db: Kysely<Database>): Promise<void> {
  const own = state().processId;
  const prefix = own.slice(0, own.indexOf('/') + 1);
  await db
    .updateTable('alert_rules')
    .set({ lease_owner: null, lease_until: null })
    .where('lease_owner', 'like', `${prefix}%`)
    .where('lease_owner', '<>', own)
    .execute();
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function takeLease(db: Kysely<Database>, ruleId: string): Promise<boolean> {
  const now = new Date();
  const r = await db
    .updateTable('alert_rules')
    .set({ lease_owner: state().processId, lease_until: new Date(now.getTime() + LEASE_MS).toISOString() })
    .where('id', '=', ruleId)
    .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now.toISOString())]))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Runs `fn` holding the rule's lock and lease; null when someone else holds them. */
async function exclusively<T>(db: Kysely<Database>, ruleId: string, fn: () => Promise<T>): Promise<T | null> {
  const s = state();
  if (s.running.has(ruleId)) return null;
  s.running.add(ruleId);
  try {
    if (!(await takeLease(db, ruleId))) return null;
    const heartbeat = setInterval(() => {
      void db
        .updateTable('alert_rules')
        .set({ lease_until: new Date(Date.now() + LEASE_MS).toISOString() })
        .where('id', '=', ruleId)
        .where('lease_owner', '=', s.processId)
        .execute()
        .catch(() => undefined);
    }, LEASE_MS / 3);
    try {
      return await fn();
    } finally {
      clearInterval(heartbeat);
      await db
        .updateTable('alert_rules')
        .set({ lease_owner: null, lease_until: null })
        .where('id', '=', ruleId)
        .where('lease_owner', '=', s.processId)
        .execute();
    }
  } finally {
    s.running.delete(ruleId);
  }
}

/**
 * Runs left `running` by a server that stopped, which will not be run again (with the lease held,
 * nobody else is running them): tests, and slots older than the first one about to run.
 */
async function closeInterrupted(db: Kysely<Database>, ruleId: string, firstSlot: Date | undefined): Promise<void> {
  await db
    .updateTable('alert_runs')
    .set({
      status: 'error',
      error: 'Interrupted: the server stopped during this run, and it is not run again (a test, or a slot older than the ones caught up).',
      finished_at: new Date().toISOString(),
    })
    .where('rule_id', '=', ruleId)
    .where('status', '=', 'running')
    .where((eb) => (firstSlot ? eb.or([eb('slot_at', 'is', null), eb('slot_at', '<', firstSlot.toISOString())]) : eb.lit(true)))
    .execute();
}

/** The rule's due slots, oldest first, each recorded as done before the next. */
async function runDue(db: Kysely<Database>, ruleId: string): Promise<void> {
  await exclusively(db, ruleId, async () => {
    const rule = await db.selectFrom('alert_rules').selectAll().where('id', '=', ruleId).executeTakeFirst();
    if (!rule?.enabled || !rule.next_run_at) return;
    const schedule = scheduleOf(rule);
    const { slots, skipped, next } = dueSlots(schedule, new Date(rule.next_run_at), new Date());
    if (skipped) console.warn(`[alerts] rule ${rule.id}: ${skipped} missed slots older than the last ${slots.length} were skipped`);
    await closeInterrupted(db, ruleId, slots[0]);
    for (const slot of slots) {
      const fresh = await db.selectFrom('alert_rules').selectAll().where('id', '=', ruleId).executeTakeFirst();
      if (!fresh?.enabled) return; // paused or deleted meanwhile
      await evaluate(db, fresh, slot);
      await db
        .updateTable('alert_rules')
        .set({ next_run_at: nextSlot(schedule, slot).toISOString() })
        .where('id', '=', ruleId)
        .where('next_run_at', '<=', slot.toISOString())
        .execute();
    }
    await db
      .updateTable('alert_rules')
      .set({ next_run_at: next.toISOString() })
      .where('id', '=', ruleId)
      .where('next_run_at', '<', next.toISOString())
      .execute();
  });
  kickDeliveries();
}

/** "Test now": runs the rule at once (waiting for a scheduled run of it to end) and notifies its destinations. */
export async function testRule(ruleId: string): Promise<RunOutcome> {
  const db = await getDb();
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    const rule = await db.selectFrom('alert_rules').selectAll().where('id', '=', ruleId).executeTakeFirstOrThrow();
    const out = await exclusively(db, ruleId, async () => {
      await closeInterrupted(db, ruleId, new Date(0)); // earlier tests cut short by a stop
      return evaluate(db, rule, null);
    });
    if (out) {
      kickDeliveries();
      return out;
    }
    if (Date.now() > deadline) throw new ApiError('AlertRuleBusy', 'The rule is running now and did not finish within two minutes; try again later.', 409);
    await sleep(250);
  }
}

/** Starts a delivery pass now (or right after the one in progress). */
export function kickDeliveries(): void {
  const s = state();
  if (s.delivering) {
    s.deliverAgain = true;
    return;
  }
  s.delivering = true;
  void (async () => {
    try {
      const db = await getDb();
      do {
        s.deliverAgain = false;
        while ((await deliverDue(db)) > 0) {
          /* another batch may be due */
        }
      } while (s.deliverAgain);
    } catch (e) {
      console.error('[alerts] delivery pass failed', e);
    } finally {
      s.delivering = false;
    }
  })();
}

async function tick(): Promise<void> {
  const s = state();
  if (s.ticking) return;
  s.ticking = true;
  try {
    const db = await getDb();
    await (s.released ??= releaseLeftoverLeases(db).catch((e) => {
      s.released = undefined; // tried again next tick
      throw e;
    }));
    const now = new Date().toISOString();
    const due = await db
      .selectFrom('alert_rules')
      .select('id')
      .where('enabled', '=', 1)
      .where('next_run_at', '<=', now)
      .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now)]))
      .execute();
    for (const r of due) if (!s.running.has(r.id)) void runDue(db, r.id).catch((e) => console.error(`[alerts] rule ${r.id}`, e));
    kickDeliveries();
  } catch (e) {
    console.error('[alerts] scheduler tick failed', e);
  } finally {
    s.ticking = false;
  }
}

export function startScheduler(): void {
  const s = state();
  if (s.timer) return;
  s.timer = setInterval(() => void tick(), env().TRAILBENCH_ALERT_TICK_SECONDS * 1000);
  s.timer.unref();
  void tick();
}
