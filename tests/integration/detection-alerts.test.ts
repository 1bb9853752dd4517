import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { detectionById } from '../../lib/detections';
import { detectionQuery } from '../../lib/detections/instantiate';
import { historyOf, json, storeWith, waitFor } from '../helpers/alerts-api';
import { startReceiver, type Receiver } from '../helpers/receiver';
import { ADMIN, signIn, type SessionFetch } from '../helpers/session';

/**
 * A detection of the library as an alert rule on the running server, notifying PagerDuty (a local
 * receiver): the fixture's events imported with recent times, the detection saved as a query
 * (its parameters filled, the window left to the rule), a test and a scheduled firing that share
 * the rule's dedup key.
 */
const baseUrl = inject('baseUrl');
const database = inject('database');
const ROUTING_KEY = 'it-routing-key-0123456789abcdef';
let admin: SessionFetch;
let receiver: Receiver;
let storeId: string;

beforeAll(async () => {
  admin = await signIn(baseUrl, ADMIN.email, ADMIN.password);
  receiver = await startReceiver();
  const fx = JSON.parse(fs.readFileSync('tests/detections/fixtures/cloudtrail-logging-stopped.json', 'utf8'));
  const newest = Math.floor((Date.now() - 180_000) / 1000) * 1000;
  // the firing event first and oldest: an anchored window ends at the newest event, and ranges are half-open
  const all: Record<string, unknown>[] = [...fx.fires.events, ...fx.silent.events];
  const events = all.map((e, i) => ({ ...e, eventTime: new Date(newest - (all.length - 1 - i) * 1000).toISOString().replace('.000Z', 'Z') }));
  storeId = await storeWith(baseUrl, `detections-${database}`, events);
});
afterAll(async () => {
  await receiver?.close();
});

describe(`a detection as an alert rule on ${database}`, () => {
  it('sends PagerDuty triggers with the rows and one dedup key for the rule', async () => {
    const d = detectionById('cloudtrail-logging-stopped')!;
    const q = await json<{ query: { id: string } }>(
      await admin('/api/saved-queries', { method: 'POST', json: { name: d.title, sql: detectionQuery(d), storeId } }),
    );
    const pd = await json<{ destination: { id: string; urlHint: string } }>(
      await admin('/api/alerts/destinations', {
        method: 'POST',
        json: { name: 'PagerDuty', kind: 'pagerduty', url: `${receiver.url}/v2/enqueue`, key: ROUTING_KEY },
      }),
    );
    expect(JSON.stringify(pd)).not.toContain(ROUTING_KEY);
    const { rule } = await json<{ rule: { id: string } }>(
      await admin('/api/alerts/rules', {
        method: 'POST',
        json: {
          name: d.title,
          savedQueryId: q.query.id,
          schedule: { kind: 'cron', expression: '*/2 * * * * *' },
          window: { mode: 'anchored', minutes: 60 },
          condition: { kind: 'rows', atLeast: 1 },
          destinationIds: [pd.destination.id],
        },
      }),
    );
    const test = await json<{ run: { status: string } }>(await admin(`/api/alerts/rules/${rule.id}/test`, { method: 'POST', json: {} }));
    expect(test.run.status).toBe('fired');
    const triggers = await waitFor(async () => {
      const got = receiver.on('/v2/enqueue');
      return got.length >= 2 && got.map((r) => JSON.parse(r.body));
    }, 'a test and a scheduled trigger');
    await admin(`/api/alerts/rules/${rule.id}`, { method: 'PATCH', json: { enabled: false } });
    for (const t of triggers.slice(0, 2)) {
      expect(t).toMatchObject({
        routing_key: ROUTING_KEY,
        event_action: 'trigger',
        dedup_key: `trailbench-rule-${rule.id}`,
        payload: { source: 'trailbench', group: d.title },
      });
      expect(t.payload.custom_details.rowCount).toBe(1);
      expect(t.payload.custom_details.rows[0]).toMatchObject({ eventName: 'StopLogging', trail: 'arn:aws:cloudtrail:us-east-1:111122223333:trail/main' });
    }
    expect(triggers.map((t) => t.payload.severity).sort()).toEqual(['error', 'info']);
    const deliveries = (await historyOf(admin, rule.id)).flatMap((r) => r.firing?.deliveries ?? []);
    expect(deliveries.every((x) => x.status === 'delivered')).toBe(true);
  });
});
