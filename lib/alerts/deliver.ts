import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { env } from '../env';
import { backoffMs, isRetryable } from './backoff';
import { openDestination } from './destinations';
import { sendToDestination } from './destinations/send';
import type { PostOutcome } from './post-webhook';

/**
 * The delivery worker: sends due deliveries from the outbox. A delivery is claimed with a
 * conditional update (status and lease), so two workers never send it at once; a claim left by
 * a stopped server expires after LEASE_MS and the delivery is sent again. Failures are retried
 * with exponential backoff up to TRAILBENCH_ALERT_MAX_ATTEMPTS, each attempt kept in its log.
 */
const LEASE_MS = 60_000;
const BATCH = 20;

type Delivery = Database['alert_deliveries'];
export interface Attempt {
  at: string;
  status?: number;
  error?: string;
  ms: number;
}

async function claim(db: Kysely<Database>, d: Delivery, now: Date): Promise<boolean> {
  const r = await db
    .updateTable('alert_deliveries')
    .set({ status: 'sending', lease_until: new Date(now.getTime() + LEASE_MS).toISOString(), attempts: d.attempts + 1 })
    .where('id', '=', d.id)
    .where('status', '=', d.status)
    .where('attempts', '=', d.attempts)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

async function send(db: Kysely<Database>, d: Delivery): Promise<void> {
  const started = Date.now();
  const dest = await db.selectFrom('alert_destinations').selectAll().where('id', '=', d.destination_id).executeTakeFirst();
  let outcome: PostOutcome;
  let permanent = false;
  if (!dest) {
    outcome = { error: 'The destination was deleted.' };
    permanent = true;
  } else {
    try {
      const { url, signingSecret } = openDestination(dest);
      outcome = await sendToDestination({ kind: dest.kind, url, secret: signingSecret }, d.body, d.idempotency_key);
      permanent = outcome.error !== undefined && (!!outcome.permanent || !isRetryable(outcome.status));
    } catch (e) {
      outcome = { error: (e as Error).message };
      permanent = true;
    }
  }
  const now = new Date();
  const attempts = d.attempts + 1;
  const log = [...(JSON.parse(d.attempt_log) as Attempt[]), { at: now.toISOString(), status: outcome.status, error: outcome.error, ms: Date.now() - started }];
  const e = env();
  const done = !outcome.error;
  const failed = !done && (permanent || attempts >= e.TRAILBENCH_ALERT_MAX_ATTEMPTS);
  const next = new Date(now.getTime() + backoffMs(attempts, e.TRAILBENCH_ALERT_RETRY_BASE_SECONDS * 1000, outcome.retryAfter));
  await db
    .updateTable('alert_deliveries')
    .set({
      status: done ? 'delivered' : failed ? 'failed' : 'retrying',
      lease_until: null,
      last_status: outcome.status ?? null,
      last_error: outcome.error ?? null,
      attempt_log: JSON.stringify(log),
      delivered_at: done ? now.toISOString() : null,
      next_attempt_at: done || failed ? d.next_attempt_at : next.toISOString(),
    })
    .where('id', '=', d.id)
    .execute();
}

/** Sends what is due now; returns how many deliveries it attempted. */
export async function deliverDue(db: Kysely<Database>): Promise<number> {
  const now = new Date();
  const iso = now.toISOString();
  const due = await db
    .selectFrom('alert_deliveries')
    .selectAll()
    .where((eb) =>
      eb.or([
        eb.and([eb('status', 'in', ['pending', 'retrying']), eb('next_attempt_at', '<=', iso)]),
        eb.and([eb('status', '=', 'sending'), eb('lease_until', '<', iso)]),
      ]),
    )
    .orderBy('next_attempt_at')
    .limit(BATCH)
    .execute();
  let sent = 0;
  await Promise.all(
    due.map(async (d) => {
      if (!(await claim(db, d, now))) return;
      sent++;
      await send(db, { ...d, status: 'sending' });
    }),
  );
  return sent;
}
