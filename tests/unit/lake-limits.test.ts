import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Lake } from '../../lib/lake/lake';
import { loadFixture } from '../helpers/temp-lake';

/** A query that keeps DuckDB busy for many seconds: a triple self-join of the fixture. */
const SLOW = (id: string) => `SELECT count(*) FROM ${id} a CROSS JOIN ${id} b CROSS JOIN ${id} c CROSS JOIN ${id} d WHERE a.eventid <> d.eventid`;

let lake: Lake;
let dataDir: string;
let storeId: string;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'trailbench-limits-'));
  lake = await Lake.open({ dataDir, region: 'us-east-1', accountId: '123456789012', maxConcurrentQueries: 3, queryTimeoutMs: 1500 });
  storeId = lake.stores.create({ name: 'limits' }).id;
  await lake.appendEvents(storeId, loadFixture());
});
afterAll(() => {
  lake.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function settle(queryId: string) {
  for (;;) {
    const q = lake.queries.get(queryId);
    if (q.status !== 'QUEUED' && q.status !== 'RUNNING') return q;
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('query limits', () => {
  it('CancelQuery stops the engine work within a second and the status says CANCELLED', async () => {
    const q = await lake.startQuery(SLOW(storeId));
    await new Promise((r) => setTimeout(r, 200));
    const asked = Date.now();
    expect(lake.queries.cancel(q.queryId).queryId).toBe(q.queryId);
    const done = await settle(q.queryId);
    expect(done.status).toBe('CANCELLED');
    expect(Date.now() - asked).toBeLessThan(1000);
    expect(() => lake.queries.cancel(q.queryId)).toThrow(/already CANCELLED/);
  });

  it('times a query out as TIMED_OUT with an explanation', async () => {
    const q = await lake.startQuery(SLOW(storeId));
    const done = await settle(q.queryId);
    expect(done.status).toBe('TIMED_OUT');
    expect(done.errorMessage).toMatch(/^Query timed out after \d+ seconds/);
  });

  it('refuses more queued and running queries than the limit with MaxConcurrentQueriesException', async () => {
    const running = await Promise.all([0, 1, 2].map(() => lake.startQuery(SLOW(storeId))));
    await expect(lake.startQuery(`SELECT 1 FROM ${storeId}`)).rejects.toMatchObject({ type: 'MaxConcurrentQueriesException' });
    for (const q of running) lake.queries.cancel(q.queryId);
    await Promise.all(running.map((q) => settle(q.queryId)));
    const after = await lake.startQuery(`SELECT count(*) FROM ${storeId}`);
    expect((await settle(after.queryId)).status).toBe('FINISHED');
  });

  it('forgets results after their retention: QueryIdNotFoundException', async () => {
    const q = await lake.startQuery(`SELECT count(*) FROM ${storeId}`);
    await settle(q.queryId);
    const meta = path.join(lake.dir, 'queries', q.queryId, 'meta.json');
    const rec = JSON.parse(fs.readFileSync(meta, 'utf8'));
    rec.creationTime -= 8 * 86_400; // eight days ago
    fs.writeFileSync(meta, JSON.stringify(rec));
    (lake.queries as unknown as { cache: Map<string, unknown> }).cache.clear();
    expect(() => lake.queries.get(q.queryId)).toThrow(expect.objectContaining({ type: 'QueryIdNotFoundException' }));
    lake.queries.sweep();
    expect(fs.existsSync(path.dirname(meta))).toBe(false);
  });
});
