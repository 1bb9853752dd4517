import path from 'node:path';
import { afterAll, expect, inject, it } from 'vitest';
import { historyOf, json, storeWith, waitFor } from '../helpers/alerts-api';
import { failures } from '../helpers/console-logins';
import { LAKE_KEYS } from '../helpers/lake-client';
import { freePort, startReceiver, type Receiver } from '../helpers/receiver';
import { startServer, type TestServer } from '../helpers/server';
import { ADMIN, signIn } from '../helpers/session';
import { testImportRoot } from '../helpers/import-root';

/**
 * A server of its own, stopped after a rule fired but before its webhook could be delivered (the
 * receiver is down), then started again on the same data: the delivery is sent once, the slots
 * missed while it was down are caught up, and nothing is notified twice.
 */
const PORT = Number(process.env.TRAILBENCH_IT_PORT ?? 3124) + 50;
const dataDir = path.resolve(__dirname, '../../.tmp/it-restart-data');
const env = {
  TRAILBENCH_DEMO_EVENTS: '0',
  TRAILBENCH_ADMIN_EMAIL: ADMIN.email,
  TRAILBENCH_ADMIN_PASSWORD: ADMIN.password,
  PORT: String(PORT),
  TRAILBENCH_LAKE_ACCESS_KEY_ID: LAKE_KEYS.accessKeyId,
  TRAILBENCH_LAKE_SECRET_ACCESS_KEY: LAKE_KEYS.secretAccessKey,
  TRAILBENCH_ALERT_TICK_SECONDS: '1',
  TRAILBENCH_ALERT_RETRY_BASE_SECONDS: '1',
  TRAILBENCH_WEBHOOK_ALLOWED_NETWORKS: '127.0.0.0/8',
  TRAILBENCH_IMPORT_ROOTS: testImportRoot(), // storeWith imports from there
  ...(inject('ownDatabaseUrl') ? { DATABASE_URL: inject('ownDatabaseUrl') } : {}),
};
let server: TestServer | undefined;
let receiver: Receiver | undefined;
afterAll(async () => {
  await server?.stop();
  await receiver?.close();
});

it('delivers a firing recorded before a restart exactly once after it, and catches up without double-notifying', async () => {
  server = await startServer({ port: PORT, dataDir, env });
  let admin = await signIn(server.url, ADMIN.email, ADMIN.password);
  const newest = new Date(Math.floor((Date.now() - 120_000) / 1000) * 1000);
  const storeId = await storeWith(server.url, 'restart', failures(8, { end: newest, ip: '203.0.113.50', user: 'erin', region: 'eu-central-1' }));
  const port = await freePort(); // the receiver is down for now
  const { destination } = await json<{ destination: { id: string } }>(
    await admin('/api/alerts/destinations', { method: 'POST', json: { name: 'Later', kind: 'webhook', url: `http://127.0.0.1:${port}/hook` } }),
  );
  const { rule } = await json<{ rule: { id: string } }>(
    await admin('/api/alerts/templates/failed-console-sign-ins', {
      method: 'POST',
      json: { storeId, params: { failures: 5, windowMinutes: 10 }, destinationIds: [destination.id], schedule: { kind: 'cron', expression: '*/2 * * * * *' } },
    }),
  );

  const pending = await waitFor(async () => {
    const d = (await historyOf(admin, rule.id)).find((r) => r.firing)?.firing?.deliveries[0];
    return d && d.attempts >= 1 && d.status === 'retrying' && d;
  }, 'a failed first attempt');
  expect(pending.lastError).toMatch(/ECONNREFUSED|fetch failed/);
  const stoppedAt = new Date().toISOString();
  await server.stop();
  // the server stays down over two of the rule's 2-second slots, so there is something to catch up
  // (a restart quicker than a slot, as on a fast machine, misses none)
  await new Promise((r) => setTimeout(r, 4000));

  receiver = await startReceiver(port);
  server = await startServer({ port: PORT, dataDir, env, keepData: true });
  const restartedAt = new Date().toISOString();
  admin = await signIn(server.url, ADMIN.email, ADMIN.password);
  const runs = await waitFor(
    async () => {
      const h = await historyOf(admin, rule.id);
      const done = h.find((r) => r.firing)?.firing?.deliveries[0]?.status === 'delivered';
      const after = h.filter((r) => r.kind === 'scheduled' && r.startedAt > restartedAt && r.status !== 'running');
      const catchingUp = h.some((r) => r.status === 'running' && r.slotAt! < restartedAt);
      return done && after.length >= 3 && !catchingUp && h;
      // a run cut short by the stop is run again: the restarted server releases the leases it held
    },
    'the delivery and three runs after the restart',
    180_000,
  );

  expect(receiver.received).toHaveLength(1);
  const body = JSON.parse(receiver.received[0].body);
  expect(body.result.rows).toEqual([
    expect.objectContaining({ sourceIPAddress: '203.0.113.50', failures: '8', userNames: 'erin', awsRegions: 'eu-central-1' }),
  ]);
  expect(receiver.received[0].headers['x-trailbench-delivery']).toBe(pending.deliveryKey);
  expect(runs.filter((r) => r.firing)).toHaveLength(1);
  // slots that fell while the server was down were run after it came back, and said nothing new
  const caughtUp = runs.filter((r) => r.slotAt! > stoppedAt && r.slotAt! < restartedAt);
  expect(caughtUp.length).toBeGreaterThan(0);
  expect(caughtUp.map((r) => `${r.status} ${r.error ?? ''}`).filter((x) => !/^(suppressed|ok) $/.test(x))).toEqual([]);
  const d = runs.find((r) => r.firing)!.firing!.deliveries[0];
  expect(d.attemptLog.at(-1)).toMatchObject({ status: 200 });
  expect(d.attemptLog.slice(0, -1).every((a) => a.status === undefined && a.error)).toBe(true);
}, 360_000);
