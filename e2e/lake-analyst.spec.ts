import { expect, test } from '@playwright/test';
import { ListEventDataStoresCommand } from '@aws-sdk/client-cloudtrail';
import { acceptInviteAndSignIn, invite } from './people';
import { lake } from './lake';

// An analyst sees the lake's pages but can change nothing, in the page or behind it.

const ANALYST = { email: `lake-analyst-${Date.now().toString(36)}@e2e.test`, password: 'lake-analyst-password-1', role: 'analyst' as const };

test('an analyst sees stores and imports read-only', async ({ page: admin, browser, baseURL }) => {
  const client = lake(baseURL!);
  const before = (await client.send(new ListEventDataStoresCommand({}))).EventDataStores!.map((s) => [s.Name, s.Status, s.RetentionPeriod]);
  const page = await acceptInviteAndSignIn(browser, await invite(admin, ANALYST.email, 'analyst'), ANALYST);

  await page.getByRole('link', { name: 'Event data stores' }).click();
  const table = page.getByRole('table', { name: 'Event data stores' });
  await expect(table.getByRole('link', { name: 'demo', exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Create event data store' })).toHaveCount(0);
  // every column sorts: by name, then by name backwards
  const names = () => table.getByRole('row').locator('td:first-child').allInnerTexts();
  const byName = [...(await names())].sort((x, y) => x.localeCompare(y));
  expect(await names()).toEqual(byName);
  await table.getByRole('button', { name: 'Name' }).click();
  await expect(table.getByRole('columnheader', { name: 'Name' })).toHaveAttribute('aria-sort', 'descending');
  expect(await names()).toEqual([...byName].reverse());

  await table.getByRole('link', { name: 'demo', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'demo', level: 1 })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Settings' })).toContainText('Retention period');
  await expect(page.getByRole('toolbar', { name: 'Store actions' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Follow' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Freshest event' })).toBeVisible();

  await page.goto('/stores/new');
  await expect(page.getByRole('main').getByRole('alert')).toHaveText('This page is for admin users; you are signed in as analyst.');
  await page.goto('/stores/imports');
  await expect(page.getByRole('heading', { name: 'Past imports' })).toBeVisible();
  await expect(page.getByRole('form', { name: 'Start an import' })).toHaveCount(0);

  // behind the pages too: every change is refused
  const headers = { origin: baseURL! }; // same-origin, so what refuses them is the role
  const create = await page.request.post('/api/lake-admin/stores', { data: { Name: 'analyst-made' }, headers });
  expect(create.status()).toBe(403);
  const demoId = (await client.send(new ListEventDataStoresCommand({})))
    .EventDataStores!.find((s) => s.Name === 'demo')!
    .EventDataStoreArn!.split('/')
    .pop();
  expect((await page.request.patch(`/api/lake-admin/stores/${demoId}`, { data: { RetentionPeriod: 7 }, headers })).status()).toBe(403);
  expect((await page.request.post(`/api/lake-admin/stores/${demoId}/stop-ingestion`, { data: {}, headers })).status()).toBe(403);
  expect((await client.send(new ListEventDataStoresCommand({}))).EventDataStores!.map((s) => [s.Name, s.Status, s.RetentionPeriod])).toEqual(before);
});
