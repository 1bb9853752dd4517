import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CloudTrailClient } from '@aws-sdk/client-cloudtrail';
import { inProcessClient } from '../../lib/cloudtrail/in-process-handler';
import { asRecords, collectRows, costOf, describeQuery, resultPages, startQuery, waitForEnd } from '../../lib/cloudtrail/query';
import { loadFixture, tempLake } from '../helpers/temp-lake';

// A query's life through the real SDK and wire protocol, against a real lake in process: what the
// workbench, exports, budgets, field samples and alerts all run through.
let t: Awaited<ReturnType<typeof tempLake>>;
let client: CloudTrailClient;

beforeAll(async () => {
  t = await tempLake(loadFixture());
  client = inProcessClient(t.lake);
});
afterAll(() => t.close());

const FIVE = `SELECT eventID, errorCode FROM $EDS_ID WHERE errorCode IS NULL ORDER BY eventID LIMIT 5`;

describe('a query through the CloudTrail API', () => {
  it('starts with $EDS_ID filled, ends FINISHED, and reports what it scanned and cost', async () => {
    const id = await startQuery(client, FIVE, [t.store.id]);
    const d = await waitForEnd(client, id);
    expect(d.status).toBe('FINISHED');
    expect(d.queryString).toContain(t.store.id);
    expect(d.statistics.eventsScanned).toBeGreaterThan(0);
    expect(d.statistics.bytesScanned).toBeGreaterThan(0);
    expect(d.costUsd).toBe(costOf(d.statistics.bytesScanned));
  });

  it('pages results and stops once enough rows are read', async () => {
    const id = await startQuery(client, FIVE, [t.store.id]);
    await waitForEnd(client, id);
    const sizes: number[] = [];
    for await (const page of resultPages(client, id, { pageSize: 2 })) sizes.push(page.rows.length);
    expect(sizes).toEqual([2, 2, 1]);
    const capped: number[] = [];
    for await (const page of resultPages(client, id, { pageSize: 2, maxRows: 3 })) capped.push(page.rows.length);
    expect(capped).toEqual([2, 2]);
  });

  it('gives rows as records keyed by column, a NULL cell as null (or as asked)', async () => {
    const id = await startQuery(client, FIVE, [t.store.id]);
    await waitForEnd(client, id);
    const { columns, rows, total } = await collectRows(client, id);
    expect(columns).toEqual(['eventID', 'errorCode']);
    expect(total).toBe(5);
    expect(rows).toHaveLength(5);
    expect(rows.every((r) => typeof r.eventID === 'string' && r.eventID !== '' && r.errorCode === null)).toBe(true);
    expect((await collectRows(client, id, { nullAs: '' })).rows[0].errorCode).toBe('');
    expect(asRecords(['a', 'b'], [['1', null]], '-')).toEqual([{ a: '1', b: '-' }]);
  });

  it('refuses SQL the lake refuses, with its error', async () => {
    await expect(startQuery(client, 'DELETE FROM $EDS_ID', [t.store.id])).rejects.toMatchObject({ name: 'InvalidQueryStatementException' });
  });

  it('stops waiting when aborted, with the reason', async () => {
    const id = await startQuery(client, FIVE, [t.store.id]);
    await expect(waitForEnd(client, id, { signal: AbortSignal.abort(new Error('page closed')) })).rejects.toThrow('page closed');
    expect((await waitForEnd(client, id)).status).toBe('FINISHED');
    expect((await describeQuery(client, id)).queryId).toBe(id);
  });
});
