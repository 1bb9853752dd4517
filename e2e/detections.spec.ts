import { expect, test } from '@playwright/test';
import { detectionById } from '../lib/detections';

// The Detections page for the demo store: every detection with its coverage, the ATT&CK view,
// filters, and Enable creating the detection's alert rule (then on the Alerts page); Disable pauses it.

const LOGGING = detectionById('cloudtrail-logging-stopped')!;
const ROOT = detectionById('root-console-sign-in')!;

test('lists detections with coverage for the demo store, shows the ATT&CK view, and enables one as an alert rule', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto('/detections');
  await expect(page.getByRole('navigation').getByRole('link', { name: 'Detections' })).toBeVisible();
  const store = page.getByLabel('Store', { exact: true });
  const demo = store.locator('option', { hasText: /^demo \(/ }).first();
  await expect(demo).toBeAttached();
  await store.selectOption((await demo.getAttribute('value'))!);

  const list = page.getByRole('region', { name: 'Detections' });
  const logging = list.getByRole('article', { name: LOGGING.title });
  await expect(logging.getByText('Can fire')).toBeVisible();
  await expect(logging.getByText(/cloudtrail\.amazonaws\.com StopLogging/)).toBeVisible();

  await test.step('the ATT&CK view shows covered techniques under their tactics', async () => {
    const evasion = page.getByRole('listitem', { name: 'Defense Evasion', exact: true });
    await expect(
      evasion.getByRole('listitem', { name: /^T1562\.008 Impair Defenses: Disable or Modify Cloud Logs: [1-9]\d* detections, \d+ enabled$/ }),
    ).toBeVisible();
    await expect(page.getByRole('listitem', { name: 'Initial Access', exact: true }).getByRole('listitem', { name: /^T1078\.004 / })).toBeVisible();
  });

  await test.step('filters narrow the list', async () => {
    await page.getByLabel('Search detections').fill('StopLogging');
    await expect(list.getByRole('heading', { level: 2 })).toHaveText(/^[1-9] of \d+ detections$/);
    await expect(logging).toBeVisible();
    await expect(list.getByRole('article', { name: ROOT.title })).toHaveCount(0);
    await page.getByLabel('Search detections').fill('');
    await page.getByLabel('Severity').selectOption(ROOT.severity);
    await expect(list.getByRole('article', { name: ROOT.title })).toBeVisible();
  });

  await test.step('Enable creates the rule, shown on the card and on the Alerts page', async () => {
    const root = list.getByRole('article', { name: ROOT.title });
    await root.getByText('Enable on this store').click();
    const form = root.getByRole('form', { name: `Enable ${ROOT.title}` });
    await form.getByLabel('Run every (minutes)').fill('30');
    page.on('dialog', (d) => void d.accept()); // no destination: the rule keeps its history only
    await form.getByRole('button', { name: 'Enable' }).click();
    const ruleLink = root.getByRole('link', { name: `Detection: ${ROOT.title}` });
    await expect(ruleLink).toBeVisible();
    await expect(root.getByText('enabled', { exact: true })).toBeVisible();
    await expect(root.getByRole('button', { name: 'Disable' })).toBeVisible();

    await page.goto('/alerts');
    const rules = page.getByRole('table', { name: 'My alert rules' });
    await expect(rules.getByRole('link', { name: `Detection: ${ROOT.title}` })).toBeVisible();
  });

  await test.step('Disable pauses it', async () => {
    await page.goto('/detections');
    await page.getByLabel('Store', { exact: true }).selectOption((await demo.getAttribute('value'))!);
    const root = page.getByRole('article', { name: ROOT.title });
    await root.getByRole('button', { name: 'Disable' }).click();
    await expect(root.getByText(/\(paused\)/)).toBeVisible();
    await expect(root.getByText('Enable on this store')).toBeVisible();
  });
});
