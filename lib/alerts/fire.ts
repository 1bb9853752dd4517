import { createHash, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { baseUrl } from '../env';
import type { Row } from './condition';
import { firingBody } from './destinations/bodies';
import { summaryText, type FiringMessage } from './payload';

/**
 * Records a firing and one delivery per destination in one transaction (the outbox): the
 * firing's idempotency key is unique, so a slot or window already notified — by this process
 * before a restart, or by another — is never notified twice; the delivery worker sends later.
 */
export const STORED_ROWS = 100;

export interface Firing {
  key: string;
  ruleId: string;
  runId: string;
  test: boolean;
  slotAt: string | null;
  window: FiringMessage['window'];
  queryHandle: string | null;
  columns: string[];
  rows: Row[];
  totalRows: number;
  conditionMet: boolean;
  condition: string;
  rule: { name: string; summaryTemplate: string; rowTemplate: string };
  query: { id: string; name: string };
  dedupe: boolean;
}

export function fingerprint(columns: string[], row: Row): string {
  return createHash('sha256')
    .update(JSON.stringify(columns.map((c) => [c, row[c] ?? ''])))
    .digest('hex');
}

/** The firing's id, or null when its key was already used. */
/** A delivery the worker (deliver.ts) sends as soon as it can: the outbox row of one message to one destination. */
export function pendingDelivery(d: { firingId: string; destinationId: string; idempotencyKey: string; body: string; now: string }) {
  return {
    id: randomUUID(),
    firing_id: d.firingId,
    destination_id: d.destinationId,
    idempotency_key: d.idempotencyKey,
    status: 'pending' as const,
    attempts: 0,
    next_attempt_at: d.now,
    lease_until: null,
    body: d.body,
    last_status: null,
    last_error: null,
    attempt_log: '[]',
    delivered_at: null,
    created_at: d.now,
  };
}

export async function recordFiring(db: Kysely<Database>, f: Firing): Promise<string | null> {
  const id = randomUUID();
  const now = new Date().toISOString();
  const base = baseUrl().replace(/\/$/, '');
  const destinations = await db
    .selectFrom('alert_rule_destinations')
    .innerJoin('alert_destinations', 'alert_destinations.id', 'alert_rule_destinations.destination_id')
    .select(['alert_destinations.id', 'alert_destinations.kind'])
    .where('alert_rule_destinations.rule_id', '=', f.ruleId)
    .execute();
  return db.transaction().execute(async (tx) => {
    const inserted = await tx
      .insertInto('alert_firings')
      .values({
        id,
        rule_id: f.ruleId,
        run_id: f.runId,
        idempotency_key: f.key,
        test: f.test ? 1 : 0,
        slot_at: f.slotAt,
        fired_at: now,
        window_start: f.window?.start ?? null,
        window_end: f.window?.end ?? null,
        row_count: f.rows.length,
        columns: JSON.stringify(f.columns),
        rows: JSON.stringify(f.rows.slice(0, STORED_ROWS).map((r) => f.columns.map((c) => r[c] ?? ''))),
        query_handle: f.queryHandle,
        summary: '',
      })
      .onConflict((oc) => oc.column('idempotency_key').doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) !== 1) return null;
    const message = (deliveryId: string): FiringMessage => ({
      deliveryId,
      firingId: id,
      test: f.test,
      conditionMet: f.conditionMet,
      rule: { id: f.ruleId, name: f.rule.name, url: `${base}/alerts/${f.ruleId}` },
      query: { id: f.query.id, name: f.query.name, url: `${base}/saved/${f.query.id}` },
      resultUrl: `${base}/alerts/firings/${id}`,
      queryHandle: f.queryHandle,
      firedAt: now,
      window: f.window,
      condition: f.condition,
      columns: f.columns,
      rows: f.rows,
      rowCount: f.rows.length,
      totalRows: f.totalRows,
      summaryTemplate: f.rule.summaryTemplate,
      rowTemplate: f.rule.rowTemplate,
    });
    await tx
      .updateTable('alert_firings')
      .set({ summary: summaryText(message('')) })
      .where('id', '=', id)
      .execute();
    for (const d of destinations) {
      const deliveryKey = `${f.key}:${d.id}`;
      const body = firingBody(d.kind, message(deliveryKey));
      await tx
        .insertInto('alert_deliveries')
        .values(pendingDelivery({ firingId: id, destinationId: d.id, idempotencyKey: deliveryKey, body, now }))
        .execute();
    }
    if (f.dedupe && !f.test) {
      for (const r of f.rows) {
        await tx
          .insertInto('alert_notified_rows')
          .values({ rule_id: f.ruleId, fingerprint: fingerprint(f.columns, r), notified_at: now })
          .onConflict((oc) => oc.columns(['rule_id', 'fingerprint']).doNothing())
          .execute();
      }
    }
    return id;
  });
}
