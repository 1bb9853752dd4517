import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../lib/db/schema';
import { ALERTS_USER, openAlertsDb } from '../helpers/alerts-db';
import type { Receiver } from '../helpers/receiver';

// PagerDuty, Microsoft Teams and Opsgenie destinations through the real outbox (SQLite app
// database, recordFiring, deliverDue) to a local HTTP receiver standing in for each service.
process.env.NEXTAUTH_SECRET = 'unit-test-session-secret-0123456789abcdef';
process.env.TRAILBENCH_WEBHOOK_ALLOWED_NETWORKS = '127.0.0.0/8'; // the receiver is local

let db: Kysely<Database>;
let receiver: Receiver;
const user = ALERTS_USER;
const ROUTING_KEY = 'R0UT1NGKEY0123456789abcdefABCDEF';
const GENIE_KEY = 'eb243592-faa2-4ba2-a551q-1afdf565c889';

let close: () => Promise<void>;
beforeAll(async () => ({ db, receiver, close } = await openAlertsDb()));
afterAll(() => close());

const firing = (window: string) => ({
  key: `rule:r1:window:${window}`,
  ruleId: 'r1',
  runId: `run-${window}`,
  test: false,
  slotAt: '2026-01-01T00:00:00.000Z',
  window: { mode: 'schedule' as const, start: '2025-12-31T23:55:00.000Z', end: '2026-01-01T00:00:00.000Z' },
  queryHandle: 'h1',
  columns: ['eventName', 'principal'],
  rows: [{ eventName: 'StopLogging', principal: 'arn:aws:iam::111122223333:user/mallory' }],
  totalRows: 1,
  conditionMet: true,
  condition: 'any row',
  rule: { name: 'CloudTrail logging stopped', summaryTemplate: '', rowTemplate: '' },
  query: { id: 'q1', name: 'cloudtrail-logging-stopped' },
  dedupe: false,
});
const bodies = (p: string) => receiver.on(p).map((r) => JSON.parse(r.body) as Record<string, any>);

describe('PagerDuty, Teams and Opsgenie destinations', () => {
  it('refuses incomplete destinations, naming the field', async () => {
    const { destinationInput } = await import('../../lib/alerts/input');
    const issue = (x: unknown) => destinationInput.safeParse(x).error?.issues[0];
    expect(issue({ name: 'PD', kind: 'pagerduty' })).toMatchObject({ path: ['key'], message: "needs the integration's routing key" });
    expect(issue({ name: 'OG', kind: 'opsgenie', url: 'ftp://x', key: 'k' })).toMatchObject({ path: ['url'], message: 'must be an http:// or https:// URL' });
    expect(issue({ name: 'T', kind: 'teams', url: 'http://10.1.2.3/hook' })?.message).toMatch(/not a public address/);
    expect(issue({ name: 'PD', kind: 'pagerduty', key: 'k' })).toBeUndefined(); // the public Events API
  });

  it('trigger with a stable dedup key per rule, an Adaptive Card, an Opsgenie alert; then resolve and close once', async () => {
    const { createDestination } = await import('../../lib/alerts/destinations');
    const { recordFiring } = await import('../../lib/alerts/fire');
    const { deliverDue } = await import('../../lib/alerts/deliver');
    const { recordResolution } = await import('../../lib/alerts/destinations/resolve');
    const made = [
      await createDestination(db, user, { name: 'PD', kind: 'pagerduty', url: `${receiver.url}/v2/enqueue`, key: ROUTING_KEY, sign: false }),
      await createDestination(db, user, { name: 'Teams', kind: 'teams', url: `${receiver.url}/teams`, sign: false }),
      await createDestination(db, user, { name: 'OG', kind: 'opsgenie', url: `${receiver.url}/v2/alerts`, key: GENIE_KEY, sign: false }),
    ];
    for (const m of made) {
      expect(m).not.toHaveProperty('signingSecret');
      await db.insertInto('alert_rule_destinations').values({ rule_id: 'r1', destination_id: m.destination.id }).execute();
    }
    // the keys are stored encrypted and not in the queued bodies
    const stored = JSON.stringify(await db.selectFrom('alert_destinations').selectAll().execute());
    expect(stored).not.toContain(ROUTING_KEY);
    expect(stored).not.toContain(GENIE_KEY);

    await recordFiring(db, firing('a'));
    await recordFiring(db, firing('b'));
    expect(JSON.stringify(await db.selectFrom('alert_deliveries').select('body').execute())).not.toContain(ROUTING_KEY);
    expect(await deliverDue(db)).toBe(6);

    const triggers = bodies('/v2/enqueue');
    expect(triggers).toHaveLength(2);
    for (const t of triggers) {
      expect(t).toMatchObject({
        routing_key: ROUTING_KEY,
        event_action: 'trigger',
        dedup_key: 'trailbench-rule-r1',
        payload: { source: 'trailbench', severity: 'error', summary: 'CloudTrail logging stopped: 1 matching rows in cloudtrail-logging-stopped' },
      });
      expect(t.payload.custom_details.rows).toEqual([{ eventName: 'StopLogging', principal: 'arn:aws:iam::111122223333:user/mallory' }]);
      expect(Date.parse(t.payload.timestamp)).not.toBeNaN();
    }

    const [card] = bodies('/teams');
    expect(card.type).toBe('message');
    expect(card.attachments[0].contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(card.attachments[0].content).toMatchObject({ type: 'AdaptiveCard', version: '1.4' });
    expect(JSON.stringify(card.attachments[0].content.body)).toContain('eventName=StopLogging, principal=arn:aws:iam::111122223333:user/mallory');

    const og = receiver.on('/v2/alerts');
    expect(og).toHaveLength(2);
    expect(og[0].headers.authorization).toBe(`GenieKey ${GENIE_KEY}`);
    expect(JSON.parse(og[0].body)).toMatchObject({ message: 'CloudTrail logging stopped', alias: 'trailbench-rule-r1', source: 'Trailbench', priority: 'P3' });

    // a quiet run afterwards resolves and closes, once
    expect(await recordResolution(db, 'r1')).toBe(2);
    expect(await recordResolution(db, 'r1')).toBe(0);
    expect(await deliverDue(db)).toBe(2);
    expect(bodies('/v2/enqueue')[2]).toEqual({ routing_key: ROUTING_KEY, event_action: 'resolve', dedup_key: 'trailbench-rule-r1' });
    const close = receiver.on('/v2/alerts/trailbench-rule-r1/close?identifierType=alias');
    expect(close).toHaveLength(1);
    expect(close[0].headers.authorization).toBe(`GenieKey ${GENIE_KEY}`);
    expect(JSON.parse(close[0].body)).toMatchObject({ source: 'Trailbench' });
    expect(await db.selectFrom('alert_deliveries').select('status').where('status', '<>', 'delivered').execute()).toEqual([]);
  });
});
