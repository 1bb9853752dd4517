import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { openWorkbench, pickedStoreId, queryError, queryStatus, resultsTable, runButton, setSql } from './helpers';

// The e2e server lets the lake run at most MAX_QUERIES queries at once (playwright.config.ts).
const MAX_QUERIES = 2;
const LAST_30_DAYS = "eventTime > date_add('day', -30, now())";

// A self-join of the demo store: hundreds of millions of row pairs, seconds of engine work.
const SLOW_SQL = (store: string) =>
  `SELECT count(*) FROM ${store} a CROSS JOIN ${store} b WHERE a.eventTime > date_add('day', -30, now()) AND b.eventTime > date_add('day', -30, now()) AND length(a.eventJson) + length(b.eventJson) > 0`;

/** Starts slow queries until the lake refuses one: then every slot is taken (whatever else runs). */
async function fillEverySlot(request: APIRequestContext, baseURL: string, storeId: string): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i <= MAX_QUERIES; i++) {
    const res = await request.post('/api/queries', { data: { sql: SLOW_SQL(storeId), storeId }, headers: { Origin: baseURL } });
    const body = (await res.json()) as { queryId?: string; error?: { type: string } };
    if (body.error?.type === 'MaxConcurrentQueriesException') return ids;
    expect(res.status(), JSON.stringify(body)).toBe(200);
    ids.push(body.queryId!);
  }
  throw new Error(`the lake accepted ${ids.length} queries at once; the e2e server should allow ${MAX_QUERIES}`);
}

/** Opens the workbench and waits for its own field-sampling query, so only the test's queries hold slots. */
async function openQuietWorkbench(page: Page) {
  const sampled = page.waitForResponse((r) => r.url().includes('/field-samples'));
  await openWorkbench(page);
  await sampled;
}

test('a query over the concurrency limit waits in line and runs when a slot frees', async ({ page, baseURL }) => {
  await openQuietWorkbench(page);
  const storeId = await pickedStoreId(page);
  const blockers = await fillEverySlot(page.request, baseURL!, storeId);
  try {
    await setSql(page, `SELECT eventName, count(*) AS n FROM $EDS_ID WHERE ${LAST_30_DAYS} GROUP BY eventName`);
    await runButton(page).click();

    await expect(queryStatus(page)).toHaveText('WAITING');
    await expect(page.getByRole('status').filter({ hasText: 'In line: the lake is running its maximum number of queries' })).toBeVisible();
    await expect(queryError(page)).toHaveCount(0); // a queue, not an error

    for (const id of blockers) await page.request.post(`/api/queries/${encodeURIComponent(id)}/cancel`, { headers: { Origin: baseURL! } });
    await expect(queryStatus(page)).toHaveText('FINISHED', { timeout: 30_000 });
    await expect(resultsTable(page).getByRole('columnheader', { name: 'eventName', exact: true })).toBeVisible();
  } finally {
    for (const id of blockers) await page.request.post(`/api/queries/${encodeURIComponent(id)}/cancel`, { headers: { Origin: baseURL! } });
  }
});

test('Cancel stops waiting for a slot', async ({ page, baseURL }) => {
  await openQuietWorkbench(page);
  const storeId = await pickedStoreId(page);
  const blockers = await fillEverySlot(page.request, baseURL!, storeId);
  try {
    await setSql(page, `SELECT count(*) FROM $EDS_ID WHERE ${LAST_30_DAYS}`);
    await runButton(page).click();
    await expect(queryStatus(page)).toHaveText('WAITING');
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect(queryStatus(page)).toHaveText('CANCELLED');
    await expect(runButton(page)).toBeEnabled();
  } finally {
    for (const id of blockers) await page.request.post(`/api/queries/${encodeURIComponent(id)}/cancel`, { headers: { Origin: baseURL! } });
  }
});
