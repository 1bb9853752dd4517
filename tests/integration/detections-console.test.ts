import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { historyOf, json, storeWith, waitFor } from '../helpers/alerts-api';
import { startReceiver, type Receiver } from '../helpers/receiver';
import { ADMIN, session, signIn, type SessionFetch } from '../helpers/session';
import { attachment, startSmtp, type TestSmtp } from '../helpers/smtp';

/**
 * The Detections API on the running server: the library with coverage for a store, Enable in one
 * step (saved query + rule), a scheduled run on a positive fixture that emails the rows to a real
 * SMTP server (its certificate trusted by the server through NODE_EXTRA_CA_CERTS, see global-setup)
 * and triggers PagerDuty on a local receiver; Disable; and a scheduled report with its CSV.
 */
const baseUrl = inject('baseUrl');
const database = inject('database');
const smtpTls = inject('smtpTls');
const ROUTING_KEY = 'it-detections-routing-key-0123456789';
const DETECTION = 'cloudtrail-logging-stopped';
let admin: SessionFetch;
let receiver: Receiver;
let smtp: TestSmtp;
let storeId: string;
let stopLoggings: number; // StopLogging events in the store (the fixture's fires and near misses)
const destinations: string[] = [];

interface Listing {
  id: string;
  coverage: { status: string; missing: string[] } | null;
  rules: { ruleId: string; enabled: boolean; lastRunAt: string | null; lastFindings: number | null }[];
}
interface Catalog {
  detections: Listing[];
  matrix: { id: string; techniques: { id: string; detections: number; enabled: number }[] }[];
}

const catalog = async () => json<Catalog>(await admin(`/api/detections?storeId=${storeId}`));
const smtpUrl = () => `smtp://alerts:s3cret@127.0.0.1:${smtp.port}/?from=trailbench@example.com&to=soc@example.com`;

beforeAll(async () => {
  admin = await signIn(baseUrl, ADMIN.email, ADMIN.password);
  receiver = await startReceiver();
  smtp = await startSmtp(smtpTls);
  const fx = JSON.parse(fs.readFileSync(`tests/detections/fixtures/${DETECTION}.json`, 'utf8'));
  const all: Record<string, unknown>[] = [...fx.fires.events, ...fx.silent.events];
  const newest = Math.floor((Date.now() - 180_000) / 1000) * 1000;
  const events = all.map((e, i) => ({ ...e, eventTime: new Date(newest - (all.length - 1 - i) * 1000).toISOString().replace('.000Z', 'Z') }));
  stopLoggings = all.filter((e) => e.eventName === 'StopLogging').length;
  storeId = await storeWith(baseUrl, `detections-console-${database}`, events);
  for (const d of [
    { name: 'SOC mail', kind: 'email', url: smtpUrl() },
    { name: 'PagerDuty (detections)', kind: 'pagerduty', url: `${receiver.url}/v2/enqueue`, key: ROUTING_KEY },
  ])
    destinations.push((await json<{ destination: { id: string } }>(await admin('/api/alerts/destinations', { method: 'POST', json: d }))).destination.id);
});
afterAll(async () => {
  await receiver?.close();
  await smtp?.close();
});

