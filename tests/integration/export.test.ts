import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { ADMIN, signIn, type SessionFetch } from '../helpers/session';

const baseUrl = inject('baseUrl');
let as: SessionFetch;
beforeAll(async () => {
  as = await signIn(baseUrl, ADMIN.email, ADMIN.password);
});

async function json(path: string, init?: RequestInit) {
  const res = await as(path, { ...init, headers: { 'content-type': 'application/json' } });
  return res.json();
}

async function finishedQuery(sql: string) {
  const { stores } = await json('/api/stores');
  const demo = stores.find((s: { name: string; connectionId: string }) => s.name === 'demo' && s.connectionId === 'builtin');
  const { queryId } = await json('/api/queries', { method: 'POST', body: JSON.stringify({ sql, storeId: demo.id, connectionId: 'builtin' }) });
  let d = await json(`/api/queries/${queryId}`);
  while (['QUEUED', 'RUNNING'].includes(d.status)) d = await json(`/api/queries/${queryId}`);
  expect(d.status).toBe('FINISHED');
  return { queryId, described: d };
}

describe('exports', () => {
  it('keep a NULL cell apart from an empty string: the results API says null, CSV leaves the field empty and quotes an empty string, JSON Lines writes null', async () => {
    const sql = `SELECT eventID, errorCode, '' AS empty FROM $EDS_ID WHERE errorCode IS NULL ORDER BY eventID LIMIT 3`;
    const { queryId } = await finishedQuery(sql);
    const results = await json(`/api/queries/${queryId}/results?maxResults=10`);
    expect(results.rows.map((r: (string | null)[]) => r.slice(1))).toEqual([
      [null, ''],
      [null, ''],
      [null, ''],
    ]);
    const csv = await (await as(`/api/queries/${queryId}/export?format=csv`)).text();
    expect(
      csv
        .split('\r\n')
        .slice(1, 4)
        .map((line) => line.slice(line.indexOf(','))),
    ).toEqual([',,""', ',,""', ',,""']);
    const lines = (await (await as(`/api/queries/${queryId}/export?format=jsonl`)).text())
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((o: Record<string, unknown>) => [o.errorCode, o.empty])).toEqual([
      [null, ''],
      [null, ''],
      [null, ''],
    ]);
  });

  it('streams the full result as RFC 4180 CSV with the formula guard, and an evidence file with its SHA-256', async () => {
    const { queryId, described } = await finishedQuery(
      `SELECT eventID, '=HYPERLINK("http://x")' AS formula, 'a,b "quoted"' AS tricky, '-1' AS negative FROM $EDS_ID ORDER BY eventID LIMIT 2500`,
    );
    expect(described.costUsd).toBeGreaterThan(0);
    const res = await as(`/api/queries/${queryId}/export?format=csv`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="trailbench-select-eventid-.*\.csv"/);
    const body = Buffer.from(await res.arrayBuffer());
    const text = body.toString('utf8');
    expect(text).toContain('\r\n');
    const records = parse(text) as string[][];
    expect(records[0]).toEqual(['eventID', 'formula', 'tricky', 'negative']);
    expect(records).toHaveLength(2501);
    expect(new Set(records.slice(1).map((r) => r[0])).size).toBe(2500);
    expect(records[1].slice(1)).toEqual([`'=HYPERLINK("http://x")`, 'a,b "quoted"', "'-1"]);

    const evidence = await json(`/api/exports/${res.headers.get('x-trailbench-export-id')}`);
    expect(evidence).toMatchObject({ rows: 2500, format: 'csv', formulaGuard: true, sha256: createHash('sha256').update(body).digest('hex') });
    expect(evidence.queryString).toContain('=HYPERLINK');
  });

  it('exports JSON Lines, one page only, and without the guard when asked', async () => {
    const { queryId } = await finishedQuery(`SELECT eventName, '+1' AS plus FROM $EDS_ID ORDER BY eventID LIMIT 300`);
    const page = await (await as(`/api/queries/${queryId}/export?format=jsonl&scope=page&maxResults=100&formulaGuard=off`)).text();
    const lines = page
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(100);
    expect(lines[0]).toEqual({ eventName: expect.any(String), plus: '+1' });
  });

  it('refuses to export a query that is not yours or does not exist', async () => {
    const res = await as('/api/queries/00000000-0000-4000-8000-000000000000/export');
    expect(res.status).toBe(404);
    expect((await res.json()).error.type).toBe('QueryNotFound');
  });
});

describe('cost estimate', () => {
  it('estimates exactly the bytes the query then scans', async () => {
    const { stores } = await json('/api/stores');
    const demo = stores.find((s: { name: string; connectionId: string }) => s.name === 'demo' && s.connectionId === 'builtin');
    const sql = `SELECT eventName, count(*) FROM $EDS_ID WHERE eventTime > date_add('day', -3, now()) GROUP BY 1`;
    const est = await json('/api/estimate', { method: 'POST', body: JSON.stringify({ sql, storeId: demo.id }) });
    expect(est.basis).toBe('manifests');
    const full = await json('/api/estimate', { method: 'POST', body: JSON.stringify({ sql: 'SELECT * FROM $EDS_ID', storeId: demo.id }) });
    expect(est.bytesScanned).toBeLessThan(full.bytesScanned / 5);
    const { described } = await finishedQuery(sql);
    expect(described.statistics.bytesScanned).toBe(est.bytesScanned);
    expect(est.costUsd).toBeCloseTo((est.bytesScanned / 1024 ** 3) * 0.005, 12);
  });
});
