import { expect, test } from '@playwright/test';
import { failedSignInsOnDemo } from './alert-forms';
import { verify } from '../lib/alerts/signature';
import { startReceiver, type Receiver } from '../tests/helpers/receiver';

// An analyst's first alert: a signed webhook destination (a receiver in this test process stands
// in for it), a rule from the "N failed console sign-ins" template on the demo store, "Test now",
// and the delivery in the rule's history; the receiver checks the signature.

let receiver: Receiver;
test.beforeAll(async () => {
  receiver = await startReceiver();
});
test.afterAll(async () => {
  await receiver.close();
});

test('creates a rule from the failed sign-in template, tests it now and sees the delivery', async ({ page }) => {
  const suffix = Date.now().toString(36);
  const destName = `Receiver ${suffix}`;
  const path = `/hook-${suffix}`;

  await page.goto('/alerts');
  await expect(page.getByRole('heading', { name: 'Alerts', level: 1 })).toBeVisible();

  const add = page.getByRole('form', { name: 'Add a destination' });
  await add.getByLabel('Destination name').fill(destName);
  await add.getByLabel('Kind').selectOption('webhook');
  await add.getByLabel('Webhook URL').fill(receiver.url + path);
  await expect(add.getByLabel('Sign requests (HMAC-SHA256)')).toBeChecked();
  await add.getByRole('button', { name: 'Add destination' }).click();
  const secretBox = page.getByLabel(`Signing secret of ${destName}`);
  await expect(secretBox).toHaveValue(/^tbwhsec_/);
  const secret = await secretBox.inputValue();
  const row = page.getByRole('table', { name: 'Destinations' }).getByRole('row').filter({ hasText: destName });
  await expect(row).toContainText(`${receiver.url}/••••`);
  await expect(page.locator('body')).not.toContainText(path); // the URL itself never comes back

  const form = await failedSignInsOnDemo(page);
  await expect(form.getByLabel('Failed sign-ins (N)')).toHaveValue('5');
  await form.getByLabel('Within M minutes before the newest event').fill('10');
  await form.getByRole('checkbox', { name: new RegExp(destName) }).check();
  await form.getByRole('button', { name: 'Create alert' }).click();

  await expect(page.getByRole('heading', { name: '5+ failed console sign-ins within 10 minutes', level: 1 })).toBeVisible();
  await expect(page.getByText('every 5 minutes')).toBeVisible();
  await page.getByRole('button', { name: 'Test now' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Test run done' })).toBeVisible({ timeout: 60_000 });

  const history = page.getByRole('table', { name: 'Run history' });
  const testRow = history.getByRole('row').filter({ hasText: 'Test' });
  await expect(testRow).toHaveCount(1);
  await expect(testRow.getByRole('list', { name: 'Deliveries' })).toContainText(`${destName}: delivered`, { timeout: 30_000 });

  expect(receiver.on(path)).toHaveLength(1);
  const got = receiver.on(path)[0];
  expect(verify(got.body, secret, got.headers['x-trailbench-signature'] as string)).toBe(true);
  expect(JSON.parse(got.body)).toMatchObject({ event: 'alert.test', test: true, rule: { name: '5+ failed console sign-ins within 10 minutes' } });

  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(page.getByText('Paused', { exact: true })).toBeVisible();

  await testRow.getByRole('link', { name: /^(Test message \(condition not met\)|\d+ rows? that fired)$/ }).click();
  await expect(page.getByRole('heading', { name: 'Test of 5+ failed console sign-ins within 10 minutes' })).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: `${destName}: delivered` })).toBeVisible();
});
