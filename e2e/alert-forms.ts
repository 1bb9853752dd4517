import { expect, type Locator, type Page } from '@playwright/test';

/** The Alerts page's "New alert from a template" form, on the failed sign-ins template and the demo store. */
export async function failedSignInsOnDemo(page: Page): Promise<Locator> {
  const form = page.getByRole('form', { name: 'New alert from a template' });
  await form.getByLabel('Template').selectOption({ label: 'N failed console sign-ins within M minutes' });
  const store = form.getByLabel('Store to watch');
  const demo = store.locator('option', { hasText: /^demo \(/ }).first();
  await expect(demo).toBeAttached();
  await store.selectOption((await demo.getAttribute('value'))!);
  return form;
}
