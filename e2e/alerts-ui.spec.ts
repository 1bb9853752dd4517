import { expect, test } from '@playwright/test';
import { startReceiver, type Receiver } from '../tests/helpers/receiver';
import { acceptInviteAndSignIn, invite } from './people';

// The alerts UI as a new analyst meets it (a fresh account, so they have exactly one destination):
// the URL example follows the destination kind; a new rule starts with that one destination
// ticked and asks before saving a rule without one; "Test now" shows the test's outcome on the
// rule's page without a reload; counts read "1 attempt", not "1 attempts".

let receiver: Receiver;
test.beforeAll(async () => {
  receiver = await startReceiver();
});
test.afterAll(async () => {
  await receiver.close();
});

test('one destination is picked by default, no destination asks first, Test now updates the page', async ({ page: admin, browser }) => {
  test.setTimeout(150_000);
  const suffix = Date.now().toString(36);
  const ANALYST = { email: `alerts-${suffix}@e2e.test`, password: 'alerts-password-1', role: 'analyst' } as const;
  const destName = `Only hook ${suffix}`;
  const page = await acceptInviteAndSignIn(browser, await invite(admin, ANALYST.email, 'analyst'), ANALYST);

  await page.goto('/alerts');
  const add = page.getByRole('form', { name: 'Add a destination' });

  await test.step('the URL example follows the kind', async () => {
    await add.getByLabel('Kind').selectOption('slack');
    await expect(add.getByLabel('Webhook URL')).toHaveAttribute('placeholder', /^https:\/\/hooks\.slack\.com\/services\//);
    await add.getByLabel('Kind').selectOption('webhook');
    await expect(add.getByLabel('Webhook URL')).toHaveAttribute('placeholder', 'https://alerts.example.com/trailbench');
  });

  await add.getByLabel('Destination name').fill(destName);
  await add.getByLabel('Webhook URL').fill(`${receiver.url}/only-${suffix}`);
  await add.getByRole('button', { name: 'Add destination' }).click();
  await expect(page.getByRole('table', { name: 'Destinations' }).getByRole('row').filter({ hasText: destName })).toBeVisible();

  const form = page.getByRole('form', { name: 'New alert from a template' });
  let ruleId = '';
  await test.step('a new rule starts with the only destination ticked', async () => {
    await form.getByLabel('Template').selectOption({ label: 'N failed console sign-ins within M minutes' });
    const store = form.getByLabel('Store to watch');
    const demo = store.locator('option', { hasText: /^demo \(/ }).first();
    await expect(demo).toBeAttached();
    await store.selectOption((await demo.getAttribute('value'))!);
    await expect(form.getByRole('checkbox', { name: new RegExp(destName) })).toBeChecked();
  });

  await test.step('without a destination, creating asks first; declining stays on the form', async () => {
    await form.getByRole('checkbox', { name: new RegExp(destName) }).uncheck();
    const asked = new Promise<string>((resolve) =>
      page.once('dialog', (d) => {
        resolve(d.message());
        void d.dismiss();
      }),
    );
    await form.getByRole('button', { name: 'Create alert' }).click();
    expect(await asked).toContain('no destination');
    await expect(page).toHaveURL(/\/alerts$/);
    await form.getByRole('checkbox', { name: new RegExp(destName) }).check();
    await form.getByRole('button', { name: 'Create alert' }).click();
    await expect(page).toHaveURL(/\/alerts\/[0-9a-f-]{36}$/);
    ruleId = page.url().split('/').pop()!;
  });

  await test.step('Test now shows the test’s outcome and its delivery without a reload', async () => {
    await expect(page.getByRole('status', { name: 'Last test' })).toHaveCount(0);
    await page.getByRole('button', { name: 'Test now' }).click();
    await expect(page.getByRole('status', { name: 'Last test' })).toContainText('Test sent', { timeout: 60_000 });
    const deliveries = page.getByRole('table', { name: 'Run history' }).getByRole('list', { name: 'Deliveries' });
    await expect(deliveries).toContainText(`${destName}: delivered`, { timeout: 30_000 });
    await expect(deliveries).toContainText(/\b1 attempt\b(?!s)/);
  });

  await test.step('the firing page counts its attempts in the singular too', async () => {
    await page
      .getByRole('table', { name: 'Run history' })
      .getByRole('link', { name: /^(Test message \(condition not met\)|\d+ rows? that fired)$/ })
      .click();
    await expect(page.getByRole('listitem').filter({ hasText: `${destName}: delivered` })).toContainText(/after 1 attempt(?!s)/);
  });

  await test.step('a new rule on a saved query also starts with the only destination ticked', async () => {
    const { rule } = (await (await page.request.get(`/api/alerts/rules/${ruleId}`)).json()) as { rule: { savedQueryId: string } };
    await page.goto(`/alerts/new?savedQueryId=${rule.savedQueryId}`);
    const ruleForm = page.getByRole('form', { name: 'Alert rule' });
    await expect(ruleForm.getByRole('checkbox', { name: new RegExp(destName) })).toBeChecked();
  });

  await page.context().close();
});
