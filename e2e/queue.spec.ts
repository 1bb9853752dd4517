import { expect, test, type APIRequestContext } from '@playwright/test';
import { openWorkbench, pickedStoreId, queryStatus, resultsTable, runButton, setSql } from './helpers';

// The e2e server lets the lake run at most MAX_QUERIES queries at once (playwright.config.ts).
const MAX_QUERIES = 2;

// A self-join of the demo store: hundreds of millions of row pairs, seconds of engine work.
const SLOW_SQL = (store: string) =>
  `SELECT count(*) FROM ${store} a CROSS JOIN ${store} b WHERE a.eventTime > date_add('day', -30, now()) AND b.eventTime > date_add('day', -30, now()) AND length(a.eventJson) + length(b.eventJson) > 0`;

async function startSlowQuery(request: APIRequestContext, baseURL: string, storeId: string): Promise<string> {
  const res = await request.post('/api/queries', { data: { sql: SLOW_SQL(storeId), storeId }, headers: { Origin: baseURL } });
  expect(res.status(), await res.text()).toBe(200);
  return ((await res.json()) as { queryId: string }).queryId;
}

test('a query over the concurrency limit waits in line and runs when a slot frees', async ({ page, baseURL }) => {
  await openWorkbench(page);
  const storeId = await pickedStoreId(page);
  const blockers: string[] = [];
  for (let i = 0; i < MAX_QUERIES; i++) blockers.push(await startSlowQuery(page.request, baseURL!, storeId));
  try {
    await setSql(page, 'SELECT eventName, count(*) AS n FROM $EDS_ID GROUP BY eventName');
    await runButton(page).click();

    await expect(queryStatus(page)).toHaveText('WAITING');
    await expect(page.getByRole('status').filter({ hasText: 'In line: the lake is running its maximum number of queries' })).toBeVisible();
    await expect(page.getByRole('alert')).toHaveCount(0); // a queue, not an error

    for (const id of blockers) await page.request.post(`/api/queries/${encodeURIComponent(id)}/cancel`, { headers: { Origin: baseURL! } });
    await expect(queryStatus(page)).toHaveText('FINISHED', { timeout: 30_000 });
    await expect(resultsTable(page).getByRole('columnheader', { name: 'eventName', exact: true })).toBeVisible();
  } finally {
    for (const id of blockers) await page.request.post(`/api/queries/${encodeURIComponent(id)}/cancel`, { headers: { Origin: baseURL! } });
  }
});

test('Cancel stops waiting for a slot', async ({ page, baseURL }) => {
  await openWorkbench(page);
  const storeId = await pickedStoreId(page);
  const blockers: string[] = [];
  for (let i = 0; i < MAX_QUERIES; i++) blockers.push(await startSlowQuery(page.request, baseURL!, storeId));
  try {
    await setSql(page, 'SELECT count(*) FROM $EDS_ID');
    await runButton(page).click();
    await expect(queryStatus(page)).toHaveText('WAITING');
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect(queryStatus(page)).toHaveText('CANCELLED');
    await expect(runButton(page)).toBeEnabled();
  } finally {
    for (const id of blockers) await page.request.post(`/api/queries/${encodeURIComponent(id)}/cancel`, { headers: { Origin: baseURL! } });
  }
});
