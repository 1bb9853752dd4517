import { expect, test } from '@playwright/test';

test.use({ storageState: { cookies: [], origins: [] } }); // start signed out

test('a signed-out visitor is sent to sign-in, and gets the workbench after signing in', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/login$/);
  await page.getByLabel('Email').fill('admin@e2e.test');
  await page.getByLabel('Password').fill('wrong-password-000');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Sign-in failed' })).toBeVisible();
  await page.getByLabel('Password').fill('e2e-admin-password-1');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('button', { name: 'Run' })).toBeVisible();
});

test.describe('before the page is interactive', () => {
  test.use({ javaScriptEnabled: false }); // the server's HTML as a browser shows it before hydration

  test('the sign-in form cannot be submitted, so a password never ends up in a URL', async ({ page }) => {
    await page.goto('/login');
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeDisabled();
    await page.getByLabel('Email').fill('admin@e2e.test');
    await page.getByLabel('Password').fill('e2e-admin-password-1');
    await page.getByLabel('Password').press('Enter');
    await expect(page).toHaveURL(/\/login$/);
    expect(page.url()).not.toContain('password');
  });
});
