import { expect, test } from '@playwright/test';

// Lake access keys as a user meets them (the admin signed in by global-setup): reached from the
// navigation; a new key's secret is shown once and never again; the key is listed with its status,
// rotation replaces it, revoking marks it revoked; the admin sees it among everyone's keys.

test('create, rotate and revoke a lake access key; the secret is shown only once', async ({ page }) => {
  await page.goto('/history');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Access keys' }).click();
  await expect(page.getByRole('heading', { name: 'Lake access keys' })).toBeVisible();
  // one current page in the navigation, not also "Your account" (/account is a prefix of /account/keys)
  await expect(page.getByRole('navigation', { name: 'Main' }).locator('[aria-current="page"]')).toHaveText(['Access keys']);

  const form = page.getByRole('form', { name: 'Create an access key' });
  await form.getByLabel('Key name').fill('e2e script');
  await form.getByRole('button', { name: 'Create access key' }).click();
  const secret = page.getByLabel('Secret access key');
  await expect(secret).toHaveValue(/^[A-Za-z0-9]{40}$/);
  const secretValue = await secret.inputValue();
  const keyId = await page.getByLabel('Access key ID').inputValue();
  expect(keyId).toMatch(/^TBUK[A-Z2-7]{16}$/);

  const mine = page.getByRole('table', { name: 'Your access keys' });
  const row = mine.getByRole('row').filter({ hasText: keyId });
  await expect(row).toContainText('e2e script');
  await expect(row).toContainText('Active');
  await expect(page.getByRole('table', { name: "Everyone's access keys" }).getByRole('row').filter({ hasText: keyId })).toContainText('admin@e2e.test');

  await page.reload();
  await expect(mine.getByRole('row').filter({ hasText: keyId })).toBeVisible();
  await expect(page.getByLabel('Secret access key')).toHaveCount(0);
  expect(await page.content()).not.toContain(secretValue);

  await mine.getByRole('button', { name: `Rotate key ${keyId}` }).click();
  const rotatedId = page.getByLabel('Access key ID');
  await expect(rotatedId).not.toHaveValue(keyId);
  const newId = await rotatedId.inputValue();
  await expect(mine.getByRole('row').filter({ hasText: keyId })).toContainText('Revoked');
  await expect(mine.getByRole('row').filter({ hasText: newId })).toContainText('e2e script');

  page.once('dialog', (d) => void d.accept());
  await mine.getByRole('button', { name: `Revoke key ${newId}` }).click();
  await expect(page.getByRole('status').filter({ hasText: `Access key ${newId} is revoked.` })).toBeVisible();
  await expect(mine.getByRole('row').filter({ hasText: newId })).toContainText('Revoked');
});
