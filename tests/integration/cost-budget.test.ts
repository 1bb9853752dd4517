import { beforeAll, describe, expect, inject, it } from 'vitest';
import { ADMIN, signIn, type SessionFetch } from '../helpers/session';

/** Query budgets and per-user spend through the workbench's HTTP API, on the built-in lake. */
const baseUrl = inject('baseUrl');
let as: SessionFetch;
let demo: { id: string; connectionId: string; region: string };

async function api(path: string, init?: RequestInit) {
  const res = await as(path, { ...init, headers: { 'content-type': 'application/json', ...init?.headers } });
  return { status: res.status, body: await res.json() };
}

beforeAll(async () => {
  as = await signIn(baseUrl, ADMIN.email, ADMIN.password);
  const { stores } = (await api('/api/stores')).body as { stores: { id: string; name: string; connectionId: string; region: string }[] };
  demo = stores.find((s) => s.name === 'demo' && s.connectionId === 'builtin')!;
});

const SQL = "SELECT eventName, sourceIPAddress, count(*) AS n FROM $EDS_ID WHERE eventTime > date_add('day', -30, now()) GROUP BY 1, 2";

describe('query budgets', () => {
  it('refuses, before it starts, a query whose exact estimate is over its budget, saying by how much', async () => {
    const estimate = (await api('/api/estimate', { method: 'POST', body: JSON.stringify({ sql: SQL, storeId: demo.id }) })).body;
    expect(estimate.basis).toBe('manifests');
    expect(estimate.bytesScanned).toBeGreaterThan(0);

    const res = await api('/api/queries', { method: 'POST', body: JSON.stringify({ sql: SQL, storeId: demo.id, budgetUsd: estimate.costUsd / 2 }) });
    expect(res.status).toBe(400);
    expect(res.body.error.type).toBe('BudgetExceeded');
    expect(res.body.error.message).toMatch(/would scan .* more than its budget of \$/);
  });

  it('runs a query within its budget, and counts what it cost in the user’s spend', async () => {
    const before = (await api('/api/me')).body.spend;
    const started = await api('/api/queries', { method: 'POST', body: JSON.stringify({ sql: SQL, storeId: demo.id, budgetUsd: 5 }) });
    expect(started.status, JSON.stringify(started.body)).toBe(200);
    let d = await api(`/api/queries/${started.body.queryId}`);
    while (['QUEUED', 'RUNNING'].includes(d.body.status)) d = await api(`/api/queries/${started.body.queryId}`);
    expect(d.body.status).toBe('FINISHED');
    expect(d.body.statistics.bytesScanned).toBeGreaterThan(0);

    const after = (await api('/api/me')).body.spend;
    expect(after.totalUsd).toBeGreaterThan(before.totalUsd);
    expect(after.last30DaysUsd).toBeGreaterThan(before.last30DaysUsd);
    expect(after.runs30Days).toBe(before.runs30Days + 1);
  });

  it('rejects a budget that is not a positive amount', async () => {
    const res = await api('/api/queries', { method: 'POST', body: JSON.stringify({ sql: SQL, storeId: demo.id, budgetUsd: -1 }) });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain('budgetUsd must be more than 0');
  });
});
