import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { verify } from '../../lib/alerts/signature';
import { historyOf, json, storeWith, waitFor, type HistoryRun } from '../helpers/alerts-api';
import { consoleLogin, failures } from '../helpers/console-logins';
import { startReceiver, type Receiver } from '../helpers/receiver';
import { ADMIN, session, signIn, type SessionFetch } from '../helpers/session';

/**
 * Alerts end to end over HTTP: the seed's two scenarios on events imported into a store of their
 * own, a local receiver standing in for Slack and for a signed webhook.
 */
const baseUrl = inject('baseUrl');
const database = inject('database');
const EVERY_2S = { kind: 'cron', expression: '*/2 * * * * *' };
const secretPath = (name: string) => `/${name}/${randomBytes(12).toString('hex')}`; // the URLs' secret part
const seen: string[] = [];

let admin: SessionFetch;
let receiver: Receiver;
let storeId: string;
const paths = { slack: secretPath('slack'), hook: secretPath('hook'), quiet: secretPath('quiet'), flaky: secretPath('flaky') };
const dest: Record<string, string> = {};
let hookSecret = '';

// newest event 3 minutes ago; times to the second as CloudTrail writes them
const newest = new Date(Math.floor((Date.now() - 180_000) / 1000) * 1000);
const before = (m: number) => new Date(newest.getTime() - m * 60_000);
const ALLOWED = ['211.60.50.190', '203.0.113.9', '192.0.2.44', '203.0.113.77'];

async function call<T = Record<string, unknown>>(path: string, init?: Parameters<SessionFetch>[1]): Promise<T> {
  const res = await admin(path, init);
  const text = await res.clone().text();
  seen.push(text);
  return json<T>(res);
}

async function destination(name: string, kind: 'slack' | 'webhook', path: string, sign = false) {
  const r = await call<{ destination: { id: string; urlHint: string }; signingSecret?: string }>('/api/alerts/destinations', {
    method: 'POST',
    json: { name, kind, url: receiver.url + path, sign },
  });
  dest[name] = r.destination.id;
  return r;
}

async function fromTemplate(template: string, params: Record<string, unknown>, destinationIds: string[], name: string, enabled = true) {
  const r = await call<{ rule: { id: string }; query: { id: string } }>(`/api/alerts/templates/${template}`, {
    method: 'POST',
    json: { storeId, params, destinationIds, schedule: EVERY_2S, name, enabled },
  });
  return r.rule.id;
}

const firings = (runs: HistoryRun[]) => runs.filter((r) => r.firing && !r.firing.test).map((r) => r.firing!);
const delivered = (runs: HistoryRun[]) =>
  firings(runs)
    .flatMap((f) => f.deliveries)
    .every((d) => d.status === 'delivered') && firings(runs).length > 0;
/** Waits until the rule has made `n` more scheduled runs after those in `runs`. */
async function moreRuns(ruleId: string, runs: HistoryRun[], n: number) {
  return waitFor(async () => {
    const now = await historyOf(admin, ruleId);
    return now.filter((r) => r.kind === 'scheduled' && r.status !== 'running').length >= runs.filter((r) => r.kind === 'scheduled').length + n
      ? now
      : undefined;
  }, `${n} more runs of rule ${ruleId}`);
}

beforeAll(async () => {
  admin = await signIn(baseUrl, ADMIN.email, ADMIN.password);
  receiver = await startReceiver();
  storeId = await storeWith(baseUrl, `alerts-${database}`, [
    consoleLogin({ time: before(2), ip: '211.60.50.190', user: 'alice', success: true, region: 'ap-northeast-2' }),
    consoleLogin({ time: before(5), ip: '198.51.100.23', user: 'mallory', success: true, region: 'us-west-2' }),
    consoleLogin({ time: before(45), ip: '198.51.100.99', user: 'early', success: true }),
    ...failures(6, { end: newest, ip: '203.0.113.9', user: 'bob', region: 'ap-northeast-2' }),
    ...failures(3, { end: before(1), ip: '192.0.2.44', user: 'carol' }),
    ...failures(7, { end: before(30), ip: '203.0.113.77', user: 'dave', region: 'eu-west-1' }),
  ]);
  await destination('Slack', 'slack', paths.slack);
  hookSecret = (await destination('Hook', 'webhook', paths.hook, true)).signingSecret!;
  await destination('Quiet', 'webhook', paths.quiet);
  await destination('Flaky', 'webhook', paths.flaky);
});

