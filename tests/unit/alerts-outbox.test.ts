import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../lib/db/schema';
import { ALERTS_USER, openAlertsDb } from '../helpers/alerts-db';
import type { Receiver } from '../helpers/receiver';

// The outbox on a real SQLite app database: a firing key is used once, and deliveries claimed by
// several workers at once are each sent once. (The server's own secret comes from the environment.)
process.env.NEXTAUTH_SECRET = 'unit-test-session-secret-0123456789abcdef';
process.env.TRAILBENCH_ALERT_RETRY_BASE_SECONDS = '0.1';
process.env.TRAILBENCH_WEBHOOK_ALLOWED_NETWORKS = '127.0.0.0/8'; // the receiver is local

let db: Kysely<Database>;
let receiver: Receiver;
const user = ALERTS_USER;

let close: () => Promise<void>;
beforeAll(async () => ({ db, receiver, close } = await openAlertsDb()));
afterAll(() => close());

describe('alert outbox', () => {
  it('records a firing key once and sends each delivery once however many workers claim it', async () => {
    const { createDestination } = await import('../../lib/alerts/destinations');
    const { recordFiring } = await import('../../lib/alerts/fire');
    const { deliverDue } = await import('../../lib/alerts/deliver');
    const { verify } = await import('../../lib/alerts/signature');
    const made = await createDestination(db, user, { name: 'Hook', kind: 'webhook', url: `${receiver.url}/hook`, sign: true });
    const stored = await db.selectFrom('alert_destinations').selectAll().executeTakeFirstOrThrow();
    expect(stored.url_secret).not.toContain(receiver.url);
    await db.insertInto('alert_rule_destinations').values({ rule_id: 'r1', destination_id: made.destination.id }).execute();
    const firing = {
      key: 'rule:r1:window:a/b',
      ruleId: 'r1',
      runId: 'run1',
      test: false,
      slotAt: '2026-01-01T00:00:00.000Z',
      window: { mode: 'schedule' as const, start: '2025-12-31T23:55:00.000Z', end: '2026-01-01T00:00:00.000Z' },
      queryHandle: 'h1',
      columns: ['ip'],
      rows: [{ ip: '203.0.113.9' }],
      totalRows: 1,
      conditionMet: true,
      condition: 'any row',
      rule: { name: 'R', summaryTemplate: '', rowTemplate: '{{ip}}' },
      query: { id: 'q1', name: 'Q' },
      dedupe: true,
    };
    const id = await recordFiring(db, firing);
    expect(id).toBeTruthy();
    expect(await recordFiring(db, { ...firing, runId: 'run2' })).toBeNull();
    expect(await db.selectFrom('alert_deliveries').select('idempotency_key').execute()).toEqual([
      { idempotency_key: `rule:r1:window:a/b:${made.destination.id}` },
    ]);
    expect(await db.selectFrom('alert_notified_rows').select('rule_id').execute()).toHaveLength(1);

    const sent = await Promise.all([deliverDue(db), deliverDue(db), deliverDue(db)]);
    expect(sent.reduce((a, b) => a + b, 0)).toBe(1);
    expect(receiver.received).toHaveLength(1);
    expect(verify(receiver.received[0].body, made.signingSecret!, receiver.received[0].headers['x-trailbench-signature'] as string)).toBe(true);
    expect(JSON.parse(receiver.received[0].body)).toMatchObject({ firingId: id, lines: ['203.0.113.9'] });
    expect(await db.selectFrom('alert_deliveries').select(['status', 'attempts']).executeTakeFirst()).toEqual({ status: 'delivered', attempts: 1 });
    expect(await deliverDue(db)).toBe(0);
  });

  it('gives up at once on an answer that retrying cannot fix, and keeps the attempt', async () => {
    const { createDestination } = await import('../../lib/alerts/destinations');
    const { recordFiring } = await import('../../lib/alerts/fire');
    const { deliverDue } = await import('../../lib/alerts/deliver');
    receiver.script('/gone', [404]);
    const made = await createDestination(db, user, { name: 'Gone', kind: 'slack', url: `${receiver.url}/gone`, sign: false });
    await db.insertInto('alert_rule_destinations').values({ rule_id: 'r2', destination_id: made.destination.id }).execute();
    await recordFiring(db, {
      key: 'test:run3',
      ruleId: 'r2',
      runId: 'run3',
      test: true,
      slotAt: null,
      window: null,
      queryHandle: null,
      columns: [],
      rows: [],
      totalRows: 0,
      conditionMet: false,
      condition: 'any row',
      rule: { name: 'R2', summaryTemplate: '', rowTemplate: '' },
      query: { id: 'q1', name: 'Q' },
      dedupe: false,
    });
    await deliverDue(db);
    const d = await db.selectFrom('alert_deliveries').selectAll().where('destination_id', '=', made.destination.id).executeTakeFirstOrThrow();
    expect(d).toMatchObject({ status: 'failed', attempts: 1, last_status: 404 });
    expect(JSON.parse(d.attempt_log)[0].error).toMatch(/^HTTP 404/);
    expect(JSON.parse(receiver.on('/gone')[0].body).text).toMatch(/^\[Test\] Test of “R2”/);
  });
});
