import { expect, test } from '@playwright/test';
import { failedSignInsOnDemo } from './alert-forms';
import { startReceiver } from '../tests/helpers/receiver';

// A PagerDuty destination made in the console (routing key typed once, never shown again), ticked
// on a new rule; "Test now" reaches the Events API (a local receiver) as a trigger with the key
// and the rule's dedup key.

test("a PagerDuty destination from the console receives a trigger with the rule's dedup key", async ({ page }) => {
  test.setTimeout(120_000);
  const receiver = await startReceiver();
  try {
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

    const form = await failedSignInsOnDemo(page);
    await form.getByRole('checkbox', { name: new RegExp(destName) }).check();
    await form.getByRole('button', { name: 'Create alert' }).click();
    await expect(page).toHaveURL(/\/alerts\/[0-9a-f-]{36}$/);
    const ruleId = page.url().split('/').pop()!;

    await page.getByRole('button', { name: 'Test now' }).click();
    const deliveries = page.getByRole('table', { name: 'Run history' }).getByRole('list', { name: 'Deliveries' });
    await expect(deliveries).toContainText(`${destName}: delivered`, { timeout: 60_000 });
    const [sent] = receiver.on(`/pd-${suffix}`);
    expect(JSON.parse(sent.body)).toMatchObject({
      routing_key: routingKey,
      event_action: 'trigger',
      dedup_key: `trailbench-rule-${ruleId}`,
      payload: { source: 'trailbench', severity: 'info' },
    });
  } finally {
    await receiver.close();
  }
});