afterAll(async () => {
  await receiver?.close();
});

describe(`alerts on ${database}`, () => {
  it('keeps webhook URLs server-side: masked in answers, a signing secret shown once', async () => {
    const list = await call<{ destinations: { name: string; urlHint: string; signed: boolean }[] }>('/api/alerts/destinations');
    expect(list.destinations.find((d) => d.name === 'Hook')).toMatchObject({ urlHint: `${receiver.url}/••••${paths.hook.slice(-4)}`, signed: true });
    expect(hookSecret).toMatch(/^tbwhsec_/);
    expect(JSON.stringify(list)).not.toContain(hookSecret);
  });

  it('refuses bad rules with a message that names the field', async () => {
    const bad = await admin('/api/alerts/rules', {
      method: 'POST',
      json: {
        name: 'x',
        savedQueryId: 'nope',
        schedule: { kind: 'cron', expression: '61 * * * *' },
        window: { mode: 'schedule', minutes: 5 },
        condition: { kind: 'rows', atLeast: 1 },
      },
    });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.message).toMatch(/^schedule\.expression: '61 \* \* \* \*' is not a cron expression/);
    const badIp = await admin('/api/alerts/templates/console-sign-in-outside-allowed-ips', {
      method: 'POST',
      json: { storeId, params: { allowedIps: ["1.1.1.1' OR '1'='1"] } },
    });
    expect((await badIp.json()).error.message).toMatch(/allowedIps\.0: .* is not an IPv4 or IPv6 address/);
    const template = await admin('/api/alerts/rules', {
      method: 'POST',
      json: {
        name: 'x',
        savedQueryId: 'nope',
        schedule: { kind: 'every', minutes: 5 },
        window: { mode: 'schedule', minutes: 5 },
        condition: { kind: 'rows', atLeast: 1 },
        rowTemplate: '{{ a + b }}',
      },
    });
    expect((await template.json()).error.message).toMatch(/rowTemplate '\{\{ a \+ b \}\}' at character 1 is not a placeholder name/);
  });

  it('fires "console sign-in from outside the allowed IPs" once, to Slack and a signed webhook, with user, region, IP and time', async () => {
    const ruleId = await fromTemplate('console-sign-in-outside-allowed-ips', { allowedIps: ALLOWED }, [dest.Slack, dest.Hook], 'Outside IPs');
    const quietId = await fromTemplate(
      'console-sign-in-outside-allowed-ips',
      { allowedIps: [...ALLOWED, '198.51.100.23'] },
      [dest.Quiet],
      'Outside IPs (all allowed)',
    );
    let runs = await waitFor(async () => {
      const h = await historyOf(admin, ruleId);
      return delivered(h) && h;
    }, 'the firing to be delivered');
    runs = await moreRuns(ruleId, runs, 3); // later runs see the same rows: nothing new to say
    expect(firings(runs)).toHaveLength(1);
    const firing = firings(runs)[0];
    expect(firing.rowCount).toBe(1);
    const row = Object.fromEntries(firing.columns.map((c, i) => [c, firing.rows[0][i]]));
    const time = newest.getTime() - 5 * 60_000;
    const eventTime = new Date(time).toISOString().replace('T', ' ').replace('Z', '');
    expect(row).toMatchObject({ userName: 'mallory', awsRegion: 'us-west-2', sourceIPAddress: '198.51.100.23', eventTime });
    expect(runs.filter((r) => r.kind === 'scheduled' && r.status !== 'fired').every((r) => r.status === 'ok' || r.status === 'suppressed')).toBe(true);

    const slack = receiver.on(paths.slack);
    expect(slack).toHaveLength(1);
    const blocks = JSON.parse(slack[0].body) as { text: string; blocks: { text?: { text: string } }[] };
    const text = blocks.blocks.map((b) => b.text?.text ?? '').join('\n');
    expect(text).toContain(`• mallory signed in (Success) from 198.51.100.23 in us-west-2 at ${eventTime} UTC`);
    expect(text).toMatch(new RegExp(`<${baseUrl}/alerts/firings/${firing.id}\\|Open the rows that fired>`));

    const hook = receiver.on(paths.hook);
    expect(hook).toHaveLength(1);
    expect(verify(hook[0].body, hookSecret, hook[0].headers['x-trailbench-signature'] as string)).toBe(true);
    expect(verify(hook[0].body.replace('mallory', 'mallorz'), hookSecret, hook[0].headers['x-trailbench-signature'] as string)).toBe(false);
    const payload = JSON.parse(hook[0].body);
    expect(payload).toMatchObject({ version: 1, event: 'alert.fired', test: false, firingId: firing.id, rule: { id: ruleId, name: 'Outside IPs' } });
    expect(payload.result.rows).toEqual([
      expect.objectContaining({ userName: 'mallory', awsRegion: 'us-west-2', sourceIPAddress: '198.51.100.23', eventTime }),
    ]);
    expect(hook[0].headers['x-trailbench-delivery']).toBe(payload.deliveryId);

    const quiet = await historyOf(admin, quietId);
    expect(quiet.filter((r) => r.kind === 'scheduled' && r.status === 'ok').length).toBeGreaterThan(0);
    expect(firings(quiet)).toEqual([]);
    expect(receiver.on(paths.quiet)).toEqual([]);
    for (const id of [ruleId, quietId]) await call(`/api/alerts/rules/${id}`, { method: 'PATCH', json: { enabled: false } });
  });

  it('fires "N failed console sign-ins within M minutes" for the one IP over the limit inside the window', async () => {
    const ruleId = await fromTemplate('failed-console-sign-ins', { failures: 5, windowMinutes: 10 }, [dest.Slack, dest.Hook], 'Failed sign-ins');
    const quietId = await fromTemplate('failed-console-sign-ins', { failures: 7, windowMinutes: 10 }, [dest.Quiet], 'Failed sign-ins (7)');
    const slackBefore = receiver.on(paths.slack).length;
    let runs = await waitFor(async () => {
      const h = await historyOf(admin, ruleId);
      return delivered(h) && h;
    }, 'the firing to be delivered');
    runs = await moreRuns(ruleId, runs, 3);
    expect(firings(runs)).toHaveLength(1);
    const f = firings(runs)[0];
    const rows = f.rows.map((cells) => Object.fromEntries(f.columns.map((c, i) => [c, cells[i]])));
    const ts = (d: Date) => d.toISOString().replace('T', ' ').replace('Z', '');
    expect(rows).toEqual([
      expect.objectContaining({ sourceIPAddress: '203.0.113.9', failures: '6', userNames: 'bob', awsRegions: 'ap-northeast-2', lastFailure: ts(newest) }),
    ]);
    expect(runs.find((r) => r.status === 'fired')).toMatchObject({ rowCount: 2, matchedCount: 1 }); // 192.0.2.44 had 3

    const slack = receiver.on(paths.slack).slice(slackBefore);
    expect(slack).toHaveLength(1);
    expect(slack[0].body).toContain(`203.0.113.9: 6 failures for bob in ap-northeast-2, ${ts(new Date(newest.getTime() - 100_000))} – ${ts(newest)} UTC`);
    const hooks = receiver.on(paths.hook).filter((h) => JSON.parse(h.body).rule.id === ruleId);
    expect(hooks).toHaveLength(1);
    expect(verify(hooks[0].body, hookSecret, hooks[0].headers['x-trailbench-signature'] as string)).toBe(true);

    expect(firings(await historyOf(admin, quietId))).toEqual([]);
    expect(receiver.on(paths.quiet)).toEqual([]);
    for (const id of [ruleId, quietId]) await call(`/api/alerts/rules/${id}`, { method: 'PATCH', json: { enabled: false } });
  });

  it('retries a receiver that fails twice, with backoff, and shows each attempt', async () => {
    receiver.script(paths.flaky, [500, 503]);
    const ruleId = await fromTemplate('failed-console-sign-ins', {}, [dest.Flaky], 'Flaky receiver', false);
    const { run } = await call<{ run: { status: string; firingId: string } }>(`/api/alerts/rules/${ruleId}/test`, { method: 'POST', json: {} });
    expect(run.status).toBe('fired');
    const d = await waitFor(async () => {
      const h = await historyOf(admin, ruleId);
      const x = h.find((r) => r.firing?.id === run.firingId)?.firing?.deliveries[0];
      return x?.status === 'delivered' && x;
    }, 'the flaky delivery to succeed');
    expect(d.attempts).toBe(3);
    expect(d.attemptLog.map((a) => a.status)).toEqual([500, 503, 200]);
    expect(d.attemptLog[0].error).toMatch(/^HTTP 500/);
    const got = receiver.on(paths.flaky);
    expect(got.map((r) => r.status)).toEqual([500, 503, 200]);
    expect(new Set(got.map((r) => r.body)).size).toBe(1); // the same bytes every time
    expect(new Set(got.map((r) => r.headers['x-trailbench-delivery'])).size).toBe(1);
    expect(JSON.parse(got[0].body)).toMatchObject({ event: 'alert.test', test: true });
  });

  it('marks a rule whose query fails and says why; pausing stops it', async () => {
    const q = await call<{ query: { id: string } }>('/api/saved-queries', {
      method: 'POST',
      json: { name: 'Broken', sql: "SELECT nosuchcolumn FROM $EDS_ID WHERE eventTime > '{{window_start}}'", storeId },
    });
    const rule = await call<{ rule: { id: string } }>('/api/alerts/rules', {
      method: 'POST',
      json: {
        name: 'Broken rule',
        savedQueryId: q.query.id,
        schedule: EVERY_2S,
        window: { mode: 'schedule', minutes: 60 },
        condition: { kind: 'rows', atLeast: 1 },
        destinationIds: [dest.Quiet],
      },
    });
    const marked = await waitFor(async () => {
      const r = (await call<{ rule: { lastStatus: string; lastError: string } }>(`/api/alerts/rules/${rule.rule.id}`)).rule;
      return r.lastStatus === 'error' && r;
    }, 'the rule to be marked');
    expect(marked.lastError).toMatch(/nosuchcolumn/);
    const paused = await call<{ rule: { enabled: boolean; nextRunAt: string | null } }>(`/api/alerts/rules/${rule.rule.id}`, {
      method: 'PATCH',
      json: { enabled: false },
    });
    expect(paused.rule).toMatchObject({ enabled: false, nextRunAt: null });
    const stopped = (await historyOf(admin, rule.rule.id)).length;
    // while another rule runs three more times, the paused one runs no more
    const other = await fromTemplate('failed-console-sign-ins', { failures: 50 }, [], 'Pacer');
    await moreRuns(other, [], 3);
    expect((await historyOf(admin, rule.rule.id)).length).toBeLessThanOrEqual(stopped + 1); // one may have been under way
    expect(receiver.on(paths.quiet)).toEqual([]);
    await call(`/api/alerts/rules/${other}`, { method: 'DELETE' });
  });

  it("shows nobody else another user's rules, firings or destinations", async () => {
    const rules = await call<{ rules: { id: string; name: string }[] }>('/api/alerts/rules');
    const invite = await call<{ inviteUrl: string }>('/api/users', {
      method: 'POST',
      json: { email: `alerts-other-${database}@example.test`, role: 'analyst' },
    });
    const token = new URL(invite.inviteUrl).searchParams.get('token')!;
    await json(await session(baseUrl)('/api/invites/accept', { method: 'POST', json: { token, password: 'other-password-123' } }));
    const other = await signIn(baseUrl, `alerts-other-${database}@example.test`, 'other-password-123');
    expect((await json<{ rules: unknown[] }>(await other('/api/alerts/rules'))).rules).toEqual([]);
    expect((await json<{ destinations: unknown[] }>(await other('/api/alerts/destinations'))).destinations).toEqual([]);
    const mine = rules.rules.find((r) => r.name === 'Outside IPs')!.id;
    expect((await other(`/api/alerts/rules/${mine}`)).status).toBe(404);
    expect((await other(`/api/alerts/rules/${mine}/history`)).status).toBe(404);
    expect((await other(`/api/alerts/rules/${mine}/test`, { method: 'POST', json: {} })).status).toBe(404);
    const firing = firings(await historyOf(admin, mine))[0];
    expect((await other(`/api/alerts/firings/${firing.id}`)).status).toBe(404);
    expect((await other(`/api/alerts/destinations/${dest.Hook}`, { method: 'DELETE' })).status).toBe(404);
    expect((await session(baseUrl)('/api/alerts/rules')).status).toBe(401);
    const inUse = await admin(`/api/alerts/destinations/${dest.Slack}`, { method: 'DELETE' });
    expect(inUse.status).toBe(409);
  });

  it('never sent a webhook URL or signing secret back to the browser', () => {
    const all = seen.join('\n');
    for (const p of Object.values(paths)) expect(all).not.toContain(p);
    expect(all.split(hookSecret).length).toBe(2); // only in the answer that created it
  });
});
