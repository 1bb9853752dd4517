import { beforeAll, describe, expect, inject, it } from 'vitest';
import { LAKE_KEYS } from '../helpers/lake-client';
import { ADMIN, signIn, type SessionFetch } from '../helpers/session';

/** The workbench's HTTP API over the built-in lake and over an AWS-style connection to the same lake. */
const baseUrl = inject('baseUrl');
let as: SessionFetch;
beforeAll(async () => {
  as = await signIn(baseUrl, ADMIN.email, ADMIN.password);
});

async function api(path: string, init?: RequestInit) {
  const res = await as(path, { ...init, headers: { 'content-type': 'application/json', ...init?.headers } });
  return { status: res.status, body: await res.json(), text: '' };
}

async function run(sql: string, store: { id: string; connectionId: string; region: string }) {
  const started = await api('/api/queries', {
    method: 'POST',
    body: JSON.stringify({ sql, storeId: store.id, connectionId: store.connectionId, region: store.region }),
  });
  expect(started.status, JSON.stringify(started.body)).toBe(200);
  const handle = started.body.queryId as string;
  let d = await api(`/api/queries/${handle}`);
  while (['QUEUED', 'RUNNING'].includes(d.body.status)) d = await api(`/api/queries/${handle}`);
  expect(d.body.status).toBe('FINISHED');
  return { handle, results: (await api(`/api/queries/${handle}/results?maxResults=1000`)).body };
}

describe('connections', () => {
  it('lists stores of the built-in lake and of an AWS-style connection, with no credentials in the response', async () => {
    const res = await as('/api/stores');
    const text = await res.text();
    const { stores, errors } = JSON.parse(text);
    expect(errors).toEqual([]);
    const demos = stores.filter((s: { name: string }) => s.name === 'demo');
    expect(demos.map((s: { connectionId: string }) => s.connectionId).sort()).toEqual(['builtin', 'self']);
    expect(text).not.toContain(LAKE_KEYS.secretAccessKey);
    const conns = await (await as('/api/connections')).text();
    expect(conns).toContain('This lake over the AWS API');
    expect(conns).not.toContain(LAKE_KEYS.secretAccessKey);
  });

  it('queries through the AWS-style connection exactly like the built-in lake', async () => {
    const { stores } = (await api('/api/stores')).body;
    const builtin = stores.find((s: { name: string; connectionId: string }) => s.name === 'demo' && s.connectionId === 'builtin');
    const viaAws = stores.find((s: { name: string; connectionId: string }) => s.name === 'demo' && s.connectionId === 'self');
    const sql = 'SELECT eventSource, count(*) AS n FROM $EDS_ID GROUP BY eventSource ORDER BY n DESC, eventSource';
    const a = await run(sql, builtin);
    const b = await run(sql, viaAws);
    expect(b.handle).toMatch(/^self~us-east-1~[0-9a-f-]{36}$/);
    expect(b.results.rows).toEqual(a.results.rows);
    expect(b.results.columns).toEqual(['eventSource', 'n']);
  });

  it('answers bad input with a clear error', async () => {
    expect((await api('/api/queries', { method: 'POST', body: '{"sql": ""}' })).body.error.message).toMatch(/SQL is empty/);
    expect((await api('/api/queries', { method: 'POST', body: 'not json' })).body.error.message).toMatch(/must be JSON/);
    const unknown = await api('/api/queries', { method: 'POST', body: JSON.stringify({ sql: 'SELECT 1', connectionId: 'nope' }) });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.type).toBe('UnknownConnection');
    expect((await api('/api/queries/a~b/results')).status).toBe(404);
  });
});

describe('field samples', () => {
  it('samples frequent values and map keys of a built-in store, and declines AWS connections', async () => {
    const { stores } = (await api('/api/stores')).body;
    const demo = stores.find((s: { name: string; connectionId: string }) => s.name === 'demo' && s.connectionId === 'builtin');
    const r = await api(`/api/stores/${demo.id}/field-samples`);
    expect(r.status).toBe(200);
    expect(r.body.sampledEvents).toBeGreaterThan(0);
    expect(r.body.values.eventname.length).toBeGreaterThan(0);
    expect(r.body.mapKeys.requestparameters.map((k: { key: string }) => k.key)).toContain('bucketName');
    expect((await api(`/api/stores/${demo.id}/field-samples?connectionId=self`)).status).toBe(404);
  });
});

describe('history', () => {
  it("records a run's final status even when no page asked about it after starting it", async () => {
    const { stores } = (await api('/api/stores')).body;
    const demo = stores.find((s: { name: string; connectionId: string }) => s.name === 'demo' && s.connectionId === 'builtin');
    const started = await api('/api/queries', {
      method: 'POST',
      body: JSON.stringify({ sql: 'SELECT count(*) FROM $EDS_ID', storeId: demo.id, connectionId: demo.connectionId, region: demo.region }),
    });
    const handle = started.body.queryId as string;
    // Nobody polls the query (its page was closed); history still ends up with the lake's final status.
    await expect
      .poll(async () => ((await api('/api/history')).body.runs as { handle: string; status: string }[]).find((r) => r.handle === handle)?.status, {
        timeout: 30_000,
      })
      .toBe('FINISHED');
  });
});
