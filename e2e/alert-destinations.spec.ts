import { expect, test } from '@playwright/test';
import { startReceiver, type Receiver } from '../tests/helpers/receiver';

// A PagerDuty destination made in the console (routing key typed once, never shown again), ticked
// on a new rule; "Test now" reaches the Events API (a local receiver) as a trigger with the key
// and the rule's dedup key.

let receiver: Receiver;
test.beforeAll(async () => {
  receiver = await startReceiver();
});
test.afterAll(async () => {
  await receiver.close();
});

test('a PagerDuty destination from the console receives a trigger with the rule\'s dedup key', async ({ page }) => {
  test.setTimeout(120_000);
  const suffix = Date.now().toString(36);
  const destName = `PagerDuty ${suffix}`;
  const routingKey = `routing-${suffix}-0123456789abcdef`;
  await page.goto('/alerts');
  const add = page.getByRole('form', { name: 'Add a destination' });
  await add.getByLabel('Kind').selectOption('pagerduty');
  await expect(add.getByLabel('Events API URL')).toHaveAttribute('placeholder', 'https://events.pagerduty.com/v2/enqueue');
  await expect(add.getByRole('button', { name: 'Add destination' })).toBeDisabled();
  await add.getByLabel('Destination name').fill(destName);
  await add.getByLabel('Events API URL').fill(`${receiver.url}/pd-${suffix}`);
  await add.getByLabel('Routing key').fill(routingKey);
  await add.getByRole('button', { name: 'Add destination' }).click();
  const row = page.getByRole('table', { name: 'Destinations' }).getByRole('row').filter({ hasText: destName });
  await expect(row).toContainText('PagerDuty');
  await expect(page.getByText(routingKey)).toHaveCount(0);

  const form = page.getByRole('form', { name: 'New alert from a template' });
  await form.getByLabel('Template').selectOption({ label: 'N failed console sign-ins within M minutes' });
  const store = form.getByLabel('Store to watch');
  const demo = store.locator('option', { hasText: /^demo \(/ }).first();
  await expect(demo).toBeAttached();
  await store.selectOption((await demo.getAttribute('value'))!);
  await form.getByRole('checkbox', { name: new RegExp(destName) }).check();
  await form.getByRole('button', { name: 'Create alert' }).click();
  await expect(page).toHaveURL(/\/alerts\/[0-9a-f-]{36}$/);
  const ruleId = page.url().split('/').pop()!;

  await page.getByRole('button', { name: 'Test now' }).click();
  const deliveries = page.getByRole('table', { name: 'Run history' }).getByRole('list', { name: 'Deliveries' });
  await expect(deliveries).toContainText(`${destName}: delivered`, { timeout: 60_000 });
  const [sent] = receiver.on(`/pd-${suffix}`);
  expect(JSON.parse(sent.body)).toMatchObject({ routing_key: routingKey, event_action: 'trigger', dedup_key: `trailbench-rule-${ruleId}`, payload: { source: 'trailbench', severity: 'info' } });
});