describe(`detections in the console on ${database}`, () => {
  it('lists the library with coverage for a store and an ATT&CK matrix', async () => {
    const c = await catalog();
    expect(c.detections.length).toBeGreaterThanOrEqual(40);
    // a store of management events (the default) cannot fire a detection that needs S3 data events
    expect(c.detections.find((d) => d.id === DETECTION)!.coverage).toEqual({ status: 'recorded', missing: [] });
    const dataEvents = c.detections.filter((d) => d.coverage?.status === 'missing');
    expect(dataEvents.length).toBeGreaterThan(0);
    expect(dataEvents[0].coverage!.missing.join(' ')).toMatch(/\S+ \S+/);
    const evasion = c.matrix.find((t) => t.id === 'TA0005')!;
    expect(evasion.techniques.find((t) => t.id === 'T1562.008')).toMatchObject({ enabled: 0 });
    expect(evasion.techniques.find((t) => t.id === 'T1562.008')!.detections).toBeGreaterThan(0);
  });

  it('refuses Enable to a viewer and names a bad parameter', async () => {
    const email = `detections-viewer-${database}@example.test`;
    const invite = await json<{ inviteUrl: string }>(await admin('/api/users', { method: 'POST', json: { email, role: 'viewer' } }));
    await json(
      await session(baseUrl)('/api/invites/accept', {
        method: 'POST',
        json: { token: new URL(invite.inviteUrl).searchParams.get('token'), password: 'viewer-password-123' },
      }),
    );
    const viewer = await signIn(baseUrl, email, 'viewer-password-123');
    expect((await viewer(`/api/detections/${DETECTION}/enable`, { method: 'POST', json: { storeId } })).status).toBe(403);
    expect((await viewer('/api/detections')).status).toBe(200);
    const bad = await admin('/api/detections/console-sign-in-outside-allow-list/enable', {
      method: 'POST',
      json: { storeId, params: { allowedIps: ['not-an-ip'] } },
    });
    expect(bad.status).toBe(400);
    expect((await admin('/api/detections/no-such-detection/enable', { method: 'POST', json: { storeId } })).status).toBe(404);
  });

  it('enables a detection in one step; a scheduled run emails the rows and triggers PagerDuty with a stable dedup key', async () => {
    const { rule } = await json<{ rule: { id: string; name: string; savedQueryId: string; conditionText: string; destinations: unknown[] } }>(
      await admin(`/api/detections/${DETECTION}/enable`, {
        method: 'POST',
        json: { storeId, schedule: { kind: 'cron', expression: '*/2 * * * * *' }, windowMinutes: 60, destinationIds: destinations },
      }),
    );
    expect(rule).toMatchObject({ name: 'Detection: CloudTrail trail logging stopped', conditionText: 'any row' });
    expect(rule.destinations).toHaveLength(2);
    expect((await admin(`/api/detections/${DETECTION}/enable`, { method: 'POST', json: { storeId } })).status).toBe(409);
    const saved = await json<{ query: { sql: string; tags: string[] } }>(await admin(`/api/saved-queries/${rule.savedQueryId}`));
    expect(saved.query.tags).toContain(`detection:${DETECTION}`);
    expect(saved.query.sql).not.toMatch(/\{\{(?!start|end)/); // parameters filled, the window left to the rule

    const mail = await waitFor(async () => smtp.mails[0], 'the alert email');
    expect(mail).toMatchObject({ secure: true, user: 'alerts', to: ['soc@example.com'] });
    expect(mail.raw).toMatch(/^Subject: \[Trailbench\] Detection: CloudTrail trail logging stopped: 1 rows$/m);
    expect(attachment(mail.raw)).toMatch(/StopLogging/);
    expect(attachment(mail.raw)).toContain('arn:aws:cloudtrail:us-east-1:111122223333:trail/main');
    const trigger = await waitFor(async () => receiver.on('/v2/enqueue')[0], 'the PagerDuty trigger');
    const body = JSON.parse(trigger.body);
    expect(body).toMatchObject({ routing_key: ROUTING_KEY, event_action: 'trigger', dedup_key: `trailbench-rule-${rule.id}` });
    expect(body.payload.custom_details.rows[0]).toMatchObject({ eventName: 'StopLogging' });

    const listed = await waitFor(async () => {
      const d = (await catalog()).detections.find((x) => x.id === DETECTION)!;
      return d.rules[0]?.lastFindings === 1 && d;
    }, 'the last run with its finding on the page');
    expect(listed.rules[0]).toMatchObject({ ruleId: rule.id, enabled: true });
    expect(listed.rules[0].lastRunAt).not.toBeNull();
    const tech = (await catalog()).matrix.find((t) => t.id === 'TA0005')!.techniques.find((t) => t.id === 'T1562.008')!;
    expect(tech.enabled).toBeGreaterThan(0);

    // later runs find the same row: it is not sent again (rows are deduplicated), so nobody is paged twice;
    // whatever else reaches PagerDuty for the rule (a resolve) carries the same dedup key
    await waitFor(async () => (await historyOf(admin, rule.id)).filter((r) => r.status !== 'running').length >= 3 || undefined, 'more runs');
    const sent = receiver.on('/v2/enqueue').map((r) => JSON.parse(r.body) as { event_action: string; dedup_key: string });
    expect(sent.filter((b) => b.event_action === 'trigger')).toHaveLength(1);
    expect(new Set(sent.map((b) => b.dedup_key))).toEqual(new Set([`trailbench-rule-${rule.id}`]));

    const off = await json<{ rules: { id: string; enabled: boolean }[] }>(
      await admin(`/api/detections/${DETECTION}/disable`, { method: 'POST', json: { storeId } }),
    );
    expect(off.rules).toEqual([expect.objectContaining({ id: rule.id, enabled: false })]);
    expect((await catalog()).detections.find((x) => x.id === DETECTION)!.rules[0].enabled).toBe(false);
  });

  it('sends a scheduled report with its CSV every run, whether or not a condition holds', async () => {
    const sql = `SELECT eventName, count(*) AS n FROM ${storeId} WHERE eventTime >= '{{window_start}}' AND eventTime < '{{window_end}}' GROUP BY eventName ORDER BY eventName`;
    const q = await json<{ query: { id: string } }>(await admin('/api/saved-queries', { method: 'POST', json: { name: 'Daily event counts', sql, storeId } }));
    const before = smtp.mails.length;
    const { rule } = await json<{ rule: { id: string; conditionText: string } }>(
      await admin('/api/alerts/rules', {
        method: 'POST',
        json: {
          name: 'Event counts report',
          savedQueryId: q.query.id,
          schedule: { kind: 'cron', expression: '*/2 * * * * *' },
          window: { mode: 'schedule', minutes: 60 },
          condition: { kind: 'report' },
          destinationIds: [destinations[0]],
        },
      }),
    );
    expect(rule.conditionText).toBe('every run (scheduled report)');
    const reports = await waitFor(async () => smtp.mails.length >= before + 2 && smtp.mails.slice(before), 'two reports');
    await admin(`/api/alerts/rules/${rule.id}`, { method: 'PATCH', json: { enabled: false } });
    for (const m of reports.slice(0, 2)) {
      expect(m.raw).toMatch(/^Subject: \[Trailbench\] Event counts report: \d+ rows$/m);
      const csv = attachment(m.raw);
      expect(csv.split('\r\n')[0]).toBe('eventName,n');
      expect(csv).toContain(`\r\nStopLogging,${stopLoggings}\r\n`);
    }
  });
});
